import type { Severity } from '../model/diagnostic.js';
import type { Finding, Report } from '../model/report.js';
import { credentialsNote, countsLine, judgedLine, replayOf, verdictOf, verdictProblem, type Verdict } from './report-notes.js';
import type { ReporterFactory } from './reporter-context.js';
import { showControlCharacters } from './show-control-characters.js';
import { countOf, formatDuration } from './text-layout.js';
import { writeReport } from './write-report.js';

const COMMAND: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', notice: 'notice' };

/** Escapes a workflow command's message as @actions/core does: `%`, CR and LF. */
export function escapeGithubData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value as @actions/core does: the data escapes plus `:` and `,`. */
export function escapeGithubProperty(value: string): string {
  return escapeGithubData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * The report as GitHub workflow commands: one `::error`/`::warning`/`::notice` line per finding (check id and Twilio
 * code in the title; message, hint, curl line and replay command in the body); an `::error` for each check that
 * stopped sending early and one for a run the kit stopped early; then the summary line: a `::notice` for a run that
 * passed, an `::error` for one that did not (failed, interrupted, stopped early, or nothing judged), so such a run
 * never looks green. Each command is exactly one line, whatever the server sent.
 */
export function formatGithubCommands(report: Report): string {
  const lines = report.findings.map(formatAnnotation);
  for (const check of report.checks) {
    if (check.note !== undefined) lines.push(command('error', `${check.id} stopped early`, `${check.id} ${check.note}`));
  }
  if (report.stoppedEarly !== undefined) lines.push(command('error', 'twiml-fax-kit stopped early', `The run stopped early: ${report.stoppedEarly}`));
  lines.push(command(report.ok ? 'notice' : 'error', 'twiml-fax-kit', summaryLine(report)));
  return `${lines.join('\n')}\n`;
}

function formatAnnotation(finding: Finding): string {
  const twilio = finding.twilioError === undefined ? '' : ` · Twilio ${finding.twilioError}${finding.twilioErrorTitle ? ` ${finding.twilioErrorTitle}` : ''}`;
  const parts = [`${finding.message} [${finding.code}]`];
  if (finding.hint) parts.push(`Hint: ${finding.hint}`);
  parts.push(`Reproduce with:\n${finding.reproduce}`);
  if (finding.compareWith) parts.push(`Compare with the reference request:\n${finding.compareWith}`);
  const replay = replayOf(finding);
  if (replay) parts.push(`Replay this case with:\n${replay}`);
  return command(COMMAND[finding.severity], `${finding.check}${twilio}`, parts.join('\n\n'));
}

const VERDICT_WORD: Readonly<Record<Verdict, string>> = {
  interrupted: 'INTERRUPTED (not a verdict)',
  passed: 'PASSED',
  failed: 'FAILED',
  'stopped-early': 'STOPPED EARLY (not a pass)',
  'nothing-judged': 'NOTHING CHECKED',
};

function summaryLine(report: Report): string {
  const { summary } = report;
  const problem = verdictProblem(report);
  const note = credentialsNote(report);
  return (
    `${VERDICT_WORD[verdictOf(report)]}: ${countsLine(report)} for ${report.target}; ` +
    `checks ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped (${judgedLine(report)}); ` +
    casesPart(summary.cases, summary.plannedCases) +
    `${countOf(summary.requests, 'request')} in ${formatDuration(summary.durationMs)}` +
    (report.seed === undefined ? '' : `; repeat with --seed ${report.seed}`) +
    (report.serverLog === undefined ? '' : `; server output in ${report.serverLog}`) +
    (problem ? `; ${problem.message}` : '') +
    (note ? `; ${note}` : '')
  );
}

function casesPart(cases: number | undefined, planned: number | undefined): string {
  if (cases === undefined || planned === undefined) return '';
  return cases === planned ? `${countOf(planned, 'case')}; ` : `${cases} of ${countOf(planned, 'case')} ran; `;
}

function command(name: string, title: string, message: string): string {
  return formatWorkflowCommand(name, { title }, message);
}

/**
 * One GitHub workflow command (`::error file=reply.xml,line=2,col=3,title=verb-case::message`), always one line:
 * properties in the order given (those left undefined are left out), everything escaped as @actions/core does, and
 * control characters made visible first, so that CI logs never carry a server's escape sequences.
 * @example formatWorkflowCommand('warning', { file: 'reply.xml', line: 3, col: 12, title: 'verb-case' }, 'Action is not action')
 */
export function formatWorkflowCommand(name: string, properties: Readonly<Record<string, string | number | undefined>>, message: string): string {
  const shown = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeGithubProperty(showControlCharacters(String(value)))}`)
    .join(',');
  return `::${name}${shown === '' ? '' : ` ${shown}`}::${escapeGithubData(showControlCharacters(message))}`;
}

/** `--reporter github`: workflow commands that GitHub Actions turns into annotations. */
export const createGithubReporter: ReporterFactory = (context) => ({
  onRunFinished: (event) => writeReport(context, formatGithubCommands(event.report)),
});
