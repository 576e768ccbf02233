import { resolve } from 'node:path';
import type { CliIo } from '../model/io.js';
import type { Reporter } from '../model/events.js';
import { createRedactor } from '../secrets/redact.js';
import { shouldUseColor } from './color.js';
import { createGithubReporter } from './github.js';
import { createJsonReporter } from './json.js';
import { createJunitReporter } from './junit.js';
import { prepareOutputFiles, type OutputFile } from './output-files.js';
import { createPrettyReporter } from './pretty.js';
import { redactingReporter } from './redacting-reporter.js';
import type { ReportDestination, ReporterFactory } from './reporter-context.js';

/** The reporters by their `--reporter` name. */
export const REPORTERS = {
  pretty: createPrettyReporter,
  json: createJsonReporter,
  junit: createJunitReporter,
  github: createGithubReporter,
} as const satisfies Record<string, ReporterFactory>;

/** A `--reporter` name. */
export type ReporterName = keyof typeof REPORTERS;

/** The outcome of `createReporters`: the reporters, or one line saying what is wrong with the flags. */
export type CreateReportersOutcome =
  | { readonly ok: true; readonly reporters: Reporter[] }
  | { readonly ok: false; readonly message: string };

interface ReporterSpec {
  readonly spec: string;
  readonly name: ReporterName;
  readonly destination: ReportDestination;
}

/** How `createReporters` makes the reporters. */
export interface CreateReportersOptions {
  /** `--color`/`--no-color`; unset, colour follows the stream. */
  readonly color?: boolean;
  /** What no report may show (the auth token, URL credentials): removed from every event before a reporter sees it. */
  readonly secrets?: readonly string[];
  /** The command's other output files (`--server-log`): checked with the reports, and no report may share one. */
  readonly otherOutputs?: ReadonlyArray<{ readonly label: string; readonly path: string }>;
}

/**
 * Makes the reporters for the `--reporter NAME[:FILE]` values (no value: `pretty` to stdout). A FILE is written
 * when the run finishes, relative to `io.cwd`; without one the report goes to stdout, which only one reporter may
 * use (`github` may join `pretty` there).
 *
 * Call it before the run's first request: every output file (the reports and `options.otherOutputs`) is checked
 * here, so a path that cannot be written is one line now rather than after the whole run; missing directories are
 * created inside `io.cwd` only; and an earlier run's report at a report's path is removed (see `prepareOutputFiles`).
 * @example createReporters(['pretty', 'junit:reports/fax.xml'], io, { secrets: [authToken] })
 */
export function createReporters(specs: readonly string[], io: CliIo, options: CreateReportersOptions = {}): CreateReportersOutcome {
  const parsed: ReporterSpec[] = [];
  for (const spec of specs.length > 0 ? specs : ['pretty']) {
    const outcome = parseReporterSpec(spec, io.cwd);
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
  const redactor = createRedactor(options.secrets ?? []);
  const reporters = parsed.map(({ name, destination }) => {
    const color = destination.kind === 'stdout' && shouldUseColor(io.stdout, io.env, options.color);
    return redactingReporter(REPORTERS[name]({ io, destination, color }), redactor);
  });
  return { ok: true, reporters };
}

function parseReporterSpec(spec: string, cwd: string): ReporterSpec | string {
  const colon = spec.indexOf(':');
  const name = colon === -1 ? spec : spec.slice(0, colon);
  if (!isReporterName(name)) {
    return `unknown reporter '${name}'; reporters: ${Object.keys(REPORTERS).join(', ')} (--reporter NAME[:FILE])`;
  }
  if (colon === -1) return { spec, name, destination: { kind: 'stdout' } };
  const file = spec.slice(colon + 1);
  if (file.trim() === '') return `reporter '${spec}' needs a file after ':' (e.g. --reporter ${name}:reports/fax.${extensionOf(name)})`;
  return { spec, name, destination: { kind: 'file', path: resolve(cwd, file) } };
}

function isReporterName(name: string): name is ReporterName {
  return Object.hasOwn(REPORTERS, name);
}

/**
 * `github`'s workflow commands may follow `pretty`'s text on stdout, as a GitHub Actions step wants them (the runner
 * picks `::error` lines out of the log wherever they are); never json's or junit's documents, which they would break.
 */
function canShareStdout(a: ReporterName, b: ReporterName): boolean {
  return [a, b].sort().join('+') === 'github+pretty';
}

function findSharedDestination(specs: readonly ReporterSpec[]): string | undefined {
  const onStdout = specs.filter((spec) => spec.destination.kind === 'stdout');
  for (const [index, earlier] of onStdout.entries()) {
    const clash = onStdout.slice(index + 1).find((spec) => !canShareStdout(earlier.name, spec.name));
    if (clash) {
      return `reporters '${earlier.spec}' and '${clash.spec}' both write to stdout; give one a file (e.g. --reporter ${clash.name}:report.${extensionOf(clash.name)})`;
    }
  }
  const seen = new Map<string, ReporterSpec>();
  for (const spec of specs) {
    if (spec.destination.kind === 'stdout') continue;
    const earlier = seen.get(spec.destination.path);
    if (earlier) return `reporters '${earlier.spec}' and '${spec.spec}' both write to the same file; give each its own file`;
    seen.set(spec.destination.path, spec);
  }
  return undefined;
}

function extensionOf(name: ReporterName): string {
  if (name === 'json') return 'json';
  if (name === 'junit') return 'xml';
  return 'txt';
}
