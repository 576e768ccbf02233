import type { Severity } from '../diagnostic.js';
import type { Finding, Report } from '../runner/report.js';
import { credentialsNote, countsLine, replayOf, verdictProblem } from './report-notes.js';
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
 * code in the title; message, hint, curl line and replay command in the body), then the summary line: a `::notice`
 * for a run that passed, an `::error` for one that did not (failed, interrupted, or nothing judged), so an
 * interrupted run never looks green. Each command is exactly one line, whatever the server sent.
 */
export function formatGithubCommands(report: Report): string {
  const lines = report.findings.map(formatAnnotation);
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

function summaryLine(report: Report): string {
  const { summary } = report;
  const problem = verdictProblem(report);
  const verdict = report.interrupted ? 'INTERRUPTED (not a verdict)' : report.ok ? 'PASSED' : problem?.type === 'nothing-judged' ? 'NOTHING CHECKED' : 'FAILED';
  const note = credentialsNote(report);
  return (
    `${verdict}: ${countsLine(report)} for ${report.target}; ` +
    `checks ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped; ` +
    `${countOf(summary.requests, 'request')} in ${formatDuration(summary.durationMs)}` +
    (report.seed === undefined ? '' : `; repeat with --seed ${report.seed}`) +
    (report.serverLog === undefined ? '' : `; server output in ${report.serverLog}`) +
    (problem ? `; ${problem.message}` : '') +
    (note ? `; ${note}` : '')
  );
}

// Control characters are made visible first: CI logs should not carry a server's escape sequences.
function command(name: string, title: string, message: string): string {
  return `::${name} title=${escapeGithubProperty(showControlCharacters(title))}::${escapeGithubData(showControlCharacters(message))}`;
}

/** `--reporter github`: workflow commands that GitHub Actions turns into annotations. */
export const createGithubReporter: ReporterFactory = (context) => ({
  onRunFinished: (event) => writeReport(context, formatGithubCommands(event.report)),
});
