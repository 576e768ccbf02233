import { describe, expect, it } from 'vitest';
import { mismatchCode } from '../../src/pact/describe-mismatch.js';
import type { PactVerificationJson } from '../../src/pact/run-pact-verifier.js';
import type { ProxiedExchange } from '../../src/pact/signing-proxy.js';
import { interactionCheckId, toVerificationReport } from '../../src/pact/to-report.js';

const exchange = (path: string): ProxiedExchange => ({
  request: { method: 'POST', url: `http://127.0.0.1:3000${path}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: Buffer.from('FaxSid=FX1') },
  response: { status: 200, headers: { 'content-type': 'text/plain' }, body: Buffer.from('<Response/>') },
});

const json = (overrides: Partial<PactVerificationJson>): PactVerificationJson => ({
  result: false,
  output: [],
  errors: [],
  pendingErrors: [],
  interactionResults: [
    { description: 'an incoming fax by POST', result: 'Error' },
    { description: 'the action callback for a failed fax', result: 'OK' },
  ],
  ...overrides,
});

describe('toVerificationReport', () => {
  it('makes one check per interaction and one finding per mismatch, with the request the provider received', () => {
    const report = toVerificationReport({
      target: 'http://127.0.0.1:3000/',
      durationMs: 5,
      exchanges: [exchange('/fax'), exchange('/fax/received')],
      json: json({
        errors: [{
          interaction: 'Verifying a pact between twilio-fax and app Given the fax number accepts faxes - an incoming fax by POST',
          mismatch: { type: 'mismatches', mismatches: [{ type: 'HeaderMismatch', key: 'Content-Type', mismatch: "Expected header 'Content-Type' to match" }] },
        }],
      }),
    });
    expect(report.checks.map((c) => `${c.id} ${c.status} ${c.errors}`)).toEqual([
      'pact-an-incoming-fax-by-post failed 1',
      'pact-the-action-callback-for-a-failed-fax passed 0',
    ]);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ code: 'pact_header_mismatch', twilioError: 12300, twilioErrorTitle: 'Invalid Content-Type', request: { url: 'http://127.0.0.1:3000/fax', body: 'FaxSid=FX1' } });
    expect(report.ok).toBe(false);
  });

  it('reports mismatches of pending interactions as notices that do not fail the run', () => {
    const report = toVerificationReport({
      target: 'http://127.0.0.1:3000/',
      durationMs: 5,
      exchanges: [exchange('/fax'), exchange('/fax/received')],
      json: json({
        result: true,
        pendingErrors: [{ interaction: 'an incoming fax by POST', mismatch: { type: 'mismatches', mismatches: [{ type: 'StatusMismatch', expected: 200, actual: 500, mismatch: 'expected 200 but was 500' }] } }],
      }),
    });
    expect(report.ok).toBe(true);
    expect(report.checks.every((check) => check.status === 'passed')).toBe(true);
    expect(report.findings.map((f) => [f.severity, f.code, f.twilioError])).toEqual([['notice', 'pact_status_mismatch', 11200]]);
  });

  it('redacts a secret the provider echoed before the reply body is cut, and from the messages that quote it', () => {
    const token = 'f3a9c1e07b5d28460b9e3d7c15a8f264';
    const echoing: ProxiedExchange = {
      request: { method: 'POST', url: 'http://127.0.0.1:3000/fax', headers: { cookie: `s=${token}` }, body: Buffer.from(`FaxSid=FX1&Echo=${token}`) },
      response: { status: 500, headers: { 'x-echo': token }, body: Buffer.from(`${'.'.repeat(1_990)}${token}`) },
    };
    const report = toVerificationReport({
      target: 'http://127.0.0.1:3000/',
      durationMs: 5,
      secrets: [token],
      exchanges: [echoing, exchange('/fax/received')],
      json: json({ errors: [{ interaction: 'an incoming fax by POST', mismatch: { type: 'error', message: `Expected 200, got 500: ${token.slice(0, 20)}…` } }] }),
    });
    const [finding] = report.findings;
    // Cut after redaction: the first 10 characters of the token would be left at the cut otherwise.
    expect(finding?.response?.bodyStart).toBe(`${'.'.repeat(1_990)}<redacted>`);
    expect(finding?.response?.headers).toEqual({ 'x-echo': '<redacted>' });
    expect(finding?.message).toBe('Expected 200, got 500: <redacted>…');
    expect(finding?.request).toMatchObject({ headers: { cookie: 's=<redacted>' }, body: 'FaxSid=FX1&Echo=<redacted>' });
    expect(finding?.reproduce).not.toContain(token.slice(0, 12));
  });

  it('leaves requests out rather than guessing when Pact reports a different number of interactions than were sent', () => {
    const report = toVerificationReport({
      target: 'http://127.0.0.1:3000/',
      durationMs: 5,
      exchanges: [exchange('/fax')],
      json: json({ errors: [{ interaction: 'an incoming fax by POST', mismatch: { type: 'error', message: 'Request Failed - error sending request' } }] }),
    });
    expect(report.findings[0]).toMatchObject({ code: 'pact_verification_error', message: 'Request Failed - error sending request', request: { url: 'http://127.0.0.1:3000/', headers: {} } });
    expect(report.checks.map((check) => check.exchanges)).toEqual([0, 0]);
  });

  it('blames the state endpoint, with a curl line that sends Pact\'s state change, when a state change fails', () => {
    const report = toVerificationReport({
      target: 'http://127.0.0.1:3000/',
      durationMs: 5,
      exchanges: [],
      stateSetup: 'url',
      stateUrl: 'http://127.0.0.1:3000/_pact/state',
      json: json({
        errors: [
          { interaction: 'Verifying a pact between twilio-fax and app Given the fax number accepts faxes - an incoming fax by POST', mismatch: { type: 'error', message: 'One or more of the setup state change handlers has failed' } },
          { interaction: 'Verifying a pact between twilio-fax and app - the action callback for a failed fax', mismatch: { type: 'error', message: 'One or more of the setup state change handlers has failed' } },
        ],
      }),
    });
    expect(report.findings.map((f) => [f.code, f.message, f.reproduce])).toMatchInlineSnapshot(`
      [
        [
          "pact_state_change_failed",
          "Pact could not set up provider state 'the fax number accepts faxes': One or more of the setup state change handlers has failed",
          "curl -sS -i --globoff -X POST http://127.0.0.1:3000/_pact/state -H 'content-type: application/json' -H Expect: --data-binary '{"state":"the fax number accepts faxes","params":{},"action":"setup"}'",
        ],
        [
          "pact_state_change_failed",
          "Pact's state change before this interaction (which has no provider state, so Pact sends an empty one) failed: One or more of the setup state change handlers has failed",
          "curl -sS -i --globoff -X POST http://127.0.0.1:3000/_pact/state -H 'content-type: application/json' -H Expect: --data-binary '{"state":"","params":{},"action":"setup"}'",
        ],
      ]
    `);
    expect(report.findings[1]?.hint).toContain('including an empty state: Pact sends one for the action callbacks');
  });

  it('reports Pact\'s errors that belong to no interaction, so that a failed run always has a finding', () => {
    const report = toVerificationReport({
      target: 'http://127.0.0.1:3000/',
      durationMs: 5,
      exchanges: [],
      json: { result: false, output: [], pendingErrors: [], interactionResults: [], errors: [{ interaction: 'Failed to load pact', mismatch: { type: 'error', message: "Failed to load pact 'https://broker.example.com/pacts/1' - request failed" } }] },
    });
    expect(report.ok).toBe(false);
    expect(report.checks).toEqual([{ id: 'pact-verification', title: "Pact's verifier", status: 'failed', exchanges: 0, errors: 1, warnings: 0 }]);
    expect(report.findings.map((f) => [f.check, f.code, f.message])).toEqual([
      ['pact-verification', 'pact_verification_error', "Failed to load pact: Failed to load pact 'https://broker.example.com/pacts/1' - request failed"],
    ]);
  });
});

describe('ids', () => {
  it('turns Pact mismatch types into snake_case codes', () => {
    expect(['BodyTypeMismatch', 'HeaderMismatch', 'StatusMismatch', 'QueryMismatch', ''].map(mismatchCode)).toEqual([
      'pact_body_type_mismatch', 'pact_header_mismatch', 'pact_status_mismatch', 'pact_query_mismatch', 'pact_error',
    ]);
  });

  it('turns interaction descriptions into kebab-case check ids', () => {
    expect(interactionCheckId('an incoming fax by POST from a SIP address (example 2 of seed 7)')).toBe('pact-an-incoming-fax-by-post-from-a-sip-address-example-2-of-seed-7');
  });
});
