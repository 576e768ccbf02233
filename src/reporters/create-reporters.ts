import type { CliIo } from '../model/io.js';
import type { Reporter } from '../model/events.js';
import { createRedactor } from '../secrets/redact.js';
import { createGithubReporter } from './github.js';
import { createHtmlReporter } from './html/html-report.js';
import { createJsonReporter } from './json.js';
import { createJunitReporter } from './junit.js';
import { createMarkdownReporter } from './markdown.js';
import { createPrettyReporter } from './pretty.js';
import { redactingReporter } from './redacting-reporter.js';
import type { ReporterFactory } from './reporter-context.js';
import { resolveReporterOutputs, type ReporterOutputsOptions } from './reporter-outputs.js';

/** The reporters by their `--reporter` name. */
export const REPORTERS = {
  pretty: createPrettyReporter,
  json: createJsonReporter,
  junit: createJunitReporter,
  github: createGithubReporter,
  html: createHtmlReporter,
  markdown: createMarkdownReporter,
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
