import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CliIo } from '../model/io.js';
import { didYouMean } from './did-you-mean.js';

/** One subcommand of `twiml-fax-kit`. `run` returns the exit code; it never calls `process.exit`. */
export interface Command {
  readonly name: string;
  /** The full `--help` text: usage, options, examples, exit codes. */
  readonly help: string;
  /** The help for `argv` when the command has subcommands (`pact generate --help`); `help` otherwise. */
  helpFor?(argv: readonly string[]): string;
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

export type ParsedArgs<T extends ParseArgsConfig['options']> = ReturnType<typeof parseArgs<{ options: T; allowPositionals: true; strict: true }>>;

export type ParseOutcome<T extends ParseArgsConfig['options']> =
  | { readonly ok: true; readonly args: ParsedArgs<T> }
  | { readonly ok: false; readonly message: string };

/**
 * Parses a command's flags strictly (unknown flags are usage errors) and returns the outcome as a value.
 * @example parseCommandArgs('validate', argv, { reporter: { type: 'string' } })
 */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  argv: readonly string[],
  options: T,
): ParseOutcome<T> {
  try {
    const args = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true, allowNegative: true } as never);
    return { ok: true, args: args as ParsedArgs<T> };
  } catch (error) {
    // node:util throws for unknown or malformed flags; turn it into one line that says what to do.
    const raw = error instanceof Error ? error.message : String(error);
    const firstLine = raw.split('\n')[0] ?? raw;
    // "Option '--runs' argument is ambiguous." is what node:util says for a value that is missing (`--runs --seed 1`)
    // or starts with a dash (`--runs -1`); the useful part is on the lines it goes on with.
    const ambiguous = /^Option '(--[^']+)' argument is ambiguous/.exec(firstLine)?.[1];
    const line = ambiguous ? `${ambiguous} needs a value (one that starts with '-' goes as ${ambiguous}=VALUE)` : lowerFirst(firstLine.replace(/\. To specify a positional argument.*$/, ''));
    const unknown = /^Unknown option '(--[^'=]+)'/.exec(firstLine)?.[1];
    const guess = unknown === undefined ? undefined : didYouMean(unknown, Object.keys(options));
    if (guess !== undefined) return { ok: false, message: `${line}; did you mean --${guess}? (see 'twiml-fax-kit ${command} --help')` };
    return { ok: false, message: `${line} (see 'twiml-fax-kit ${command} --help')` };
  }
}

/** node:util words it 'Unknown option ...'; the kit's one-line errors start in lower case. */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Writes a usage error as one line and returns exit code 2. */
export function usageError(io: CliIo, message: string): number {
  io.stderr.write(`twiml-fax-kit: ${message}\n`);
  return 2;
}
