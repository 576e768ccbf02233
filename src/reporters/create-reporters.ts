import type { CliIo } from '../model/io.js';
import type { Reporter } from '../model/events.js';
import { createRedactor } from '../secrets/redact.js';
import { loadOnce } from '../model/load-once.js';
import { createPrettyReporter } from './pretty.js';
import { redactingReporter } from './redacting-reporter.js';
import type { ReporterFactory } from './reporter-context.js';
import { resolveReporterOutputs, type ReporterOutputsOptions } from './reporter-outputs.js';

/**
 * A reporter that writes only when the run finishes, as every one but `pretty` (whose progress bar follows the run)
 * does: its module loads then, so a run loads only the reporters it was asked for, and none before its first request.
 */
function writtenAtTheEnd(load: () => Promise<ReporterFactory>): ReporterFactory {
  const loadFactory = loadOnce(load);
  return (context) => ({ onRunFinished: async (event) => (await loadFactory())(context).onRunFinished?.(event) });
}

/** The reporters by their `--reporter` name. */
export const REPORTERS = {
  pretty: createPrettyReporter,
  json: writtenAtTheEnd(async () => (await import('./json.js')).createJsonReporter),
  junit: writtenAtTheEnd(async () => (await import('./junit.js')).createJunitReporter),
  github: writtenAtTheEnd(async () => (await import('./github.js')).createGithubReporter),
  html: writtenAtTheEnd(async () => (await import('./html/html-report.js')).createHtmlReporter),
  markdown: writtenAtTheEnd(async () => (await import('./markdown.js')).createMarkdownReporter),
} as const satisfies Record<string, ReporterFactory>;

/** A `--reporter` name. */
export type ReporterName = keyof typeof REPORTERS;

const REPORTER_NAMES = Object.keys(REPORTERS) as ReporterName[];

/** The outcome of `createReporters`: the reporters, or one line saying what is wrong with the flags. */
export type CreateReportersOutcome =
  | { readonly ok: true; readonly reporters: Reporter[] }
  | { readonly ok: false; readonly message: string };

/** How `createReporters` makes the reporters. */
export interface CreateReportersOptions extends ReporterOutputsOptions {
  /** What no report may show (the auth token, URL credentials): removed from every event before a reporter sees it. */
  readonly secrets?: readonly string[];
}

/**
 * Makes the run reporters (`check`, `pact verify`) for the `--reporter NAME[:FILE]` values, by the rules every
 * command shares (`resolveReporterOutputs`: no value is `pretty` on stdout, files checked and earlier reports removed
 * before the run, one colour rule). A FILE is written when the run finishes, relative to `io.cwd`.
 * @example createReporters(['pretty', 'junit:reports/fax.xml'], io, { secrets: [authToken] })
 */
export function createReporters(specs: readonly string[], io: CliIo, options: CreateReportersOptions = {}): CreateReportersOutcome {
  const outputs = resolveReporterOutputs(specs, REPORTER_NAMES, io, options);
  if (!outputs.ok) return outputs;
  const redactor = createRedactor(options.secrets ?? []);
  return { ok: true, reporters: outputs.outputs.map(({ name, destination, color }) => redactingReporter(REPORTERS[name]({ io, destination, color }), redactor)) };
}
