import { describe, expect, it } from 'vitest';
import { createReporters } from '../../src/reporters/create-reporters.js';
import { formatPrettyReport } from '../../src/reporters/pretty.js';
import type { Report } from '../../src/model/report.js';
import type { Reporter } from '../../src/model/events.js';
import { bufferIo, FAILED_REPORT, MISSING_CONTENT_TYPE, PASSED_REPORT, SEEDLESS_REPORT } from './fixtures.js';

async function runPretty(reporter: Reporter, report: Report): Promise<void> {
  reporter.onRunStarted?.({ type: 'run-started', target: report.target, seed: report.seed, plannedCases: 10, checks: report.checks.map((c) => c.id) });
  reporter.onCaseFinished?.({ type: 'case-finished', done: 3, total: 10, failed: false });
  reporter.onShrinking?.({ type: 'shrinking', check: 'content-type' });
  for (const finding of report.findings) reporter.onFinding?.({ type: 'finding', finding });
  await reporter.onRunFinished?.({ type: 'run-finished', report });
}

function onlyReporter(outcome: ReturnType<typeof createReporters>): Reporter {
  if (!outcome.ok) throw new Error(outcome.message);
  const [reporter] = outcome.reporters;
  if (!reporter) throw new Error('no reporter');
  return reporter;
}

describe('pretty reporter', () => {
  it('prints findings grouped by check with what was sent and received, then the summary and the verdict', () => {
    expect(formatPrettyReport(FAILED_REPORT)).toMatchInlineSnapshot(`
      "twiml-fax-kit checked http://127.0.0.1:47101/fax/incoming

      ── status-code · the final reply is 2xx, through redirects Twilio follows (1 finding) ──

      ✗ error · status-code · Twilio 11200 HTTP retrieval failure · [error_status]
        the reply is HTTP 500; Twilio fails the fax

        Case       generated case 2 (shrunk)
        Sent       POST http://127.0.0.1:47101/fax/incoming
                   Content-Type: application/x-www-form-urlencoded; charset=UTF-8
                   │ FaxSid=FX00000000000000000000000000000000&AccountSid=AC00000000000000000000000000000000&From=%2B9711000000000&To=%2B15005550006&ApiVersion=v1
        Received   500 · text/plain · 15 bytes
                   │ internal error

        Hint: the server failed on this request: look for the exception in its logs and reproduce it with the curl line

        Reproduce with:

          curl -sS -i --globoff -X POST http://127.0.0.1:47101/fax/incoming -H 'User-Agent: TwilioProxy/1.1' -H 'Accept: */*' -H 'Content-Type: application/x-www-form-urlencoded; charset=UTF-8' -H 'I-Twilio-Idempotency-Token: 719f192d-0131-43d7-8e21-cf27708a7a77' -H Expect: --data-binary 'FaxSid=FX00000000000000000000000000000000&AccountSid=AC00000000000000000000000000000000&From=%2B9711000000000&To=%2B15005550006&ApiVersion=v1'

        Replay this case with:

          twiml-fax-kit check http://127.0.0.1:47101/fax/incoming --seed 1337 --replay 1:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:2:3:4:5:5:5:5:5:5:5:5:5:5:5:5:5:5:5:5:5:5:5:5:5:5:5:5:5:5:5:5:5 --checks status-code

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

      ── attribute-values · attribute values are among those Twilio accepts (2 findings) ──

      ✗ error · attribute-values · Twilio 11100 Invalid URL format · [invalid_url]
        action="localhost:3000/fax/received" on <Receive> has no scheme (http:// or https://), so Twilio cannot request it: no action callback would ever come (line 3, column 20)

        Case       a fax from a US number · seen in 11 cases
        Sent       POST http://127.0.0.1:47101/fax/incoming
                   Content-Type: application/x-www-form-urlencoded; charset=UTF-8
                   │ FaxSid=FX0123456789abcdef0123456789abcdef&AccountSid=AC0123456789abcdef0123456789abcdef&From=%2B15005550006&To=%2B15005550001&ApiVersion=v1
        Received   200 · text/xml; charset=utf-8 · 126 bytes
                   │ <?xml version="1.0" encoding="UTF-8"?>
                   │ <Response>
                   │   <Receive action="localhost:3000/fax/received" pageSize="A4"/>
                   │ </Response>

        Hint: write https://localhost:3000/fax/received, or a relative URL such as /fax/received

        Reproduce with:

          curl -sS -i --globoff -X POST http://127.0.0.1:47101/fax/incoming -H 'User-Agent: TwilioProxy/1.1' -H 'Accept: */*' -H 'Content-Type: application/x-www-form-urlencoded; charset=UTF-8' -H 'I-Twilio-Idempotency-Token: 626cad78-66d8-45d2-91d2-800db719681c' -H Expect: --data-binary 'FaxSid=FX0123456789abcdef0123456789abcdef&AccountSid=AC0123456789abcdef0123456789abcdef&From=%2B15005550006&To=%2B15005550001&ApiVersion=v1'

        Replay this case with:

          twiml-fax-kit check http://127.0.0.1:47101/fax/incoming --seed 1337 --replay example-1 --checks attribute-values

      ! warning · attribute-values · Twilio 12200 Schema validation warning · [value_case_mismatch]
        pageSize="A4" on <Receive> has the wrong case: values are case-sensitive, so Twilio ignores it and uses pageSize="letter" (line 3, column 59)

        Case       a fax from a US number · seen in 11 cases
        Sent       POST http://127.0.0.1:47101/fax/incoming
                   Content-Type: application/x-www-form-urlencoded; charset=UTF-8
                   │ FaxSid=FX0123456789abcdef0123456789abcdef&AccountSid=AC0123456789abcdef0123456789abcdef&From=%2B15005550006&To=%2B15005550001&ApiVersion=v1
        Received   200 · text/xml; charset=utf-8 · 126 bytes
                   │ <?xml version="1.0" encoding="UTF-8"?>
                   │ <Response>
                   │   <Receive action="localhost:3000/fax/received" pageSize="A4"/>
                   │ </Response>

        Hint: use a4

        Reproduce with:

          curl -sS -i --globoff -X POST http://127.0.0.1:47101/fax/incoming -H 'User-Agent: TwilioProxy/1.1' -H 'Accept: */*' -H 'Content-Type: application/x-www-form-urlencoded; charset=UTF-8' -H 'I-Twilio-Idempotency-Token: 626cad78-66d8-45d2-91d2-800db719681c' -H Expect: --data-binary 'FaxSid=FX0123456789abcdef0123456789abcdef&AccountSid=AC0123456789abcdef0123456789abcdef&From=%2B15005550006&To=%2B15005550001&ApiVersion=v1'

        Replay this case with:

          twiml-fax-kit check http://127.0.0.1:47101/fax/incoming --seed 1337 --replay example-1 --checks attribute-values

      Summary

        ✓  reachable           the server accepts connections and answers in HTTP        passed   12 exchanges
        ✗  status-code         the final reply is 2xx, through redirects Twilio follows  failed   12 exchanges, 1 error
        ✗  content-type        the reply is text/xml or application/xml                  failed   11 exchanges, 5 errors
        ✗  attribute-values    attribute values are among those Twilio accepts           failed   11 exchanges, 11 errors, 11 warnings
        ○  signature-accepted  correctly signed requests are accepted                    skipped  needs --auth-token or TWILIO_AUTH_TOKEN

        Checks:    1 passed, 3 failed, 1 skipped (5)
        Cases:     12
        Requests:  262
        Duration:  1.23 s
        Seed:      1337 (repeat this run with --seed 1337)

      ✗ FAILED: 3 errors, 1 warning for http://127.0.0.1:47101/fax/incoming; 4 of 5 checks judged something
      "
    `);
  });

  it('prints the summary and a PASSED verdict when there are no findings', () => {
    expect(formatPrettyReport(PASSED_REPORT)).toMatchInlineSnapshot(`
      "twiml-fax-kit checked http://127.0.0.1:47102/fax/incoming

      Summary

        ✓  reachable     the server accepts connections and answers in HTTP                   passed   8 exchanges
        ✓  status-code   the final reply is 2xx, through redirects Twilio follows             passed   8 exchanges
        ✓  content-type  the reply is text/xml or application/xml                             passed   8 exchanges
        ✓  fax-action    exactly one fax verb, <Receive> or <Reject>, with nothing inside it  passed   8 exchanges

        Checks:    4 passed, 0 failed, 0 skipped (4)
        Cases:     8
        Requests:  8
        Duration:  480 ms
        Seed:      7 (repeat this run with --seed 7)

      ✓ PASSED: http://127.0.0.1:47102/fax/incoming conforms; 4 of 4 checks judged something
      "
    `);
  });

  it('ends a finding about two differing replies with the curl line of the reference request too', () => {
    const finding = { ...MISSING_CONTENT_TYPE, compareWith: "curl -sS -i -X POST 'https://fax.example.test/fax/incoming' --data-binary 'From=%2B1'" };
    expect(formatPrettyReport({ ...FAILED_REPORT, findings: [finding] }).split('Reproduce with:')[1]).toContain(
      `\n\n  Compare with the reference request:\n\n    ${finding.compareWith}\n`,
    );
  });

  it('leaves out the seed line when no seed repeats the run, and names the log of a started server', () => {
    expect(formatPrettyReport(SEEDLESS_REPORT)).toMatchInlineSnapshot(`
      "twiml-fax-kit checked http://127.0.0.1:47103/fax/incoming

      Summary

        ✓  status-code   the final reply is 2xx, through redirects Twilio follows  passed   6 exchanges
        ✓  content-type  the reply is text/xml or application/xml                  passed   6 exchanges

        Checks:    2 passed, 0 failed, 0 skipped (2)
        Cases:     6
        Requests:  6
        Duration:  480 ms
        Server:    output in .twiml-fax-kit/server.log

      ✓ PASSED: http://127.0.0.1:47103/fax/incoming conforms; 2 of 2 checks judged something
      "
    `);
  });

  it('gives no PASSED verdict for a run stopped before every case ran', () => {
    const verdict = formatPrettyReport({ ...PASSED_REPORT, interrupted: true }).trim().split('\n').at(-1);
    expect(verdict).toMatch(/^⚠ INTERRUPTED: 0 errors, 0 warnings for .* before the stop; 4 of 4 checks judged something; not a verdict$/);
  });

  it('is the default reporter and writes nothing before the end when stderr is not a terminal', async () => {
    const { io, stdout, stderr } = bufferIo();
    await runPretty(onlyReporter(createReporters([], io)), FAILED_REPORT);
    expect(stderr.text()).toBe('');
    expect(stdout.text()).toBe(formatPrettyReport(FAILED_REPORT));
  });

  it('draws a progress bar on a terminal stderr and erases it before the report', async () => {
    const { io, stdout, stderr } = bufferIo({ stderrTTY: true });
    await runPretty(onlyReporter(createReporters([], io)), PASSED_REPORT);
    expect(stderr.text()).toContain('/10 cases');
    expect(stdout.text()).toBe(formatPrettyReport(PASSED_REPORT));
  });

  it('stops the progress bar when the run is interrupted', async () => {
    let interrupt: (() => void) | undefined;
    const { io, stderr } = bufferIo({ stderrTTY: true });
    const reporter = onlyReporter(createReporters([], { ...io, onInterrupt: (handler) => ((interrupt = handler), () => (interrupt = undefined)) }));
    reporter.onRunStarted?.({ type: 'run-started', target: 't', seed: 1, plannedCases: 4, checks: [] });
    expect(interrupt).toBeDefined();
    interrupt?.();
    const afterStop = stderr.text();
    reporter.onCaseFinished?.({ type: 'case-finished', done: 2, total: 4, failed: false });
    expect(stderr.text()).toBe(afterStop);
    // The cursor cli-progress hid comes back.
    expect(afterStop).toContain('\u001b[?25h');
  });

  it('colours the report on a terminal stdout', async () => {
    const { io, stdout } = bufferIo({ stdoutTTY: true });
    await runPretty(onlyReporter(createReporters(['pretty'], io)), FAILED_REPORT);
    expect(stdout.text()).toContain('\u001b[31m');
  });

  it('does not colour a terminal stdout when NO_COLOR is set', async () => {
    const { io, stdout } = bufferIo({ stdoutTTY: true, env: { NO_COLOR: '1' } });
    await runPretty(onlyReporter(createReporters(['pretty'], io)), FAILED_REPORT);
    expect(stdout.text()).not.toContain('\u001b[');
  });

  it('colours a piped stdout when FORCE_COLOR is set', async () => {
    const { io, stdout } = bufferIo({ env: { FORCE_COLOR: '1' } });
    await runPretty(onlyReporter(createReporters(['pretty'], io)), FAILED_REPORT);
    expect(stdout.text()).toContain('\u001b[');
  });

  it('makes control characters from the server visible instead of sending them to the terminal', () => {
    const hostile: Report = {
      ...FAILED_REPORT,
      findings: FAILED_REPORT.findings.map((f) => ({
        ...f,
        response: f.response && { ...f.response, bodyStart: 'ok\u001b[2J\r::error::gotcha\u0007' },
      })),
    };
    const text = formatPrettyReport(hostile);
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(text).toContain('│ ok\\x1b[2J\\r::error::gotcha\\x07');
  });
});
