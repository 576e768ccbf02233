import { createHash } from 'node:crypto';
import type { LatencyHistogram } from '../../model/latency.js';
import type { CheckResult, Finding, Report, ReportedRequest, ReportedResponse } from '../../model/report.js';
import { twilioErrorUrl, type TwilioErrorCode } from '../../protocol/twilio-errors.js';
import { formatVerdict } from '../format-summary.js';
import { groupFindingsByCheck, type CheckWithFindings } from '../group-findings.js';
import { PLAIN } from '../palette.js';
import { credentialsNote, replayOf, verdictOf, verdictProblem, type Verdict } from '../report-notes.js';
import type { ReporterFactory } from '../reporter-context.js';
import { formatDuration } from '../text-layout.js';
import { writeReport } from '../write-report.js';
import { escapeHtml as esc } from './html-escape.js';
import { HTML_SCRIPT, HTML_STYLE } from './html-assets.js';
import { latencyChart } from './latency-chart.js';
import { sequenceDiagram } from './sequence-diagram.js';

/**
 * The page's only script may run, and nothing else: no script of a server's reply could (were escaping ever to
 * fail), nothing is fetched (no network, fonts or images from elsewhere), and a form cannot post anywhere.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  `script-src 'sha256-${createHash('sha256').update(HTML_SCRIPT).digest('base64')}'`,
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const VERDICT_CLASS: Readonly<Record<Verdict, string>> = {
  passed: 'pass',
  failed: 'fail',
  interrupted: 'warn',
  'stopped-early': 'fail',
  'nothing-judged': 'fail',
};

/** What the html report is made of: the report, and how long its exchanges took (not part of the JSON report). */
export interface HtmlReportInput {
  readonly report: Report;
  readonly latency?: LatencyHistogram;
}

/**
 * The report as one self-contained HTML page, for a CI artifact: the verdict (the same as every reporter's: an
 * interrupted, stopped-early or nothing-judged run is never a pass) and summary, the seed, a latency histogram
 * against the timeout, a table of the checks, and the findings by check, each with its severity, Twilio code, message,
 * hint, a sequence diagram of its exchange, the request and reply (control characters made visible), its curl line
 * with a copy button and its replay command. Inline CSS and one small inline script (expand all, copy); nothing is
 * loaded from elsewhere, and a Content-Security-Policy lets no other script run. Every string is escaped.
 */
export function formatHtmlReport({ report, latency }: HtmlReportInput): string {
  const verdict = verdictOf(report);
  const groups = groupFindingsByCheck(report);
  const ids = { next: 0 };
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(CONTENT_SECURITY_POLICY)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`${verdictWord(verdict)}: twiml-fax-kit report for ${report.target}`)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<header>
<h1>twiml-fax-kit report</h1>
<p class="verdict ${VERDICT_CLASS[verdict]}" data-verdict="${verdict}">${esc(formatVerdict(report, PLAIN))}</p>
${problemLine(report)}
</header>
<main>
${summarySection(report)}
<section id="latency"><h2>Response times</h2>
${latencyChart(latency)}
</section>
${checksTable(groups)}
${findingsSection(report, groups, ids)}
</main>
<script>${HTML_SCRIPT}</script>
</body>
</html>
`;
}

/** `--reporter html:FILE`: the report as one self-contained HTML page at the end of the run. */
export const createHtmlReporter: ReporterFactory = (context) => ({
  onRunFinished: (event) => writeReport(context, formatHtmlReport({ report: event.report, ...(event.latency && { latency: event.latency }) })),
});

function verdictWord(verdict: Verdict): string {
  return { passed: 'PASSED', failed: 'FAILED', interrupted: 'INTERRUPTED', 'stopped-early': 'STOPPED EARLY', 'nothing-judged': 'NOTHING CHECKED' }[verdict];
}

function problemLine(report: Report): string {
  const problem = verdictProblem(report);
  if (!problem || problem.type === 'run-failed') return '';
  return `<p class="problem">${esc(problem.message)}</p>`;
}

function summarySection(report: Report): string {
  const { summary } = report;
  const rows: Array<[string, string]> = [
    ['Target', `<code>${esc(report.target)}</code>`],
    ['Fails on', esc(report.failOn === 'never' ? 'never' : `${report.failOn} or worse (--fail-on ${report.failOn})`)],
    ['Checks', esc(`${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped (${summary.checks})`)],
    ...(summary.cases !== undefined && summary.plannedCases !== undefined
      ? [['Cases', esc(summary.cases === summary.plannedCases ? String(summary.plannedCases) : `${summary.cases} of ${summary.plannedCases} ran`)] as [string, string]]
      : []),
    ['Requests', String(summary.requests)],
    ['Duration', esc(formatDuration(summary.durationMs))],
  ];
  if (report.seed !== undefined) rows.push(['Seed', `<code>${report.seed}</code> <span class="muted">repeat this run with <code>--seed ${report.seed}</code></span>`]);
  if (report.replay !== undefined) rows.push(['Replay', `<code>${esc(report.replay)}</code>`]);
  if (report.serverLog !== undefined) rows.push(['Server output', `<code>${esc(report.serverLog)}</code>`]);
  const auth = credentialsNote(report);
  if (auth !== undefined) rows.push(['Auth', esc(auth)]);
  if (report.stoppedEarly !== undefined) rows.push(['Stopped early', `<span class="bad">${esc(report.stoppedEarly)}</span>`]);
  if (report.interrupted) rows.push(['Interrupted', '<span class="warn-text">the run was stopped before every case ran; this report is not a verdict</span>']);
  return `<section id="summary"><h2>Summary</h2>\n<dl>${rows.map(([name, value]) => `<dt>${esc(name)}</dt><dd>${value}</dd>`).join('')}</dl>\n</section>`;
}

function checksTable(groups: readonly CheckWithFindings[]): string {
  const rows = groups.map(({ check, findings }) => {
    const detail = check.status === 'skipped' ? (check.skipReason ?? '') : '';
    const note = check.note === undefined ? '' : `<div class="bad">⚠ ${esc(check.note)}</div>`;
    const link = findings.length > 0 ? `<a href="#check-${esc(check.id)}">${esc(check.id)}</a>` : esc(check.id);
    return `<tr class="status-${check.status}"><td>${statusMark(check)}</td><td>${link}</td><td>${esc(check.title)}</td><td class="num">${check.exchanges}</td><td class="num">${check.errors}</td><td class="num">${check.warnings}</td><td>${esc(detail)}${note}</td></tr>`;
  });
  return `<section id="checks"><h2>Checks</h2>
<table><thead><tr><th></th><th>check</th><th>what it checks</th><th class="num">cases judged</th><th class="num">errors</th><th class="num">warnings</th><th>notes</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
</section>`;
}

function statusMark(check: CheckResult): string {
  if (check.status === 'passed') return '<span class="mark pass" title="passed">✓</span>';
  if (check.status === 'failed') return '<span class="mark fail" title="failed">✗</span>';
  return '<span class="mark skip" title="skipped">–</span>';
}

function findingsSection(report: Report, groups: readonly CheckWithFindings[], ids: { next: number }): string {
  const withFindings = groups.filter((group) => group.findings.length > 0);
  if (withFindings.length === 0) return '<section id="findings"><h2>Findings</h2><p class="muted">No findings.</p></section>';
  // The first finding is open, so the page (or a screenshot of it) shows one whole finding, curl line included.
  const checks = withFindings.map(
    ({ check, findings }, group) =>
      `<section class="check" id="check-${esc(check.id)}"><h3>${statusMark(check)} ${esc(check.id)} <span class="muted">${esc(check.title)}</span></h3>\n${findings.map((finding, at) => findingDetails(report, finding, ids, group === 0 && at === 0)).join('\n')}</section>`,
  );
  return `<section id="findings"><h2>Findings <button type="button" class="small" data-action="expand-all">expand all</button> <button type="button" class="small" data-action="collapse-all">collapse all</button></h2>\n${checks.join('\n')}\n</section>`;
}

function findingDetails(report: Report, finding: Finding, ids: { next: number }, open: boolean): string {
  const twilio = finding.twilioError === undefined ? '' : ` <span class="twilio">Twilio ${finding.twilioError}${finding.twilioErrorTitle ? ` ${esc(finding.twilioErrorTitle)}` : ''}</span>`;
  const count = finding.count !== undefined && finding.count > 1 ? ` <span class="muted">(${finding.count} cases)</span>` : '';
  const replay = replayOf(finding);
  const body = [
    finding.case === undefined ? '' : `<p class="case">Case: ${esc(finding.case)}</p>`,
    `<p class="message">${esc(finding.message)}${finding.line === undefined ? '' : ` <span class="muted">(line ${finding.line}${finding.column === undefined ? '' : `, column ${finding.column}`} of the reply)</span>`}</p>`,
    finding.hint === undefined ? '' : `<p class="hint"><strong>Hint:</strong> ${esc(finding.hint)}</p>`,
    finding.twilioError === undefined ? '' : `<p class="muted">Twilio's page: <code>${esc(twilioErrorUrl(finding.twilioError as TwilioErrorCode))}</code></p>`,
    `<div class="diagram">${sequenceDiagram(finding, report)}</div>`,
    `<div class="exchange"><div><h4>Request</h4>${requestBlock(finding.request)}</div><div><h4>Reply</h4>${responseBlock(finding.response)}</div></div>`,
    copyable('Reproduce with curl', finding.reproduce, ids),
    finding.compareWith === undefined ? '' : copyable('The reference request it is compared with', finding.compareWith, ids),
    replay === undefined ? '' : copyable(`Replay just this case (seed ${finding.replay?.seed ?? ''}, path ${finding.replay?.path ?? ''})`, replay, ids),
  ];
  return `<details class="finding severity-${finding.severity}" data-check="${esc(finding.check)}"${open ? ' open' : ''}><summary><span class="badge ${finding.severity}">${finding.severity}</span>${twilio} <span class="summary-message">${esc(finding.message)}</span>${count} <code class="muted">${esc(finding.code)}</code></summary>
<div class="body">${body.filter((part) => part !== '').join('\n')}</div></details>`;
}

function requestBlock(request: ReportedRequest): string {
  const head = `${request.method} ${request.url}\n${headerLines(request.headers)}`;
  return `<pre>${esc(head)}${request.body === undefined ? '' : `\n\n${esc(request.body)}`}</pre>`;
}

function responseBlock(response: ReportedResponse | undefined): string {
  if (!response) return '<p class="bad">No reply the kit could read (the message says why).</p>';
  const cut = response.bodyBytes > new TextEncoder().encode(response.bodyStart).byteLength ? `\n… (${response.bodyBytes} bytes in all; the start is shown)` : '';
  return `<pre>${esc(`HTTP ${response.status}\n${headerLines(response.headers)}`)}\n\n${esc(response.bodyStart)}${esc(cut)}</pre>`;
}

function headerLines(headers: Readonly<Record<string, string>>): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
}

function copyable(title: string, command: string, ids: { next: number }): string {
  ids.next += 1;
  const id = `copy-${ids.next}`;
  return `<div class="command"><h4>${esc(title)} <button type="button" class="small" data-copy="${id}">copy</button></h4><pre id="${id}">${esc(command)}</pre></div>`;
}
