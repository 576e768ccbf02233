import { formatFinding } from '../reporters/format-finding.js';
import type { Report } from '../runner/report.js';

/**
 * The message of a failed check's test: the run's seed (to repeat it), then each finding of that check as the
 * reporters print it (check id, Twilio code and title, message, hint, "Reproduce with:" and the curl line).
 * Plain text: vitest prints it in the terminal, in JUnit `<failure>` and in the JSON reporter's `failureMessages`.
 * @example throw new Error(formatCheckFailure(report, 'content-type'))
 */
export function formatCheckFailure(report: Report, checkId: string, severities: readonly string[] = ['error']): string {
  const findings = report.findings.filter((f) => f.check === checkId && severities.includes(f.severity));
  const noun = findings.length === 1 ? 'finding' : 'findings';
  const heading = `${checkId}: ${findings.length} ${noun} for ${report.target} (seed ${report.seed}; pass { seed: ${report.seed} } to repeat the run)`;
  return [heading, ...findings.map((f) => formatFinding(f))].join('\n\n');
}
