import type { CliIo } from '../model/io.js';
import type { Reporter } from '../model/events.js';

/** Where a reporter writes its final report: stdout, or a file (absolute path) written at the end of the run. */
export type ReportDestination = { readonly kind: 'stdout' } | { readonly kind: 'file'; readonly path: string };

/** What a reporter factory is given. */
export interface ReporterContext {
  readonly io: CliIo;
  readonly destination: ReportDestination;
  /** Whether the final report may use colour: decided once from the destination, `--color`, NO_COLOR, FORCE_COLOR. */
  readonly color: boolean;
}

/** Makes one reporter; `REPORTERS` maps CLI names to these. */
export type ReporterFactory = (context: ReporterContext) => Reporter;
