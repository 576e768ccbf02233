import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test as propertyTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { LatencyHistogram } from '../../src/model/latency.js';
import type { Report } from '../../src/model/report.js';
import { createReporters } from '../../src/reporters/create-reporters.js';
import { escapeHtml } from '../../src/reporters/html/html-escape.js';
import { formatHtmlReport } from '../../src/reporters/html/html-report.js';
import { bufferIo, FAILED_REPORT, MISSING_CONTENT_TYPE, PASSED_REPORT } from './fixtures.js';
import { hostileString } from './hostile-string.js';

const LATENCY: LatencyHistogram = { timeoutMs: 15_000, bucketMs: 750, counts: [40, 3, ...new Array<number>(10).fill(0), 2, ...new Array<number>(7).fill(0)], timedOut: 1, exchanges: 46, slowestMs: 9_800 };

function verdictOf(html: string): string | undefined {
  return /data-verdict="([a-z-]+)"/.exec(html)?.[1];
}

/** The report with hostile text in every field a server (or a URL) controls. */
function withServerText(text: string): Report {
  const finding = {
    ...MISSING_CONTENT_TYPE,
    message: text,
    hint: text,
    case: text,
    request: { ...MISSING_CONTENT_TYPE.request, url: `http://127.0.0.1:3000/fax?x=${text}`, headers: { 'x-case': text }, body: text },
    response: { status: 200, headers: { 'x-note': text, location: text }, bodyStart: text, bodyBytes: text.length },
    reproduce: `curl ${text}`,
    hops: [{ method: 'POST' as const, url: `http://127.0.0.1:3000/${text}`, status: 307, location: text }, { method: 'POST' as const, url: text, failure: text }],
  };
  return { ...FAILED_REPORT, target: `http://127.0.0.1:3000/${text}`, stoppedEarly: text, findings: [finding], checks: FAILED_REPORT.checks.map((check) => ({ ...check, skipReason: text, title: text })) };
}

describe('the html report', () => {
  it('holds the verdict, the seed, every check and every finding with its curl line and replay command', () => {
    const html = formatHtmlReport({ report: FAILED_REPORT, latency: LATENCY });
    expect(verdictOf(html)).toBe('failed');
    expect(html).toContain(`--seed ${FAILED_REPORT.seed}`);
    for (const check of FAILED_REPORT.checks) {
      expect(html).toContain(`<tr class="status-${check.status}">`);
      expect(html).toContain(`<td>${escapeHtml(check.title)}</td>`);
    }
    expect(html.match(/<details class="finding /g)).toHaveLength(FAILED_REPORT.findings.length);
    for (const finding of FAILED_REPORT.findings) {
      expect(html).toContain(escapeHtml(finding.reproduce));
      if (finding.replay?.command) expect(html).toContain(escapeHtml(finding.replay.command));
    }
    expect(html).toContain('timeout 15.00 s');
  });

  it('shows PASSED only for a passing run', () => {
    expect(verdictOf(formatHtmlReport({ report: PASSED_REPORT }))).toBe('passed');
    expect(formatHtmlReport({ report: PASSED_REPORT })).toContain('class="verdict pass"');
  });

  it('never shows an interrupted, stopped-early or nothing-judged run as a pass, even with no finding', () => {
    const interrupted = formatHtmlReport({ report: { ...PASSED_REPORT, ok: false, interrupted: true } });
    expect(verdictOf(interrupted)).toBe('interrupted');
    expect(interrupted).toContain('not a verdict');
    const stopped = formatHtmlReport({ report: { ...PASSED_REPORT, ok: false, stoppedEarly: 'the server let 8 requests in a row time out' } });
    expect(verdictOf(stopped)).toBe('stopped-early');
    expect(stopped).toContain('class="verdict fail"');
    const nothing = formatHtmlReport({
      report: { ...PASSED_REPORT, ok: false, findings: [], checks: PASSED_REPORT.checks.map((check) => ({ ...check, status: 'skipped' as const, skipReason: 'needs --auth-token' })) },
    });
    expect(verdictOf(nothing)).toBe('nothing-judged');
    for (const html of [interrupted, stopped, nothing]) expect(html).not.toContain('class="verdict pass"');
  });

  it('loads nothing from elsewhere: no external src or href, no url(), and a policy that allows only its own script', () => {
    const html = formatHtmlReport({ report: FAILED_REPORT, latency: LATENCY });
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*"(?!#)/);
    expect(html).not.toMatch(/url\(|@import/);
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; [^"]*script-src &#39;sha256-[A-Za-z0-9+/=]+&#39;/);
  });

  it('says so when the run recorded no latencies (pact verify)', () => {
    expect(formatHtmlReport({ report: PASSED_REPORT })).toContain('No exchange durations were recorded for this run.');
  });

  propertyTest.prop([hostileString()], { numRuns: 200 })('keeps server-controlled text inert: no markup of its own, control characters visible', (text) => {
    const html = formatHtmlReport({ report: withServerText(`${text}<script>alert(1)</script><img src=x onerror=alert(1)>`), latency: LATENCY });
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/<img|<[^>]*onerror/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // No raw control character but tab and line feed reaches the page.
    expect(html).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
  });

  it('is redacted like every reporter: a secret in a reply never reaches the file', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'html-redact-'));
    const { io } = bufferIo({ cwd });
    const secret = 'tok_0123456789abcdef';
    const created = createReporters(['html:reports/fax.html'], io, { secrets: [secret] });
    if (!created.ok) throw new Error(created.message);
    const report = withServerText(`echoed ${secret} back`);
    for (const reporter of created.reporters) await reporter.onRunFinished?.({ type: 'run-finished', report, latency: LATENCY });
    const html = readFileSync(join(cwd, 'reports/fax.html'), 'utf8');
    expect(html).toContain('echoed');
    expect(html).not.toContain(secret);
  });

  it('is refused on a path that cannot be written before the run, as every reporter is', () => {
    const { io } = bufferIo({ cwd: mkdtempSync(join(tmpdir(), 'html-path-')) });
    const created = createReporters(['html:/nonexistent-dir/deeper/fax.html'], io);
    expect(created).toMatchObject({ ok: false });
  });
});
