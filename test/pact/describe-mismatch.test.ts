import { describe, expect, it } from 'vitest';
import type { CheckConfig } from '../../src/checks/check-api/types.js';
import type { Exchange, WebhookRequest } from '../../src/model/exchange.js';
import { TWILIO_PROFILE } from '../../src/protocol/profile.js';
import { describeMismatches, type MismatchContext } from '../../src/pact/describe-mismatch.js';
import { isCallback, judgeDelivery } from '../../src/pact/judge-delivery.js';
import type { PactMismatch } from '../../src/pact/run-pact-verifier.js';
import { decodeParams } from '../../src/sender/index.js';

// Mismatches as Pact's verifier (pact-core 16.5) reports them, copied from real runs against broken Express apps. The
// kit's verdict beside them is `check`'s own, from the same checks, on an exchange of the reply.

const FORM = 'application/x-www-form-urlencoded; charset=UTF-8';
const WEBHOOK_BODY = 'AccountSid=AC0123456789abcdef0123456789abcdef&ApiVersion=v1&FaxSid=FXa1b2c3d4e5f60718293a4b5c6d7e8f90&From=%2B14155550100&To=%2B14155550199';
const CONFIG: CheckConfig = { profile: TWILIO_PROFILE, method: 'POST', expect: 'any', hasAuthToken: true, timeoutMs: 15_000 };

interface Delivered {
  readonly path?: string;
  readonly body?: string;
  readonly status: number;
  readonly contentType: string;
  readonly reply: string;
}

/** What `pact verify` knows of an interaction: the delivery as the sender made it, and `check`'s verdict of it. */
async function contextOf(delivered: Delivered, overrides: Partial<MismatchContext> = {}, config: CheckConfig = CONFIG): Promise<MismatchContext> {
  const url = `http://127.0.0.1:3000${delivered.path ?? '/fax'}`;
  const body = delivered.body ?? WEBHOOK_BODY;
  const request: WebhookRequest = { method: 'POST', url, params: decodeParams(body), encodedParams: body };
  const response = { status: delivered.status, headers: { 'content-type': delivered.contentType }, setCookies: [], body: Buffer.from(delivered.reply), truncated: false };
  const exchange: Exchange = {
    hops: [{ request: { method: 'POST', url, headers: { 'Content-Type': FORM, 'X-Twilio-Signature': 'c2ln' }, body }, response, durationMs: 3 }],
    response,
    durationMs: 3,
    finalUrl: url,
  };
  const verdict = await judgeDelivery({ request, exchange }, config, 'a test');
  const verb = /<(Receive|Reject)\b/.exec(delivered.reply)?.[1] as 'Receive' | 'Reject' | undefined;
  return {
    stateSetup: 'url',
    state: 'the fax number accepts faxes',
    target: `POST ${delivered.path ?? '/fax'}`,
    callback: isCallback(request),
    verb: verb ?? null,
    verdict: verdict.map((issue) => issue.diagnostic),
    ...overrides,
  };
}

const CHECK = 'pact-an-incoming-fax-by-post';

const REFUSED: PactMismatch[] = [
  { type: 'BodyTypeMismatch', expected: 'text/xml', actual: 'text/plain;charset=utf-8', mismatch: "Expected a body of 'text/xml' but the actual content type was 'text/plain;charset=utf-8'" },
  { type: 'StatusMismatch', expected: 200, actual: 403, mismatch: 'expected 200 but was 403' },
  { type: 'HeaderMismatch', key: 'Content-Type', expected: 'text/xml', actual: 'text/plain; charset=utf-8', mismatch: "Mismatch with header 'Content-Type': Expected 'text/plain; charset=utf-8' to match '^(text/xml|application/xml|text/html)(\\s*;.*)?$'" },
];

const WRONG_CONTENT_TYPE: PactMismatch[] = [
  { type: 'BodyTypeMismatch', expected: 'text/xml', actual: 'application/json;charset=utf-8', mismatch: "Expected a body of 'text/xml' but the actual content type was 'application/json;charset=utf-8'" },
  { type: 'HeaderMismatch', key: 'Content-Type', expected: 'text/xml', actual: 'application/json; charset=utf-8', mismatch: "Mismatch with header 'Content-Type': Expected 'application/json; charset=utf-8' to match '^(text/xml|application/xml|text/html)(\\s*;.*)?$'" },
];

const MISSING_ATTRIBUTES: PactMismatch[] = [
  { type: 'BodyMismatch', path: "$.Response.Receive['@pageSize']", expected: 'pageSize', actual: null, mismatch: "Expected attribute 'pageSize'='letter' but was missing" },
  { type: 'BodyMismatch', path: '$.Response.Receive', mismatch: 'Expected at least 3 attribute(s) but received 1 attribute(s)' },
  { type: 'BodyMismatch', path: "$.Response.Receive['@method']", expected: 'method', actual: null, mismatch: "Expected attribute 'method'='POST' but was missing" },
];

const NO_RECEIVE: PactMismatch[] = [{ type: 'BodyMismatch', path: '$.Response', mismatch: 'Expected child <Receive/> but was missing' }];
const NO_REJECT: PactMismatch[] = [{ type: 'BodyMismatch', path: '$.Response', mismatch: 'Expected child <Reject/> but was missing' }];
const CALLBACK_FAILED: PactMismatch[] = [{ type: 'StatusMismatch', expected: 200, actual: 500, mismatch: 'Expected status code 500 to be a Successful response (200–299)' }];

const RECEIVE = '<?xml version="1.0" encoding="UTF-8"?><Response><Receive action="/fax/received"/></Response>';

describe('describeMismatches', () => {
  it('reports a refused request once, as its status, with the hint and Twilio code check gives it', async () => {
    const context = await contextOf({ status: 403, contentType: 'text/plain; charset=utf-8', reply: 'Twilio Request Validation Failed.' });
    const described = describeMismatches(REFUSED, context, CHECK);
    expect(described.diagnostics).toEqual([{
      check: CHECK,
      code: 'pact_status_mismatch',
      severity: 'error',
      message: 'expected 200 but was 403',
      twilioError: 11200,
      hint: 'the server refused a correctly signed request: validate the signature against the URL exactly as requested (query string as sent) and the parameters as a form decoder reads them (signature-accepted names the mistake when it can tell)',
    }]);
    // check's own status-code finding is the one this mismatch reports: it gets no finding of its own.
    expect([...described.explained].map((d) => `${d.check} ${d.code}`)).toEqual(['status-code error_status']);
  });

  it('asks for an auth token when an unsigned request is refused', async () => {
    const context = await contextOf({ status: 400, contentType: 'text/plain', reply: 'No signature header error' }, {}, { ...CONFIG, hasAuthToken: false });
    const mismatches: PactMismatch[] = [{ type: 'StatusMismatch', expected: 200, actual: 400, mismatch: 'expected 200 but was 400' }];
    const { diagnostics } = describeMismatches(mismatches, context, CHECK);
    expect(diagnostics[0]?.hint).toBe("the server refused an unsigned request: if it validates X-Twilio-Signature, give the kit the server's auth token (--auth-token or TWILIO_AUTH_TOKEN)");
  });

  it("says what a failed fax's callback lacks when the app fails on it", async () => {
    const context = await contextOf({ path: '/fax/received', body: `${WEBHOOK_BODY}&ErrorCode=34004&ErrorMessage=hung+up&FaxStatus=failed`, status: 500, contentType: 'text/html', reply: '<pre>TypeError</pre>' });
    const [described] = describeMismatches(CALLBACK_FAILED, context, CHECK).diagnostics;
    expect(described?.hint).toBe("the server failed on this request: look for the exception in its logs and reproduce it with the curl line; a failed fax's callback carries ErrorCode and ErrorMessage, and no NumPages, MediaUrl or RemoteStationId: read FaxStatus first");
  });

  it('points a 404 on an action callback at --callback-path', async () => {
    const context = await contextOf({ path: '/fax/status', body: `${WEBHOOK_BODY}&FaxStatus=received&NumPages=2`, status: 404, contentType: 'text/html', reply: 'Cannot POST' });
    const mismatches: PactMismatch[] = [{ type: 'StatusMismatch', expected: 200, actual: 404, mismatch: 'Expected status code 404 to be a Successful response (200–299)' }];
    const [described] = describeMismatches(mismatches, context, CHECK).diagnostics;
    expect(described?.hint).toBe('nothing answers POST at this URL: check the path of the webhook URL and that the route accepts POST; or generate the contract with the --callback-path (the <Receive action>) the server serves');
  });

  it('reports a wrong Content-Type once, with what check says of the type and of the body', async () => {
    const context = await contextOf({ status: 200, contentType: 'application/json; charset=utf-8', reply: '{"receive":true}' });
    const described = describeMismatches(WRONG_CONTENT_TYPE, context, CHECK);
    expect(described.diagnostics.map((d) => [d.code, d.severity, d.twilioError])).toEqual([['pact_header_mismatch', 'error', 12300]]);
    // Every error of check's verdict is in this one finding: none is left to report on its own.
    expect(context.verdict.filter((d) => d.severity === 'error').every((d) => described.explained.has(d))).toBe(true);
  });

  it('merges missing attributes into one finding, in name order, and says Twilio requires none of them', async () => {
    const context = await contextOf({ status: 200, contentType: 'text/xml', reply: RECEIVE });
    const { diagnostics } = describeMismatches(MISSING_ATTRIBUTES, context, CHECK);
    expect(diagnostics).toEqual([{
      check: CHECK,
      code: 'pact_body_mismatch',
      severity: 'error',
      message: "Expected attributes 'method'='POST', 'pageSize'='letter' on <Receive> but they were missing",
      hint: 'add method="POST" pageSize="letter" to <Receive>, or generate the contract without method, pageSize in --receive-attributes (Twilio requires none of them)',
    }]);
  });

  it("names the lowercase verb Twilio would skip, with check's hint and Twilio's code", async () => {
    const context = await contextOf({ status: 200, contentType: 'text/xml', reply: RECEIVE.replace('<Receive', '<receive') });
    const described = describeMismatches(NO_RECEIVE, context, CHECK);
    expect(described.diagnostics).toEqual([expect.objectContaining({ severity: 'error', twilioError: 12200, hint: 'rename <receive> to <Receive>' })]);
    // "No fax verb" follows from the skipped verb: reported with it, not on its own.
    expect([...described.explained].map((d) => d.code).sort()).toEqual(['no_fax_action', 'verb_case_mismatch']);
  });

  it('grades a mismatch as check grades its cause: a value in the wrong case is a warning', async () => {
    const mismatches: PactMismatch[] = [{ type: 'BodyMismatch', path: "$.Response.Receive['@pageSize']", mismatch: "Expected 'A4' to match '^(letter|legal|a4)$'" }];
    const context = await contextOf({ status: 200, contentType: 'text/xml', reply: RECEIVE.replace('/>', ' pageSize="A4"/>') });
    const [described] = describeMismatches(mismatches, context, CHECK).diagnostics;
    expect(described).toMatchObject({ severity: 'warning', twilioError: 12200, hint: 'use a4' });
  });

  it('grades a Content-Type Pact refuses as a notice when check reads it as TwiML (text/html under an older contract)', async () => {
    const mismatches: PactMismatch[] = [{ type: 'HeaderMismatch', key: 'Content-Type', expected: 'text/xml', actual: 'text/html', mismatch: "Mismatch with header 'Content-Type': Expected 'text/html' to match '^(text/xml|application/xml)(\\s*;.*)?$'" }];
    const context = await contextOf({ status: 200, contentType: 'text/html', reply: RECEIVE });
    const [described] = describeMismatches(mismatches, context, CHECK).diagnostics;
    expect(described?.severity).toBe('notice');
  });

  it('asks for --state-url when the app answered <Receive> to a number that rejects faxes and no state URL was given', async () => {
    const context = await contextOf({ status: 200, contentType: 'text/xml', reply: RECEIVE }, { stateSetup: 'none', state: 'the fax number rejects faxes' });
    const [described] = describeMismatches(NO_REJECT, context, CHECK).diagnostics;
    expect(described?.hint).toBe("the contract expects <Reject/> under provider state 'the fax number rejects faxes', but no --state-url was given, so the server was never told and answered <Receive>: give --state-url, an endpoint that takes Pact's POST { state, params, action } and sets that state up");
  });

  it('points at the state endpoint when the state URL was given but the app still answered <Receive>', async () => {
    const context = await contextOf({ status: 200, contentType: 'text/xml', reply: RECEIVE }, { state: 'the fax number rejects faxes' });
    const [described] = describeMismatches(NO_REJECT, context, CHECK).diagnostics;
    expect(described?.hint).toMatch(/^under provider state 'the fax number rejects faxes' the server answered <Receive>, not <Reject\/>: make its state endpoint set this state up/);
  });
});
