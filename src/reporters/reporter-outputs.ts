import { resolve } from 'node:path';
import type { CliIo } from '../model/io.js';
import { shouldUseColor } from './color.js';
import { prepareOutputFiles, type OutputFile } from './output-files.js';
import type { ReportDestination } from './reporter-context.js';

/** One `--reporter NAME[:FILE]`: which reporter, where its report goes, and whether it may use colour. */
export interface ReporterOutput<Name extends string> {
  /** As the user wrote it, for messages. */
  readonly spec: string;
  readonly name: Name;
  readonly destination: ReportDestination;
  /** Decided once by the one colour rule (`shouldUseColor`): only on stdout, and as `--color`, FORCE_COLOR, NO_COLOR say. */
  readonly color: boolean;
}

/** What every command's `--reporter` values come to: the outputs, or one line saying what is wrong with them. */
export type ReporterOutputsOutcome<Name extends string> =
  | { readonly ok: true; readonly outputs: ReporterOutput<Name>[] }
  | { readonly ok: false; readonly message: string };

/** How a command's reporter outputs are decided. */
export interface ReporterOutputsOptions {
  /** `--color`/`--no-color`; unset, colour follows the stream and the environment. */
  readonly color?: boolean;
  /** The command's other output files (`--server-log`): checked with the reports, and no report may share one. */
  readonly otherOutputs?: ReadonlyArray<{ readonly label: string; readonly path: string }>;
}

/**
 * The shared rules of `--reporter NAME[:FILE]` for every command (`check`, `validate`, `pact verify`): no value means
 * `pretty` on stdout; NAME must be one of `names`; a FILE is relative to `io.cwd`; only one reporter may write to
 * stdout (`github` may join `pretty` there); no two outputs may share a file.
 *
 * Call it before the command reads or sends anything: every output file (the reports and `options.otherOutputs`) is
 * checked here, so a path that cannot be written is one line now rather than after the work; missing directories are
 * created inside `io.cwd` only; and an earlier report at a report's path is removed (see `prepareOutputFiles`).
 * @example resolveReporterOutputs(['pretty', 'junit:reports/fax.xml'], ['pretty', 'json', 'junit', 'github'], io)
 */
export function resolveReporterOutputs<Name extends string>(
  specs: readonly string[],
  names: readonly Name[],
  io: CliIo,
  options: ReporterOutputsOptions = {},
): ReporterOutputsOutcome<Name> {
  const parsed: Array<Omit<ReporterOutput<Name>, 'color'>> = [];
  for (const spec of specs.length > 0 ? specs : ['pretty']) {
    const outcome = parseReporterSpec(spec, names, io.cwd);
    if (typeof outcome === 'string') return { ok: false, message: outcome };
    parsed.push(outcome);
  }
  const clash = findSharedDestination(parsed);
  if (clash) return { ok: false, message: clash };
  const files: OutputFile[] = [
    ...parsed.flatMap(({ spec, destination }): OutputFile[] => (destination.kind === 'file' ? [{ label: `--reporter ${spec}`, path: destination.path, kind: 'report' }] : [])),
    ...(options.otherOutputs ?? []).map((other): OutputFile => ({ label: other.label, path: resolve(io.cwd, other.path), kind: 'log' })),
  ];
  const problem = prepareOutputFiles(files, io.cwd);
  if (problem) return { ok: false, message: problem };
  return { ok: true, outputs: parsed.map((output) => ({ ...output, color: output.destination.kind === 'stdout' && shouldUseColor(io.stdout, io.env, options.color) })) };
}

function parseReporterSpec<Name extends string>(spec: string, names: readonly Name[], cwd: string): Omit<ReporterOutput<Name>, 'color'> | string {
  const colon = spec.indexOf(':');
  const raw = colon === -1 ? spec : spec.slice(0, colon);
  const name = names.find((candidate) => candidate === raw);
  if (name === undefined) return `unknown reporter '${raw}'; reporters: ${names.join(', ')} (--reporter NAME[:FILE])`;
  if (colon === -1) return { spec, name, destination: { kind: 'stdout' } };
  const file = spec.slice(colon + 1);
  if (file.trim() === '') return `reporter '${spec}' needs a file after ':' (e.g. --reporter ${name}:reports/fax.${extensionOf(name)})`;
  return { spec, name, destination: { kind: 'file', path: resolve(cwd, file) } };
}

/**
 * `github`'s workflow commands may follow `pretty`'s text on stdout, as a GitHub Actions step wants them (the runner
 * picks `::error` lines out of the log wherever they are); never json's or junit's documents, which they would break.
 */
function canShareStdout(a: string, b: string): boolean {
  return [a, b].sort().join('+') === 'github+pretty';
}

function findSharedDestination(outputs: ReadonlyArray<Omit<ReporterOutput<string>, 'color'>>): string | undefined {
  const onStdout = outputs.filter((output) => output.destination.kind === 'stdout');
  for (const [index, earlier] of onStdout.entries()) {
    const clash = onStdout.slice(index + 1).find((output) => !canShareStdout(earlier.name, output.name));
    if (clash) {
      return `reporters '${earlier.spec}' and '${clash.spec}' both write to stdout; give one a file (e.g. --reporter ${clash.name}:report.${extensionOf(clash.name)})`;
    }
  }
  const seen = new Map<string, Omit<ReporterOutput<string>, 'color'>>();
  for (const output of outputs) {
    if (output.destination.kind === 'stdout') continue;
    const earlier = seen.get(output.destination.path);
    if (earlier) return `reporters '${earlier.spec}' and '${output.spec}' both write to the same file; give each its own file`;
    seen.set(output.destination.path, output);
  }
  return undefined;
}

function extensionOf(name: string): string {
  if (name === 'json') return 'json';
  if (name === 'junit') return 'xml';
  if (name === 'sarif' || name === 'html') return name;
  if (name === 'markdown') return 'md';
  return 'txt';
}
