import { describe, expect, it } from 'vitest';
import { formatFindingsText } from '../../src/reporters/format-findings-text.js';
import type { Report } from '../../src/model/report.js';
import { FAILED_REPORT, MISSING_CONTENT_TYPE, PASSED_REPORT, SEEDLESS_REPORT } from './fixtures.js';

describe('formatFindingsText', () => {
  it('says there is nothing to report for a clean run', () => {
    expect(formatFindingsText(PASSED_REPORT)).toBe(`twiml-fax-kit: no findings for ${PASSED_REPORT.target} (seed 7)\n`);
  });

  it('lists the findings without colour, each with its curl line, under a heading with the seed', () => {
    const report: Report = { ...FAILED_REPORT, findings: [MISSING_CONTENT_TYPE] };
    expect(formatFindingsText(report)).toMatchInlineSnapshot(`
      "twiml-fax-kit: 1 error, 0 warnings for http://127.0.0.1:47101/fax/incoming (seed 1337; repeat with --seed 1337)

      ── content-type · the reply is text/xml or application/xml (1 finding) ──

      ✗ error · content-type · Twilio 12300 Invalid Content-Type · [missing_content_type]
        the reply has no Content-Type header

        Case       a fax from a UK number · seen in 5 cases
        Sent       POST http://127.0.0.1:47101/fax/incoming
                   Content-Type: application/x-www-form-urlencoded; charset=UTF-8
                   │ FaxSid=FXfedcba9876543210fedcba9876543210&AccountSid=AC0123456789abcdef0123456789abcdef&From=%2B442071838750&To=%2B4930901820&ApiVersion=v1
        Received   200 · no Content-Type · 126 bytes
                   │ <?xml version="1.0" encoding="UTF-8"?>
                   │ <Response>
                   │   <Receive action="localhost:3000/fax/received" pageSize="A4"/>
                   │ </Response>

        Hint: reply with Content-Type: text/xml (in Express: res.type('text/xml'))

        Reproduce with:

          curl -sS -i --globoff -X POST http://127.0.0.1:47101/fax/incoming -H 'User-Agent: TwilioProxy/1.1' -H 'Accept: */*' -H 'Content-Type: application/x-www-form-urlencoded; charset=UTF-8' -H 'I-Twilio-Idempotency-Token: ca85751e-4c07-41ae-9496-5a48b8695f74' -H Expect: --data-binary 'FaxSid=FXfedcba9876543210fedcba9876543210&AccountSid=AC0123456789abcdef0123456789abcdef&From=%2B442071838750&To=%2B4930901820&ApiVersion=v1'

        Replay this case with:

          twiml-fax-kit check http://127.0.0.1:47101/fax/incoming --seed 1337 --replay example-2 --checks content-type
      "
    `);
  });

  it('leaves the seed out of the heading when no seed repeats the run', () => {
    expect(formatFindingsText(SEEDLESS_REPORT)).toBe(`twiml-fax-kit: no findings for ${SEEDLESS_REPORT.target}\n`);
    expect(formatFindingsText({ ...SEEDLESS_REPORT, ok: false, findings: [MISSING_CONTENT_TYPE] }).split('\n')[0]).toBe(
      `twiml-fax-kit: 1 error, 0 warnings for ${SEEDLESS_REPORT.target}`,
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
