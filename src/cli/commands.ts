import type { Command } from './command.js';

/**
 * A subcommand as the command list knows it: its name, its line in `--help`, and the module that runs it. Modules
 * are loaded only when their command runs (or shows its own help), so `--help` and `--version` load none of the
 * harness, the reporters or Pact.
 */
export interface CommandEntry {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  load(): Promise<Command>;
}

/** Every subcommand, in the order `--help` lists them. Each command lives in its own file. */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'check', summary: "play Twilio's fax service against a webhook URL and report what would fail", load: async () => (await import('./check.js')).checkCommand },
  { name: 'validate', summary: 'validate fax TwiML replies (files, directories or stdin)', load: async () => (await import('./validate.js')).validateCommand },
  {
    name: 'pact',
    summary: 'generate the fax webhook Pact contract, verify an app against it with Pact, or publish it to a broker',
    load: async () => (await import('./pact.js')).pactCommand,
  },
];
