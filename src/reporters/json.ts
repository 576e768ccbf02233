import type { Report } from '../model/report.js';
import type { ReporterFactory } from './reporter-context.js';
import { writeReport } from './write-report.js';

/** The report as pretty-printed JSON: exactly the stable `Report` shape, nothing added. */
export function formatJsonReport(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** `--reporter json`: the `Report` as JSON at the end of the run. */
export const createJsonReporter: ReporterFactory = (context) => ({
  onRunFinished: (event) => writeReport(context, formatJsonReport(event.report)),
});
