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
      "twiml-fax-kit checked https://fax.example.test/fax/incoming

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

      ── verb-case · Uses fax verbs with the right case (2 findings) ──

      ! warning · verb-case · Twilio 12200 Schema validation warning · [lowercase_verb]
        <receive> is not a fax verb: verb names are case-sensitive. (line 2, column 3)

        Case       generated case 7 (shrunk)
        Sent       POST https://fax.example.test/fax/incoming
                   Content-Type: application/x-www-form-urlencoded; charset=UTF-8
                   X-Twilio-Signature: r3qS0o2vXk1+7R0yqQ0pQ8dG4bU=
                   │ AccountSid=AC0123456789abcdef0123456789abcdef&ApiVersion=v1&FaxSid=FX0123456789abcdef0123456789abcdef&From=%2B14155550100&To=%2B14155550199
        Received   200 · text/xml; charset=utf-8 · 74 bytes
                   │ <?xml version="1.0" encoding="UTF-8"?>
                   │ <Response>
                   │   <receive/>
                   │ </Response>

        Hint: Write <Receive>.

        Reproduce with:

          curl -sS -X POST 'https://fax.example.test/fax/incoming' -H 'Content-Type: application/x-www-form-urlencoded; charset=UTF-8' -H 'X-Twilio-Signature: r3qS0o2vXk1+7R0yqQ0pQ8dG4bU=' --data-raw 'AccountSid=AC0123456789abcdef0123456789abcdef&ApiVersion=v1&FaxSid=FX0123456789abcdef0123456789abcdef&From=%2B14155550100&To=%2B14155550199'

      ✗ error · verb-case · Twilio 34106 No Fax TwiML action specified · [no_fax_action]
        The reply has no <Receive> or <Reject>: Twilio fails the fax.

        Case       generated case 7 (shrunk)
        Sent       POST https://fax.example.test/fax/incoming
                   Content-Type: application/x-www-form-urlencoded; charset=UTF-8
                   X-Twilio-Signature: r3qS0o2vXk1+7R0yqQ0pQ8dG4bU=
                   │ AccountSid=AC0123456789abcdef0123456789abcdef&ApiVersion=v1&FaxSid=FX0123456789abcdef0123456789abcdef&From=%2B14155550100&To=%2B14155550199
        Received   200 · text/xml; charset=utf-8 · 74 bytes
                   │ <?xml version="1.0" encoding="UTF-8"?>
                   │ <Response>
                   │   <receive/>
                   │ </Response>

        Hint: Reply with <Response><Receive/></Response> to receive the fax.

        Reproduce with:

          curl -sS -X POST 'https://fax.example.test/fax/incoming' -H 'Content-Type: application/x-www-form-urlencoded; charset=UTF-8' -H 'X-Twilio-Signature: r3qS0o2vXk1+7R0yqQ0pQ8dG4bU=' --data-raw 'AccountSid=AC0123456789abcdef0123456789abcdef&ApiVersion=v1&FaxSid=FX0123456789abcdef0123456789abcdef&From=%2B14155550100&To=%2B14155550199'

      Summary

        ✓  status-code   Replies 2xx to the incoming-fax webhook  passed   24 exchanges
        ✗  content-type  Replies with an XML Content-Type         failed   24 exchanges, 1 error
        ✗  verb-case     Uses fax verbs with the right case       failed   24 exchanges, 1 error, 1 warning
        ○  signature     Refuses requests with a bad signature    skipped  needs --auth-token

        Checks:    1 passed, 2 failed, 1 skipped (4)
        Cases:     24
        Requests:  24
        Duration:  1.23 s
        Seed:      1337 (repeat this run with --seed 1337)

      ✗ FAILED: 2 errors, 1 warning for https://fax.example.test/fax/incoming; 3 of 4 checks judged something
      "
    `);
  });

  it('prints the summary and a PASSED verdict when there are no findings', () => {
    expect(formatPrettyReport(PASSED_REPORT)).toMatchInlineSnapshot(`
      "twiml-fax-kit checked handler:fax-app

      Summary

        ✓  status-code   Replies 2xx to the incoming-fax webhook  passed   10 exchanges
        ✓  content-type  Replies with an XML Content-Type         passed   10 exchanges

        Checks:    2 passed, 0 failed, 0 skipped (2)
        Cases:     10
        Requests:  10
        Duration:  480 ms
        Seed:      7 (repeat this run with --seed 7)

      ✓ PASSED: handler:fax-app conforms; 2 of 2 checks judged something
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
      "twiml-fax-kit checked handler:fax-app

      Summary

        ✓  status-code   Replies 2xx to the incoming-fax webhook  passed   10 exchanges
        ✓  content-type  Replies with an XML Content-Type         passed   10 exchanges

        Checks:    2 passed, 0 failed, 0 skipped (2)
        Cases:     10
        Requests:  10
        Duration:  480 ms
        Server:    output in .twiml-fax-kit/server.log

      ✓ PASSED: handler:fax-app conforms; 2 of 2 checks judged something
      "
    `);
  });

  it('gives no PASSED verdict for a run stopped before every case ran', () => {
    const verdict = formatPrettyReport({ ...PASSED_REPORT, interrupted: true }).trim().split('\n').at(-1);
    expect(verdict).toMatch(/^⚠ INTERRUPTED: 0 errors, 0 warnings for .* before the stop; 2 of 2 checks judged something; not a verdict$/);
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
