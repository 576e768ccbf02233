import type { Severity } from '../model/diagnostic.js';
import type { Finding, ReportedRequest, ReportedResponse } from '../model/report.js';
import { PLAIN, type Palette } from './palette.js';
import { replayOf } from './report-notes.js';
import { showControlCharacters } from './show-control-characters.js';
import { headerValue, truncateText } from './text-layout.js';

// The signature headers are every `…-Signature` header sent (Twilio's, and SignalWire's beside it): the one a server
// checks is among them, whichever service the run plays.
const SIGNATURE_HEADER = /-signature$/i;
const RESPONSE_HEADERS = ['Location', 'Set-Cookie', 'WWW-Authenticate'] as const;
const LABEL_WIDTH = 11;
const GUTTER = '│ ';

/** The mark and word for a severity, coloured. */
export function formatSeverity(severity: Severity, colors: Palette = PLAIN): string {
  if (severity === 'error') return colors.red(colors.bold('✗ error'));
  if (severity === 'warning') return colors.yellow(colors.bold('! warning'));
  return colors.cyan('i notice');
}

/**
 * One finding as a block of text, schemathesis style: severity, check, Twilio error, message, the case shown (and
 * how many cases had the finding), what was sent and received, hint, then "Reproduce with:" and the curl line (and
 * the reference request's, when the finding is about two replies that differ), and the command that replays the case
 * when the finding carries one. Everything that came from the server is made printable.
 */
export function formatFinding(finding: Finding, colors: Palette = PLAIN): string {
  const safe = showControlCharacters;
  const heading = [formatSeverity(finding.severity, colors), colors.bold(safe(finding.check))];
  if (finding.twilioError !== undefined) {
    heading.push(`Twilio ${finding.twilioError}${finding.twilioErrorTitle ? ` ${finding.twilioErrorTitle}` : ''}`);
  }
  heading.push(colors.dim(`[${finding.code}]`));
  const lines = [heading.join(colors.dim(' · '))];
  const position = finding.line === undefined ? '' : colors.dim(` (line ${finding.line}${finding.column === undefined ? '' : `, column ${finding.column}`})`);
  lines.push(indent(safe(finding.message), 2) + position, '');
  const seen = formatSeen(finding);
  if (seen) lines.push(...labelled('Case', [seen], colors));
  lines.push(...labelled('Sent', formatSent(finding.request), colors));
  lines.push(...labelled('Received', finding.response ? formatReceived(finding.response) : ['no reply the kit could read (the message says why)'], colors));
  if (finding.hint) lines.push('', indent(`${colors.bold('Hint:')} ${safe(finding.hint)}`, 2));
  lines.push('', indent(colors.bold('Reproduce with:'), 2), '', indent(colors.cyan(safe(finding.reproduce)), 4));
  if (finding.compareWith) lines.push('', indent(colors.bold('Compare with the reference request:'), 2), '', indent(colors.cyan(safe(finding.compareWith)), 4));
  const replay = replayOf(finding);
  if (replay) lines.push('', indent(colors.bold('Replay this case with:'), 2), '', indent(colors.cyan(safe(replay)), 4));
  return lines.join('\n');
}

// Which case the finding shows, and how many cases had it: one finding stands for all of them.
function formatSeen(finding: Finding): string | undefined {
  const count = finding.count ?? 1;
  const seen = count > 1 ? `seen in ${count} cases` : undefined;
  const shown = finding.case === undefined ? undefined : showControlCharacters(finding.case);
  if (shown && seen) return `${shown} · ${seen}`;
  return shown ?? seen;
}

function formatSent(request: ReportedRequest): string[] {
  const lines = [`${request.method} ${showControlCharacters(request.url)}`];
  const signatures = Object.keys(request.headers).filter((name) => SIGNATURE_HEADER.test(name));
  lines.push(...pickHeaders(request.headers, ['Content-Type', ...signatures, 'Cookie']));
  if (request.body) lines.push(...quoteBody(request.body, request.body.length));
  return lines;
}

function formatReceived(response: ReportedResponse): string[] {
  const contentType = headerValue(response.headers, 'Content-Type');
  const type = contentType === undefined ? 'no Content-Type' : showControlCharacters(contentType);
  const lines = [`${response.status} · ${type} · ${response.bodyBytes} ${response.bodyBytes === 1 ? 'byte' : 'bytes'}`];
  lines.push(...pickHeaders(response.headers, RESPONSE_HEADERS));
  if (response.bodyStart) lines.push(...quoteBody(response.bodyStart, response.bodyBytes));
  return lines;
}

function pickHeaders(headers: Readonly<Record<string, string>>, names: readonly string[]): string[] {
  return names.flatMap((name) => {
    const value = headerValue(headers, name);
    return value === undefined ? [] : [`${name}: ${showControlCharacters(value)}`];
  });
}

// A gutter before each body line keeps a server's body from starting a line with `::` (a GitHub workflow command).
function quoteBody(body: string, totalBytes: number): string[] {
  const { text, cut } = truncateText(body, 400, 8);
  // The body's final line break would only print an empty quoted line.
  const lines = showControlCharacters(text.replace(/\r?\n$/, '')).split('\n').map((line) => GUTTER + line);
  const shownBytes = Buffer.byteLength(text);
  if (cut || totalBytes > shownBytes) lines.push(`${GUTTER}… (${totalBytes - shownBytes} more bytes)`);
  return lines;
}

function labelled(label: string, lines: readonly string[], colors: Palette): string[] {
  return lines.map((line, i) => `  ${i === 0 ? colors.dim(label.padEnd(LABEL_WIDTH)) : ' '.repeat(LABEL_WIDTH)}${line}`);
}

function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((line) => (line ? pad + line : line))
    .join('\n');
}
