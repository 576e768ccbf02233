import type { Finding, Report } from '../model/report.js';
import { formatVerdict } from './format-summary.js';
import { groupFindingsByCheck } from './group-findings.js';
import { PLAIN } from './palette.js';
import { replayOf, verdictOf, verdictProblem, type Verdict } from './report-notes.js';
import type { ReporterFactory } from './reporter-context.js';
import { showControlCharacters } from './show-control-characters.js';
import { formatDuration } from './text-layout.js';
import { writeReport } from './write-report.js';

const VERDICT_ICON: Readonly<Record<Verdict, string>> = { passed: '✅', failed: '❌', interrupted: '⚠️', 'stopped-early': '❌', 'nothing-judged': '❌' };

/** How many findings of one check the summary lists; the rest are counted (the html and JUnit reports hold them all). */
const FINDINGS_PER_CHECK = 5;

/**
 * Text of any origin made safe for GitHub-flavoured Markdown on one line, in a table cell or a paragraph: control
 * characters made visible, line breaks as spaces, HTML's and Markdown's active characters as entities or escaped, so
 * a server's reply can neither add markup (GitHub renders HTML in Markdown) nor break the table.
 */
export function escapeMarkdown(text: string): string {
  return showControlCharacters(text)
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#!~])/g, '\\$1');
}

/**
 * The report as a short Markdown summary, as a CI job summary wants it (`$GITHUB_STEP_SUMMARY`, a merge request
 * note): the verdict (the same as every reporter's: an interrupted, stopped-early or nothing-judged run is never a
 * pass), the counts and seed, and a table of the failing checks with their first findings (severity, Twilio code,
 * message) and the command that replays each. The details are in the html and JUnit reports.
 */
export function formatMarkdownSummary(report: Report): string {
  const verdict = verdictOf(report);
  const { summary } = report;
  const problem = verdictProblem(report);
  const lines = [
    `### ${VERDICT_ICON[verdict]} twiml-fax-kit: ${escapeMarkdown(formatVerdict(report, PLAIN))}`,
    '',
    ...(problem && problem.type !== 'run-failed' ? [`**${escapeMarkdown(problem.message)}**`, ''] : []),
    `Checks: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped (${summary.checks}) · ` +
      `${summary.requests} requests in ${formatDuration(summary.durationMs)}` +
      (report.seed === undefined ? '' : ` · seed ${report.seed} (repeat with \`--seed ${report.seed}\`)`),
  ];
  const failing = groupFindingsByCheck(report).filter((group) => group.check.status === 'failed' || group.check.note !== undefined);
  if (failing.length > 0) {
    lines.push('', '| check | severity | Twilio | finding |', '| --- | --- | --- | --- |');
    for (const { check, findings } of failing) {
      if (check.note !== undefined) lines.push(`| \`${escapeMarkdown(check.id)}\` | stopped early | | ${escapeMarkdown(check.note)} |`);
      for (const finding of findings.slice(0, FINDINGS_PER_CHECK)) lines.push(findingRow(finding));
      if (findings.length > FINDINGS_PER_CHECK) lines.push(`| \`${escapeMarkdown(check.id)}\` | | | and ${findings.length - FINDINGS_PER_CHECK} more findings (see the html report) |`);
    }
    const replays = failing.flatMap(({ findings }) => findings.slice(0, 1)).flatMap((finding) => {
      const replay = replayOf(finding);
      return replay === undefined ? [] : [`${finding.check}: ${showControlCharacters(replay)}`];
    });
    if (replays.length > 0) {
      // A fence longer than any run of backticks inside, so no command can end the block early.
      const fence = '`'.repeat(Math.max(3, ...replays.map((line) => Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length)) + 1)));
      lines.push('', '<details><summary>Replay a failing case</summary>', '', `${fence}sh`, ...replays, fence, '', '</details>');
    }
  }
  return `${lines.join('\n')}\n`;
}

function findingRow(finding: Finding): string {
  const twilio = finding.twilioError === undefined ? '' : `${finding.twilioError}${finding.twilioErrorTitle ? ` ${escapeMarkdown(finding.twilioErrorTitle)}` : ''}`;
  const count = finding.count !== undefined && finding.count > 1 ? ` (${finding.count} cases)` : '';
  return `| \`${escapeMarkdown(finding.check)}\` | ${finding.severity} | ${twilio} | ${escapeMarkdown(finding.message)}${count} |`;
}

/** `--reporter markdown`: a short Markdown summary (a job summary, a merge request note) at the end of the run. */
export const createMarkdownReporter: ReporterFactory = (context) => ({
  onRunFinished: (event) => writeReport(context, formatMarkdownSummary(event.report)),
});
