import { describe, expect, it } from 'vitest';
import type { CheckConfig } from '../../src/checks/check-api/types.js';
import type { Exchange } from '../../src/model/exchange.js';
import { TWILIO_PROFILE } from '../../src/protocol/profile.js';
import { mismatchCode } from '../../src/pact/describe-mismatch.js';
import type { PactVerificationJson } from '../../src/pact/run-pact-verifier.js';
import { interactionCheckId, reportVerification, type VerificationFacts } from '../../src/pact/verification-report.js';
import type { ProxiedDelivery } from '../../src/pact/webhook-proxy.js';
import { decodeParams } from '../../src/sender/index.js';

const CONFIG: CheckConfig = { profile: TWILIO_PROFILE, method: 'POST', expect: 'any', hasAuthToken: true, timeoutMs: 15_000 };
const FORM = 'application/x-www-form-urlencoded; charset=UTF-8';

/** A delivery as the sender records it: the request as sent, and the reply. */
function delivery(path: string, reply: { status: number; contentType: string; body: string; headers?: Record<string, string> }, body = 'FaxSid=FX1', requestHeaders: Record<string, string> = {}): ProxiedDelivery {
  const url = `http://127.0.0.1:3000${path}`;
  const response = { status: reply.status, headers: { 'content-type': reply.contentType, ...reply.headers }, setCookies: [], body: Buffer.from(reply.body), truncated: false };
  const exchange: Exchange = { hops: [{ request: { method: 'POST', url, headers: { 'Content-Type': FORM, ...requestHeaders }, body }, response, durationMs: 2 }], response, durationMs: 2, finalUrl: url };
  return { request: { method: 'POST', url, params: decodeParams(body), encodedParams: body }, exchange };
}

const TWIML = { status: 200, contentType: 'text/xml', body: '<Response><Receive/></Response>' };

function facts(overrides: Partial<VerificationFacts> & Pick<VerificationFacts, 'json' | 'deliveries'>): VerificationFacts {
  return { target: 'http://127.0.0.1:3000/', startedAt: performance.now(), config: CONFIG, failOn: 'warning', stateSetup: 'url', secrets: [], ...overrides };
}

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

describe('reportVerification', () => {
  it("makes one check per interaction and one finding per cause, with the sender's request and its curl line", async () => {
    const report = await reportVerification(facts({
      deliveries: [delivery('/fax', { ...TWIML, contentType: 'text/plain' }), delivery('/fax/received', { status: 204, contentType: 'text/plain', body: '' }, 'FaxStatus=failed')],
      json: json({
        errors: [{
          interaction: 'Verifying a pact between twilio-fax and app Given the fax number accepts faxes - an incoming fax by POST',
          mismatch: { type: 'mismatches', mismatches: [{ type: 'HeaderMismatch', key: 'Content-Type', mismatch: "Expected header 'Content-Type' to match" }] },
        }],
      }),
    }), []);
    expect(report.checks.map((c) => `${c.id} ${c.status} ${c.errors}`)).toEqual(['pact-an-incoming-fax-by-post failed 1', 'pact-the-action-callback-for-a-failed-fax passed 0']);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({
      check: 'pact-an-incoming-fax-by-post',
      code: 'pact_header_mismatch',
      severity: 'error',
      twilioError: 12300,
      twilioErrorTitle: 'Invalid Content-Type',
      request: { url: 'http://127.0.0.1:3000/fax', body: 'FaxSid=FX1' },
      reproduce: "curl -sS -i --globoff -X POST http://127.0.0.1:3000/fax -H 'Content-Type: application/x-www-form-urlencoded; charset=UTF-8' -H Expect: --data-binary FaxSid=FX1",
      count: 1,
      case: "Pact interaction 'an incoming fax by POST'",
    });
    expect(report.ok).toBe(false);
    expect(report.summary).toMatchObject({ requests: 2, plannedCases: 2, cases: 2, checks: 2, judged: 2, passed: 1, failed: 1, skipped: 0 });
  });

  it("adds what check finds that Pact does not see, and passes a notice under --fail-on warning", async () => {
    const report = await reportVerification(facts({
      deliveries: [delivery('/fax', { ...TWIML, contentType: 'text/html' }), delivery('/fax/received', { status: 204, contentType: 'text/plain', body: '' }, 'FaxStatus=failed')],
      json: json({ result: true, interactionResults: [{ description: 'an incoming fax by POST', result: 'OK' }, { description: 'the action callback for a failed fax', result: 'OK' }] }),
    }), []);
    expect(report.findings.map((f) => [f.check, f.severity, f.code])).toEqual([['pact-an-incoming-fax-by-post', 'notice', 'undocumented_content_type']]);
    expect(report.ok).toBe(true);
  });

  it('reports mismatches of pending interactions as notices that do not fail the run', async () => {
    const report = await reportVerification(facts({
      deliveries: [delivery('/fax', { status: 500, contentType: 'text/plain', body: 'boom' }), delivery('/fax/received', { status: 204, contentType: 'text/plain', body: '' }, 'FaxStatus=failed')],
      json: json({
        result: true,
        pendingErrors: [{ interaction: 'an incoming fax by POST', mismatch: { type: 'mismatches', mismatches: [{ type: 'StatusMismatch', expected: 200, actual: 500, mismatch: 'expected 200 but was 500' }] } }],
      }),
    }), []);
    expect(report.ok).toBe(true);
    expect(report.checks.every((check) => check.status === 'passed')).toBe(true);
    expect(report.findings.map((f) => [f.severity, f.code, f.twilioError])).toEqual([['notice', 'pact_status_mismatch', 11200]]);
  });

  it('redacts a secret the provider echoed before the reply body is cut, and from the messages that quote it', async () => {
    const token = 'f3a9c1e07b5d28460b9e3d7c15a8f264';
    const echoing = delivery('/fax', { status: 500, contentType: 'text/plain', body: `${'.'.repeat(1_990)}${token}`, headers: { 'x-echo': token } }, `FaxSid=FX1&Echo=${token}`, { Cookie: `s=${token}` });
    const report = await reportVerification(facts({
      secrets: [token],
      deliveries: [echoing, delivery('/fax/received', { status: 204, contentType: 'text/plain', body: '' }, 'FaxStatus=failed')],
      json: json({ errors: [{ interaction: 'an incoming fax by POST', mismatch: { type: 'error', message: `Expected 200, got 500: ${token.slice(0, 20)}…` } }] }),
    }), []);
    const finding = report.findings.find((f) => f.code === 'pact_verification_error');
    // Cut after redaction: the first 10 characters of the token would be left at the cut otherwise.
    expect(finding?.response?.bodyStart).toBe(`${'.'.repeat(1_990)}<redacted>`);
    expect(finding?.response?.headers).toMatchObject({ 'x-echo': '<redacted>' });
    expect(finding?.message).toBe('Expected 200, got 500: <redacted>…');
    expect(finding?.request).toMatchObject({ headers: { Cookie: 's=<redacted>' }, body: 'FaxSid=FX1&Echo=<redacted>' });
    expect(JSON.stringify(report)).not.toContain(token.slice(0, 12));
  });

  it('leaves requests out rather than guessing when Pact reports a different number of interactions than were sent', async () => {
    const report = await reportVerification(facts({
      deliveries: [delivery('/fax', TWIML)],
      json: json({ errors: [{ interaction: 'an incoming fax by POST', mismatch: { type: 'error', message: 'Request Failed - error sending request' } }] }),
    }), []);
    expect(report.findings[0]).toMatchObject({ code: 'pact_verification_error', message: 'Request Failed - error sending request', request: { url: 'http://127.0.0.1:3000/', headers: {} } });
    expect(report.checks.map((check) => check.exchanges)).toEqual([0, 0]);
  });

  it("blames the state endpoint, with a curl line that sends Pact's state change, and keeps the other interactions' requests", async () => {
    const report = await reportVerification(facts({
      stateUrl: 'http://127.0.0.1:3000/_pact/state',
      deliveries: [delivery('/fax/received', { status: 204, contentType: 'text/plain', body: '' }, 'FaxStatus=failed')],
      json: json({
        errors: [{ interaction: 'Verifying a pact between twilio-fax and app Given the fax number accepts faxes - an incoming fax by POST', mismatch: { type: 'error', message: 'One or more of the setup state change handlers has failed' } }],
      }),
    }), []);
    expect(report.findings.map((f) => [f.code, f.message, f.reproduce])).toMatchInlineSnapshot(`
      [
        [
          "pact_state_change_failed",
          "Pact could not set up provider state 'the fax number accepts faxes': One or more of the setup state change handlers has failed",
          "curl -sS -i --globoff -X POST http://127.0.0.1:3000/_pact/state -H 'Content-Type: application/json' -H Expect: --data-binary '{"state":"the fax number accepts faxes","params":{},"action":"setup"}'",
        ],
      ]
    `);
    expect(report.checks.map((check) => check.exchanges)).toEqual([0, 1]);
  });

  it("reports Pact's errors that belong to no interaction, so that a failed run always has a finding", async () => {
    const report = await reportVerification(facts({
      deliveries: [],
      json: { result: false, output: [], pendingErrors: [], interactionResults: [], errors: [{ interaction: 'Failed to load pact', mismatch: { type: 'error', message: "Failed to load pact 'https://broker.example.com/pacts/1' - request failed" } }] },
    }), []);
    expect(report.ok).toBe(false);
    expect(report.checks).toEqual([{ id: 'pact-verification', title: "Pact's verifier", status: 'failed', exchanges: 0, errors: 1, warnings: 0 }]);
    expect(report.findings.map((f) => [f.check, f.code, f.message, f.reproduce])).toEqual([
      ['pact-verification', 'pact_verification_error', "Failed to load pact: Failed to load pact 'https://broker.example.com/pacts/1' - request failed", 'twiml-fax-kit pact verify http://127.0.0.1:3000/'],
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
