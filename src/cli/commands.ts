import type { Command } from './command.js';

/** Every subcommand, in the order `--help` lists them. Each command lives in its own file. */
export const COMMANDS: readonly Command[] = [];
