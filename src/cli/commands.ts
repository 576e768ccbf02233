import { checkCommand } from './check.js';
import type { Command } from './command.js';
import { pactCommand } from './pact.js';
import { validateCommand } from './validate.js';

/** Every subcommand, in the order `--help` lists them. Each command lives in its own file. */
export const COMMANDS: readonly Command[] = [checkCommand, validateCommand, pactCommand];
