import type { CheckResult, Finding, Report } from '../model/report.js';
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
 * `<system-out>`. A check that stopped sending early says so (its note) first in its failure's body or its
 * `<system-out>`. A run that was interrupted or stopped early, or that is not ok although no check failed (a check
 * stopped early, nothing judged), gets one more testcase with an `<error>` (`run-interrupted`, `run-stopped-early`,
 * `check-stopped-early`, `nothing-judged`), so CI never shows it green.
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
    ...summaryProperties(report),
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
  if (check.status === 'failed') {
    const first = findings.find((f) => f.severity === 'error') ?? findings[0];
    const message = first ? failureMessage(first, findings.length) : `${check.id} failed`;
    const type = first?.code ?? check.id;
    return [`${open}>`, `      <failure message="${attr(message)}" type="${attr(type)}">${text(testcaseBody(check, findings))}</failure>`, '    </testcase>'];
  }
  const skipped = check.status === 'skipped' ? [`      <skipped message="${attr(check.skipReason ?? 'skipped')}"/>`] : [];
  if (findings.length === 0 && check.note === undefined) return skipped.length === 0 ? [`${open}/>`] : [`${open}>`, ...skipped, '    </testcase>'];
  return [`${open}>`, ...skipped, `      <system-out>${text(testcaseBody(check, findings))}</system-out>`, '    </testcase>'];
}

function testcaseBody(check: CheckResult, findings: readonly Finding[]): string {
  const note = check.note === undefined ? [] : [`Stopped early: ${check.note}`];
  return `\n${[...note, ...findings.map((f) => formatFinding(f))].join('\n\n')}\n`;
}

function failureMessage(finding: Finding, total: number): string {
  const twilio = finding.twilioError === undefined ? '' : ` (Twilio ${finding.twilioError}${finding.twilioErrorTitle ? ` ${finding.twilioErrorTitle}` : ''})`;
  const more = total > 1 ? ` [${countOf(total, 'finding')}]` : '';
  return `${finding.check}${twilio}: ${finding.message}${more}`;
}

/** The run's counts a JUnit viewer can show beside the testcases: cases planned and run, checks that judged something. */
function summaryProperties({ summary }: Report): string[] {
  const counts: Array<[string, number | undefined]> = [['planned-cases', summary.plannedCases], ['cases', summary.cases], ['judged-checks', summary.judged]];
  return counts.flatMap(([name, value]) => (value === undefined ? [] : [`      <property name="${name}" value="${value}"/>`]));
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/** `--reporter junit[:FILE]`: JUnit XML at the end of the run. */
export const createJunitReporter: ReporterFactory = (context) => ({
  onRunFinished: (event) => writeReport(context, formatJunitReport(event.report)),
});
