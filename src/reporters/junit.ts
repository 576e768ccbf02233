import type { Finding, Report } from '../runner/report.js';
import { formatFinding } from './format-finding.js';
import { groupFindingsByCheck, type CheckWithFindings } from './group-findings.js';
import { credentialsNote, verdictProblem } from './report-notes.js';
import type { ReporterFactory } from './reporter-context.js';
import { countOf } from './text-layout.js';
import { writeReport } from './write-report.js';
import { escapeXmlAttribute as attr, escapeXmlText as text } from './xml-escape.js';

const SUITE = 'twiml-fax-kit';

/**
 * The report as JUnit XML: one testsuite, one testcase per check (`classname` twiml-fax-kit, `name` the check id and
 * title). A failed check carries one `<failure>` with every finding in its body (id, Twilio code, message, hint,
 * curl line); a skipped check `<skipped message="reason"/>`; warnings and notices of a passing check go to
 * `<system-out>`. A run that is not ok although no check failed (interrupted, or nothing judged) gets one more
 * testcase with an `<error>` (`run-interrupted`, `nothing-judged`), so CI never shows it green.
 * Times are in seconds, as GitHub Actions test reporters and GitLab's JUnit report expect.
 */
export function formatJunitReport(report: Report): string {
  const groups = groupFindingsByCheck(report);
  const problem = verdictProblem(report);
  const failures = groups.filter((g) => g.check.status === 'failed').length;
  const skipped = groups.filter((g) => g.check.status === 'skipped').length;
  const errors = problem ? 1 : 0;
  const counts = `tests="${groups.length + errors}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${seconds(report.summary.durationMs)}"`;
  const suiteOut = [
    ...(report.serverLog === undefined ? [] : [`server output: ${report.serverLog}`]),
    ...[credentialsNote(report)].filter((note) => note !== undefined),
  ];
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${SUITE}" ${counts}>`,
    `  <testsuite name="${SUITE}" ${counts}>`,
    '    <properties>',
    `      <property name="target" value="${attr(report.target)}"/>`,
    ...(report.seed === undefined ? [] : [`      <property name="seed" value="${report.seed}"/>`]),
    `      <property name="requests" value="${report.summary.requests}"/>`,
    '    </properties>',
    ...(problem
      ? [`    <testcase classname="${SUITE}" name="${attr(problem.type)}" time="0">`, `      <error message="${attr(problem.message)}" type="${attr(problem.type)}"/>`, '    </testcase>']
      : []),
    ...groups.flatMap(formatTestcase),
    ...(suiteOut.length === 0 ? [] : [`    <system-out>${text(suiteOut.join('\n'))}</system-out>`]),
    '  </testsuite>',
    '</testsuites>',
  ];
  return `${lines.join('\n')}\n`;
}

function formatTestcase({ check, findings }: CheckWithFindings): string[] {
  const name = check.title === check.id ? check.id : `${check.id}: ${check.title}`;
  // Checks have no time of their own in the report: the run's duration is on the suite.
  const open = `    <testcase classname="${SUITE}" name="${attr(name)}" time="0"`;
  if (check.status === 'skipped') {
    return [`${open}>`, `      <skipped message="${attr(check.skipReason ?? 'skipped')}"/>`, '    </testcase>'];
  }
  if (check.status === 'failed') {
    const first = findings.find((f) => f.severity === 'error') ?? findings[0];
    const message = first ? failureMessage(first, findings.length) : `${check.id} failed`;
    const type = first?.code ?? check.id;
    return [`${open}>`, `      <failure message="${attr(message)}" type="${attr(type)}">${text(findingsBody(findings))}</failure>`, '    </testcase>'];
  }
  if (findings.length === 0) return [`${open}/>`];
  return [`${open}>`, `      <system-out>${text(findingsBody(findings))}</system-out>`, '    </testcase>'];
}

function failureMessage(finding: Finding, total: number): string {
  const twilio = finding.twilioError === undefined ? '' : ` (Twilio ${finding.twilioError}${finding.twilioErrorTitle ? ` ${finding.twilioErrorTitle}` : ''})`;
  const more = total > 1 ? ` [${countOf(total, 'finding')}]` : '';
  return `${finding.check}${twilio}: ${finding.message}${more}`;
}

function findingsBody(findings: readonly Finding[]): string {
  return `\n${findings.map((f) => formatFinding(f)).join('\n\n')}\n`;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/** `--reporter junit[:FILE]`: JUnit XML at the end of the run. */
export const createJunitReporter: ReporterFactory = (context) => ({
  onRunFinished: (event) => writeReport(context, formatJunitReport(event.report)),
});
