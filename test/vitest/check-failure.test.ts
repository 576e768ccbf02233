import { describe, expect, it } from 'vitest';
import type { Finding, Report } from '../../src/model/report.js';
import { formatCheckFailure } from '../../src/vitest/check-failure.js';

const finding: Finding = {
  check: 'content-type',
  code: 'invalid_content_type',
  severity: 'error',
  twilioError: 12300,
  twilioErrorTitle: 'Invalid Content-Type',
  message: 'Content-Type "text/html" is not text/xml or application/xml',
  hint: 'reply with Content-Type: text/xml',
  request: { method: 'POST', url: 'http://127.0.0.1:3000/fax', headers: {}, body: 'FaxSid=FX1' },
  response: { status: 200, headers: { 'content-type': 'text/html' }, bodyStart: '<Response><Receive/></Response>', bodyBytes: 31 },
  reproduce: "curl -sS -i -X POST http://127.0.0.1:3000/fax --data-binary 'FaxSid=FX1'",
};

const report: Report = {
  version: 1,
  ok: false,
  failOn: 'error',
  target: 'http://127.0.0.1:3000/fax',
  seed: 42,
  summary: { requests: 1, checks: 1, passed: 0, failed: 1, skipped: 0, durationMs: 1 },
  checks: [{ id: 'content-type', title: 'the reply is text/xml or application/xml', status: 'failed', exchanges: 1, errors: 1, warnings: 0 }],
  findings: [finding, { ...finding, severity: 'warning', code: 'text_html', message: 'text/html is undocumented for fax' }],
};

describe('formatCheckFailure', () => {
  it('shows the seed, then each error finding of the check with its Twilio code, hint and curl line', () => {
    expect(formatCheckFailure(report, 'content-type')).toMatchInlineSnapshot(`
      "content-type: 1 finding for http://127.0.0.1:3000/fax (seed 42; pass { seed: 42 } to repeat the run)

      ✗ error · content-type · Twilio 12300 Invalid Content-Type · [invalid_content_type]
        Content-Type "text/html" is not text/xml or application/xml

        Sent       POST http://127.0.0.1:3000/fax
                   │ FaxSid=FX1
        Received   200 · text/html · 31 bytes
                   │ <Response><Receive/></Response>

        Hint: reply with Content-Type: text/xml

        Reproduce with:

          curl -sS -i -X POST http://127.0.0.1:3000/fax --data-binary 'FaxSid=FX1'"
    `);
  });

  it('shows by default every finding that fails under the report\'s failOn', () => {
    const underWarning = formatCheckFailure({ ...report, failOn: 'warning' }, 'content-type');
    expect(underWarning).toContain('2 findings');
    expect(underWarning).toContain('text/html is undocumented for fax');
  });

  it('ends each finding with the options that replay just its case', () => {
    const replayable: Report = { ...report, findings: [{ ...finding, replay: { seed: 42, path: '16:0:3' } }] };
    expect(formatCheckFailure(replayable, 'content-type')).toMatch(/Replay just this case: pass \{ seed: 42, replay: '16:0:3', checks: \['content-type'\] \}$/);
  });

  it('says first why the run, or the check, stopped early', () => {
    const stopped: Report = {
      ...report,
      stoppedEarly: 'the server let 8 requests in a row time out',
      checks: [{ ...report.checks[0]!, note: 'stopped sending after 8 of its requests in a row got no reply within 15 s' }],
    };
    const lines = formatCheckFailure(stopped, 'content-type').split('\n\n');
    expect(lines.slice(1, 3)).toEqual([
      'The run stopped early: the server let 8 requests in a row time out.',
      'content-type stopped sending after 8 of its requests in a row got no reply within 15 s.',
    ]);
  });

  it('shows only the severities asked for', () => {
    expect(formatCheckFailure(report, 'content-type', ['warning'])).toContain('text/html is undocumented for fax');
    expect(formatCheckFailure(report, 'content-type', ['warning'])).not.toContain('is not text/xml');
  });
});
