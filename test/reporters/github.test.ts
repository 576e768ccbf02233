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
      "::error title=content-type · Twilio 12300 Invalid Content-Type::The reply has no Content-Type header; Twilio rejects it (its debugger shows 502). [missing_content_type]%0A%0AHint: Send Content-Type: text/xml with the TwiML.%0A%0AReproduce with:%0Acurl -sS -X POST 'https://fax.example.test/fax/incoming' -H 'Content-Type: application/x-www-form-urlencoded; charset=UTF-8' -H 'X-Twilio-Signature: r3qS0o2vXk1+7R0yqQ0pQ8dG4bU=' --data-raw 'AccountSid=AC0123456789abcdef0123456789abcdef&ApiVersion=v1&FaxSid=FX0123456789abcdef0123456789abcdef&From=%252B14155550100&To=%252B14155550199'
      ::warning title=verb-case · Twilio 12200 Schema validation warning::<receive> is not a fax verb: verb names are case-sensitive. [lowercase_verb]%0A%0AHint: Write <Receive>.%0A%0AReproduce with:%0Acurl -sS -X POST 'https://fax.example.test/fax/incoming' -H 'Content-Type: application/x-www-form-urlencoded; charset=UTF-8' -H 'X-Twilio-Signature: r3qS0o2vXk1+7R0yqQ0pQ8dG4bU=' --data-raw 'AccountSid=AC0123456789abcdef0123456789abcdef&ApiVersion=v1&FaxSid=FX0123456789abcdef0123456789abcdef&From=%252B14155550100&To=%252B14155550199'
      ::error title=verb-case · Twilio 34106 No Fax TwiML action specified::The reply has no <Receive> or <Reject>: Twilio fails the fax. [no_fax_action]%0A%0AHint: Reply with <Response><Receive/></Response> to receive the fax.%0A%0AReproduce with:%0Acurl -sS -X POST 'https://fax.example.test/fax/incoming' -H 'Content-Type: application/x-www-form-urlencoded; charset=UTF-8' -H 'X-Twilio-Signature: r3qS0o2vXk1+7R0yqQ0pQ8dG4bU=' --data-raw 'AccountSid=AC0123456789abcdef0123456789abcdef&ApiVersion=v1&FaxSid=FX0123456789abcdef0123456789abcdef&From=%252B14155550100&To=%252B14155550199'
      ::error title=twiml-fax-kit::FAILED: 2 errors, 1 warning for https://fax.example.test/fax/incoming; checks 1 passed, 2 failed, 1 skipped (3 of 4 checks judged something); 24 cases; 24 requests in 1.23 s; repeat with --seed 1337
      "
    `);
  });

  it('prints only the notice for a clean run', () => {
    expect(formatGithubCommands(PASSED_REPORT)).toMatchInlineSnapshot(`
      "::notice title=twiml-fax-kit::PASSED: 0 errors, 0 warnings for handler:fax-app; checks 2 passed, 0 failed, 0 skipped (2 of 2 checks judged something); 10 cases; 10 requests in 480 ms; repeat with --seed 7
      "
    `);
  });

  it('leaves out how to repeat a run no seed repeats, and names the log of a started server', () => {
    expect(formatGithubCommands(SEEDLESS_REPORT)).toMatchInlineSnapshot(`
      "::notice title=twiml-fax-kit::PASSED: 0 errors, 0 warnings for handler:fax-app; checks 2 passed, 0 failed, 0 skipped (2 of 2 checks judged something); 10 cases; 10 requests in 480 ms; server output in .twiml-fax-kit/server.log
      "
    `);
  });

  it('escapes % CR LF in messages, and : , too in properties, as @actions/core does', () => {
    expect(escapeGithubData('100% done\r\nnext: a,b')).toBe('100%25 done%0D%0Anext: a,b');
    expect(escapeGithubProperty('100% done\r\nnext: a,b')).toBe('100%25 done%0D%0Anext%3A a%2Cb');
  });

  it('reports info findings as notices', () => {
    const report: Report = { ...PASSED_REPORT, findings: [{ ...FAILED_REPORT.findings[0]!, severity: 'notice' }] };
    expect(formatGithubCommands(report).split('\n')[0]).toMatch(/^::notice title=content-type /);
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
