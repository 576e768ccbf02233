import { describe, expect, it } from 'vitest';
import { formatFindingsText } from '../../src/reporters/format-findings-text.js';
import type { Report } from '../../src/model/report.js';
import { FAILED_REPORT, MISSING_CONTENT_TYPE, PASSED_REPORT, SEEDLESS_REPORT } from './fixtures.js';

describe('formatFindingsText', () => {
  it('says there is nothing to report for a clean run', () => {
    expect(formatFindingsText(PASSED_REPORT)).toBe('twiml-fax-kit: no findings for handler:fax-app (seed 7)\n');
  });

  it('lists the findings without colour, each with its curl line, under a heading with the seed', () => {
    const report: Report = { ...FAILED_REPORT, findings: [MISSING_CONTENT_TYPE] };
    expect(formatFindingsText(report)).toMatchInlineSnapshot(`
      "twiml-fax-kit: 1 error, 0 warnings for https://fax.example.test/fax/incoming (seed 1337; repeat with --seed 1337)

      ── content-type · Replies with an XML Content-Type (1 finding) ──

      ✗ error · content-type · Twilio 12300 Invalid Content-Type · [missing_content_type]
        The reply has no Content-Type header; Twilio rejects it (its debugger shows 502).

        Case       a fax from a US number · seen in 24 cases
        Sent       POST https://fax.example.test/fax/incoming
                   Content-Type: application/x-www-form-urlencoded; charset=UTF-8
                   X-Twilio-Signature: r3qS0o2vXk1+7R0yqQ0pQ8dG4bU=
                   │ AccountSid=AC0123456789abcdef0123456789abcdef&ApiVersion=v1&FaxSid=FX0123456789abcdef0123456789abcdef&From=%2B14155550100&To=%2B14155550199
        Received   200 · no Content-Type · 51 bytes
                   │ <Response><Receive action="/fax/done"/></Response>

        Hint: Send Content-Type: text/xml with the TwiML.

        Reproduce with:

          curl -sS -X POST 'https://fax.example.test/fax/incoming' -H 'Content-Type: application/x-www-form-urlencoded; charset=UTF-8' -H 'X-Twilio-Signature: r3qS0o2vXk1+7R0yqQ0pQ8dG4bU=' --data-raw 'AccountSid=AC0123456789abcdef0123456789abcdef&ApiVersion=v1&FaxSid=FX0123456789abcdef0123456789abcdef&From=%2B14155550100&To=%2B14155550199'
      "
    `);
  });

  it('leaves the seed out of the heading when no seed repeats the run', () => {
    expect(formatFindingsText(SEEDLESS_REPORT)).toBe('twiml-fax-kit: no findings for handler:fax-app\n');
    expect(formatFindingsText({ ...SEEDLESS_REPORT, ok: false, findings: [MISSING_CONTENT_TYPE] }).split('\n')[0]).toBe(
      'twiml-fax-kit: 1 error, 0 warnings for handler:fax-app',
    );
  });

  it('contains no escape sequences', () => {
    expect(formatFindingsText(FAILED_REPORT)).not.toContain('\u001b');
  });

  it('truncates a long reply body and says how many bytes were left out', () => {
    const body = `<Response>${'<!-- padding -->'.repeat(200)}</Response>`;
    const finding = { ...MISSING_CONTENT_TYPE, response: { status: 200, headers: {}, bodyStart: body.slice(0, 2000), bodyBytes: body.length } };
    const text = formatFindingsText({ ...FAILED_REPORT, findings: [finding] });
    expect(text).toContain(`│ … (${body.length - 400} more bytes)`);
  });
});
