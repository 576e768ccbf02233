import type { Report } from '../model/report.js';
import { formatFindingsText } from '../reporters/format-findings-text.js';
import { checkServer, type CheckServerOptions, type CheckTarget } from './check-server.js';

/**
 * `checkServer` as an assertion for a test: resolves with the report when it passes (no finding fails under
 * `failOn`, something was judged), and throws an Error whose message lists the findings otherwise (the one deliberate
 * exception of the kit).
 * @example await assertConformance({ handler: app.fetch, url: 'http://localhost/fax' }, { runs: 20 });
 */
export async function assertConformance(target: CheckTarget, options: CheckServerOptions = {}): Promise<Report> {
  const report = await checkServer(target, options);
  if (!report.ok) throw new Error(formatFindingsText(report));
  return report;
}
