import { describe, expect, it } from 'vitest';
import { describeMismatches, type MismatchContext } from '../../src/pact/describe-mismatch.js';
import type { PactMismatch } from '../../src/pact/run-pact-verifier.js';
import type { ProxiedExchange } from '../../src/pact/signing-proxy.js';

// Mismatches as Pact's verifier (pact-core 16.5) reports them, copied from real runs against broken Express apps.

const FORM = 'application/x-www-form-urlencoded; charset=UTF-8';
const WEBHOOK_BODY = 'AccountSid=AC0123456789abcdef0123456789abcdef&ApiVersion=v1&FaxSid=FXa1b2c3d4e5f60718293a4b5c6d7e8f90&From=%2B14155550100&To=%2B14155550199';

function request(path: string, body: string, headers: Record<string, string> = {}): ProxiedExchange['request'] {
  return { method: 'POST', url: `http://127.0.0.1:3000${path}`, headers: { 'content-type': FORM, ...headers }, body: Buffer.from(body) };
}

function reply(status: number, contentType: string, body: string): ProxiedExchange['response'] {
  return { status, headers: { 'content-type': contentType }, body: Buffer.from(body) };
}

function context(overrides: Partial<MismatchContext>): MismatchContext {
  return { stateSetup: 'url', state: 'the fax number accepts faxes', request: request('/fax', WEBHOOK_BODY, { 'x-twilio-signature': 'c2ln' }), ...overrides };
}

const REFUSED: PactMismatch[] = [
  { type: 'BodyTypeMismatch', expected: 'text/xml', actual: 'text/plain;charset=utf-8', mismatch: "Expected a body of 'text/xml' but the actual content type was 'text/plain;charset=utf-8'" },
  { type: 'StatusMismatch', expected: 200, actual: 403, mismatch: 'expected 200 but was 403' },
  { type: 'HeaderMismatch', key: 'Content-Type', expected: 'text/xml', actual: 'text/plain; charset=utf-8', mismatch: "Mismatch with header 'Content-Type': Expected 'text/plain; charset=utf-8' to match '^(text/xml|application/xml)(\\s*;.*)?$'" },
];

const WRONG_CONTENT_TYPE: PactMismatch[] = [
  { type: 'BodyTypeMismatch', expected: 'text/xml', actual: 'application/json;charset=utf-8', mismatch: "Expected a body of 'text/xml' but the actual content type was 'application/json;charset=utf-8'" },
  { type: 'HeaderMismatch', key: 'Content-Type', expected: 'text/xml', actual: 'application/json; charset=utf-8', mismatch: "Mismatch with header 'Content-Type': Expected 'application/json; charset=utf-8' to match '^(text/xml|application/xml)(\\s*;.*)?$'" },
];

const MISSING_ATTRIBUTES: PactMismatch[] = [
  { type: 'BodyMismatch', path: "$.Response.Receive['@pageSize']", expected: 'pageSize', actual: null, mismatch: "Expected attribute 'pageSize'='letter' but was missing" },
  { type: 'BodyMismatch', path: '$.Response.Receive', mismatch: 'Expected at least 5 attribute(s) but received 1 attribute(s)' },
  { type: 'BodyMismatch', path: "$.Response.Receive['@storeMedia']", expected: 'storeMedia', actual: null, mismatch: "Expected attribute 'storeMedia'='true' but was missing" },
  { type: 'BodyMismatch', path: "$.Response.Receive['@method']", expected: 'method', actual: null, mismatch: "Expected attribute 'method'='POST' but was missing" },
  { type: 'BodyMismatch', path: "$.Response.Receive['@mediaType']", expected: 'mediaType', actual: null, mismatch: "Expected attribute 'mediaType'='application/pdf' but was missing" },
];

const NO_RECEIVE: PactMismatch[] = [{ type: 'BodyMismatch', path: '$.Response', mismatch: 'Expected child <Receive/> but was missing' }];
const NO_REJECT: PactMismatch[] = [{ type: 'BodyMismatch', path: '$.Response', mismatch: 'Expected child <Reject/> but was missing' }];
const CALLBACK_FAILED: PactMismatch[] = [{ type: 'StatusMismatch', expected: 200, actual: 500, mismatch: 'Expected status code 500 to be a Successful response (200–299)' }];

const RECEIVE = '<?xml version="1.0" encoding="UTF-8"?><Response><Receive action="/fax/received" method="POST" mediaType="application/pdf" pageSize="letter" storeMedia="true"/></Response>';

describe('describeMismatches', () => {
  it('reports a refused request once, as its status, with where the signature was valid', () => {
    const described = describeMismatches(REFUSED, context({ response: reply(403, 'text/plain; charset=utf-8', 'Twilio Request Validation Failed.') }));
    expect(described).toEqual([{
      code: 'pact_status_mismatch',
      message: 'expected 200 but was 403',
      twilioError: 11200,
      hint: 'Your app refused POST /fax although its X-Twilio-Signature is valid for http://127.0.0.1:3000/fax with the auth token you gave: validate the signature against the URL the request arrived at (with twilio.webhook(), check its url, host and protocol options) and with that same token.',
    }]);
  });

  it('asks for an auth token when an unsigned request is refused', () => {
    const mismatches: PactMismatch[] = [{ type: 'StatusMismatch', expected: 200, actual: 400, mismatch: 'expected 200 but was 400' }];
    const [described] = describeMismatches(mismatches, context({ request: request('/fax', WEBHOOK_BODY), response: reply(400, 'text/plain', 'No signature header error') }));
    expect(described?.hint).toBe('The request carried no X-Twilio-Signature, as no auth token was given, and your app refused it: pass --auth-token (or set TWILIO_AUTH_TOKEN) with the token your app validates with.');
  });

  it('says what a failed fax\'s callback lacks when the app fails on it', () => {
    const failed = request('/fax/received', `${WEBHOOK_BODY}&ErrorCode=15002&ErrorMessage=hung+up&FaxStatus=failed`);
    const [described] = describeMismatches(CALLBACK_FAILED, { stateSetup: 'url', request: failed, response: reply(500, 'text/html', '<pre>TypeError</pre>') });
    expect(described?.hint).toBe("Your app failed with 500 on POST /fax/received; its log says why. A failed fax's callback carries ErrorCode and ErrorMessage, and no NumPages, MediaUrl or RemoteStationId: handle their absence.");
  });

  it('points a 404 on an action callback at --callback-path', () => {
    const received = request('/fax/status', `${WEBHOOK_BODY}&FaxStatus=received&NumPages=2`);
    const mismatches: PactMismatch[] = [{ type: 'StatusMismatch', expected: 200, actual: 404, mismatch: 'Expected status code 404 to be a Successful response (200–299)' }];
    const [described] = describeMismatches(mismatches, { stateSetup: 'url', request: received, response: reply(404, 'text/html', 'Cannot POST') });
    expect(described?.hint).toBe('Your app has no route for POST /fax/status: add it, or generate the contract with the --callback-path (your <Receive action>) your app serves.');
  });

  it('reports a wrong Content-Type once, and says when the body is not TwiML either', () => {
    const described = describeMismatches(WRONG_CONTENT_TYPE, context({ response: reply(200, 'application/json; charset=utf-8', '{"receive":true}') }));
    expect(described.map((d) => [d.code, d.twilioError])).toEqual([['pact_header_mismatch', 12300]]);
    expect(described[0]?.hint).toMatchInlineSnapshot(`"Answer TwiML with Content-Type: text/xml or application/xml; Twilio rejects any other type (error 12300). The body is not TwiML either: reply with TwiML, e.g. <Response><Receive/></Response> (the body is not XML: it starts with "{\\"receive\\":true}")."`);
  });

  it('keeps the hint to the Content-Type when the TwiML itself is right', () => {
    const [described] = describeMismatches(WRONG_CONTENT_TYPE, context({ response: reply(200, 'text/plain', RECEIVE) }));
    expect(described?.hint).toBe('Answer TwiML with Content-Type: text/xml or application/xml; Twilio rejects any other type (error 12300).');
  });

  it('merges missing attributes into one finding, in name order, naming the --receive-attributes the reply fits', () => {
    const described = describeMismatches(MISSING_ATTRIBUTES, context({ response: reply(200, 'text/xml', '<Response><Receive action="/fax/received"/></Response>') }));
    expect(described).toEqual([{
      code: 'pact_body_mismatch',
      message: "Expected attributes 'mediaType'='application/pdf', 'method'='POST', 'pageSize'='letter', 'storeMedia'='true' on <Receive> but they were missing",
      hint: 'Your <Receive> carries action but not mediaType, method, pageSize, storeMedia, which the contract names. Add them (e.g. mediaType="application/pdf" method="POST" pageSize="letter" storeMedia="true"), or generate the contract with --receive-attributes action to name only the ones your app sends.',
    }]);
  });

  it('names the lowercase verb Twilio would skip, with Twilio\'s code', () => {
    const body = RECEIVE.replace('<Receive', '<receive');
    const [described] = describeMismatches(NO_RECEIVE, context({ response: reply(200, 'text/xml', body) }));
    expect(described).toMatchObject({ twilioError: 12200, hint: 'Rename <receive> to <Receive> (<receive> is not a fax verb: verb names are case-sensitive; Twilio skips it, leaving no fax verb).' });
  });

  it('names an attribute value in the wrong case', () => {
    const mismatches: PactMismatch[] = [{ type: 'BodyMismatch', path: "$.Response.Receive['@pageSize']", mismatch: "Expected 'A4' to match '^(letter|legal|a4)$'" }];
    const [described] = describeMismatches(mismatches, context({ response: reply(200, 'text/xml', RECEIVE.replace('letter', 'A4')) }));
    expect(described?.hint).toBe('Use a4 (pageSize="A4" on <Receive> has the wrong case: values are case-sensitive, so Twilio ignores it and uses pageSize="letter").');
  });

  it('asks for --state-url when the app answered <Receive> to a number that rejects faxes and no state URL was given', () => {
    const [described] = describeMismatches(NO_REJECT, context({ stateSetup: 'none', state: 'the fax number rejects faxes', response: reply(200, 'text/xml', RECEIVE) }));
    expect(described?.hint).toBe("The contract expects <Reject/> under provider state 'the fax number rejects faxes', but no --state-url was given, so your app was never told and answered <Receive>: give --state-url, an endpoint of your app that takes Pact's POST { state, params, action } and sets that state up.");
  });

  it('points at the state endpoint when the state URL was given but the app still answered <Receive>', () => {
    const [described] = describeMismatches(NO_REJECT, context({ state: 'the fax number rejects faxes', response: reply(200, 'text/xml', RECEIVE) }));
    expect(described?.hint).toMatch(/^Under provider state 'the fax number rejects faxes' your app answered <Receive>, not <Reject\/>: make its state endpoint set this state up/);
  });
});
