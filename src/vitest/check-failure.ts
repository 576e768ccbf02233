import { failsOn, SEVERITIES, type Severity } from '../model/diagnostic.js';
import { formatFinding } from '../reporters/format-finding.js';
import type { Finding, Report } from '../model/report.js';

/** The severities that fail a run under the report's `failOn` (`warning`: errors and warnings). */
export function failingSeverities(report: Pick<Report, 'failOn'>): Severity[] {
  return SEVERITIES.filter((severity) => failsOn(severity, report.failOn));
}

/**
 * The message of a failed check's test: the run's seed (to repeat it), why the run or the check stopped early when it
 * did, then each finding of that check of the given severities (by default those that fail under the report's
 * `failOn`) as the reporters print it (check id, Twilio code and title, message, hint, "Reproduce with:" and the curl
 * line), each with the options that replay just its case.
 * Plain text: vitest prints it in the terminal, in JUnit `<failure>` and in the JSON reporter's `failureMessages`.
 * @example throw new Error(formatCheckFailure(report, 'content-type'))
 */
export function formatCheckFailure(report: Report, checkId: string, severities: readonly string[] = failingSeverities(report)): string {
  const findings = report.findings.filter((f) => f.check === checkId && severities.includes(f.severity));
  const noun = findings.length === 1 ? 'finding' : 'findings';
  const heading = `${checkId}: ${findings.length} ${noun} for ${report.target} (seed ${report.seed}; pass { seed: ${report.seed} } to repeat the run)`;
  const note = report.checks.find((c) => c.id === checkId)?.note;
  const stops = [report.stoppedEarly && `The run stopped early: ${report.stoppedEarly}.`, note && `${checkId} ${note}.`].filter((line): line is string => Boolean(line));
  return [heading, ...stops, ...findings.map(formatWithReplay)].join('\n\n');
}

// The options of describeFaxConformance replay the case, not the reporters' command line or checkServer call: shown
// once, in their place.
function formatWithReplay(finding: Finding): string {
  const { replay, ...rest } = finding;
  if (!replay) return formatFinding(finding);
  const options = `{ seed: ${replay.seed}, replay: '${replay.path}', checks: ['${finding.check}'] }`;
  return `${formatFinding(rest)}\n\n  Replay just this case: pass ${options}`;
}
