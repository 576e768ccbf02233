import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeGithubData, escapeGithubProperty, formatGithubCommands } from '../../src/reporters/github.js';
import type { Report } from '../../src/model/report.js';
import { FAILED_REPORT, PASSED_REPORT, SEEDLESS_REPORT } from './fixtures.js';
import { hostileString } from './hostile-string.js';

/** Undoes the escaping, as the Actions runner does before it shows an annotation. */
function unescapeGithub(value: string): string {
  return value.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}

describe('github reporter', () => {
  it('prints one annotation per finding and the summary as an error when the run failed', () => {
    expect(formatGithubCommands(FAILED_REPORT)).toMatchInlineSnapshot(`
      "::error title=status-code · Twilio 11200 HTTP retrieval failure::the reply is HTTP 500; Twilio fails the fax [error_status]%0A%0AHint: the server failed on this request: look for the exception in its logs and reproduce it with the curl line%0A%0AReproduce with:%0Acurl -sS -i --globoff -X POST http://127.0.0.1:47101/fax/incoming -H 'User-Agent: TwilioProxy/1.1' -H 'Accept: */*' -H 'Content-Type: application/x-www-form-urlencoded; charset=UTF-8' -H 'I-Twilio-Idempotency-Token: 719f192d-0131-43d7-8e21-cf27708a7a77' -H Expect: --data-binary 'FaxSid=FX00000000000000000000000000000000&AccountSid=AC00000000000000000000000000000000&From=%252B9711000000000&To=%252B15005550006&ApiVersion=v1'%0A%0AReplay this case with:%0Atwiml-fax-kit check http://127.0.0.1:47101/fax/incoming --seed 1337 --replay 1:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:2:3:4:5:5:5:5:5:5:5:5:5:5:5:5:5:5:5:5:5:5:5:5:5:5:5:5:5:5:5:5:5 --checks status-code
      ::error title=content-type · Twilio 12300 Invalid Content-Type::the reply has no Content-Type header [missing_content_type]%0A%0AHint: reply with Content-Type: text/xml (in Express: res.type('text/xml'))%0A%0AReproduce with:%0Acurl -sS -i --globoff -X POST http://127.0.0.1:47101/fax/incoming -H 'User-Agent: TwilioProxy/1.1' -H 'Accept: */*' -H 'Content-Type: application/x-www-form-urlencoded; charset=UTF-8' -H 'I-Twilio-Idempotency-Token: ca85751e-4c07-41ae-9496-5a48b8695f74' -H Expect: --data-binary 'FaxSid=FXfedcba9876543210fedcba9876543210&AccountSid=AC0123456789abcdef0123456789abcdef&From=%252B442071838750&To=%252B4930901820&ApiVersion=v1'%0A%0AReplay this case with:%0Atwiml-fax-kit check http://127.0.0.1:47101/fax/incoming --seed 1337 --replay example-2 --checks content-type
      ::error title=attribute-values · Twilio 11100 Invalid URL format::action="localhost:3000/fax/received" on <Receive> has no scheme (http:// or https://), so Twilio cannot request it: no action callback would ever come [invalid_url]%0A%0AHint: write https://localhost:3000/fax/received, or a relative URL such as /fax/received%0A%0AReproduce with:%0Acurl -sS -i --globoff -X POST http://127.0.0.1:47101/fax/incoming -H 'User-Agent: TwilioProxy/1.1' -H 'Accept: */*' -H 'Content-Type: application/x-www-form-urlencoded; charset=UTF-8' -H 'I-Twilio-Idempotency-Token: 626cad78-66d8-45d2-91d2-800db719681c' -H Expect: --data-binary 'FaxSid=FX0123456789abcdef0123456789abcdef&AccountSid=AC0123456789abcdef0123456789abcdef&From=%252B15005550006&To=%252B15005550001&ApiVersion=v1'%0A%0AReplay this case with:%0Atwiml-fax-kit check http://127.0.0.1:47101/fax/incoming --seed 1337 --replay example-1 --checks attribute-values
      ::warning title=attribute-values · Twilio 12200 Schema validation warning::pageSize="A4" on <Receive> has the wrong case: values are case-sensitive, so Twilio ignores it and uses pageSize="letter" [value_case_mismatch]%0A%0AHint: use a4%0A%0AReproduce with:%0Acurl -sS -i --globoff -X POST http://127.0.0.1:47101/fax/incoming -H 'User-Agent: TwilioProxy/1.1' -H 'Accept: */*' -H 'Content-Type: application/x-www-form-urlencoded; charset=UTF-8' -H 'I-Twilio-Idempotency-Token: 626cad78-66d8-45d2-91d2-800db719681c' -H Expect: --data-binary 'FaxSid=FX0123456789abcdef0123456789abcdef&AccountSid=AC0123456789abcdef0123456789abcdef&From=%252B15005550006&To=%252B15005550001&ApiVersion=v1'%0A%0AReplay this case with:%0Atwiml-fax-kit check http://127.0.0.1:47101/fax/incoming --seed 1337 --replay example-1 --checks attribute-values
      ::error title=twiml-fax-kit::FAILED: 3 errors, 1 warning for http://127.0.0.1:47101/fax/incoming; checks 1 passed, 3 failed, 1 skipped (4 of 5 checks judged something); 12 cases; 262 requests in 1.23 s; repeat with --seed 1337
      "
    `);
  });

  it('prints only the notice for a clean run', () => {
    expect(formatGithubCommands(PASSED_REPORT)).toMatchInlineSnapshot(`
      "::notice title=twiml-fax-kit::PASSED: 0 errors, 0 warnings for http://127.0.0.1:47102/fax/incoming; checks 4 passed, 0 failed, 0 skipped (4 of 4 checks judged something); 8 cases; 8 requests in 480 ms; repeat with --seed 7
      "
    `);
  });

  it('leaves out how to repeat a run no seed repeats, and names the log of a started server', () => {
    expect(formatGithubCommands(SEEDLESS_REPORT)).toMatchInlineSnapshot(`
      "::notice title=twiml-fax-kit::PASSED: 0 errors, 0 warnings for http://127.0.0.1:47103/fax/incoming; checks 2 passed, 0 failed, 0 skipped (2 of 2 checks judged something); 6 cases; 6 requests in 480 ms; server output in .twiml-fax-kit/server.log
      "
    `);
  });

  it('escapes % CR LF in messages, and : , too in properties, as @actions/core does', () => {
    expect(escapeGithubData('100% done\r\nnext: a,b')).toBe('100%25 done%0D%0Anext: a,b');
    expect(escapeGithubProperty('100% done\r\nnext: a,b')).toBe('100%25 done%0D%0Anext%3A a%2Cb');
  });

  it('reports info findings as notices', () => {
    const report: Report = { ...PASSED_REPORT, findings: [{ ...FAILED_REPORT.findings[0]!, severity: 'notice' }] };
    expect(formatGithubCommands(report).split('\n')[0]).toMatch(/^::notice title=status-code /);
  });

  it('writes each command on one line and keeps the text readable, whatever the server sent', () => {
    fc.assert(
      fc.property(hostileString(), hostileString(), (message, check) => {
        const report: Report = {
          ...FAILED_REPORT,
          target: message,
          findings: FAILED_REPORT.findings.map((f) => ({ ...f, check, message, hint: message, reproduce: `curl '${message}'` })),
        };
        const lines = formatGithubCommands(report).split('\n');
        expect(lines.pop()).toBe('');
        expect(lines).toHaveLength(FAILED_REPORT.findings.length + 1);
        for (const line of lines) {
          const match = /^::(error|warning|notice) title=([^:,]*)::(.*)$/u.exec(line);
          expect(match).not.toBeNull();
          expect(line).not.toMatch(/[\r\n\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
        }
        const first = /^::error title=([^:]*)::(.*)$/.exec(lines[0] ?? '');
        expect(unescapeGithub(first?.[2] ?? '')).toContain('Reproduce with:\n');
      }),
    );
  });
});
