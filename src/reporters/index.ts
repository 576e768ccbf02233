/** Reporters of the conformance harness: objects of optional hooks that render run events. */
export { createReporters, REPORTERS, type CreateReportersOutcome, type ReporterName } from './create-reporters.js';
export type { ReportDestination, ReporterContext, ReporterFactory } from './reporter-context.js';
export { formatFindingsText } from './format-findings-text.js';
export { formatPrettyReport } from './pretty.js';
export { formatJsonReport } from './json.js';
export { formatJunitReport } from './junit.js';
export { formatGithubCommands } from './github.js';
export { shouldUseColor } from './color.js';
export { ReportWriteError } from './write-report.js';
