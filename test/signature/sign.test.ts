import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TWILIO_SIGNATURE } from '../../src/protocol/index.js';
import { signRequest, signTwilioRequest, twilioSignaturePayload, verifyRequest } from '../../src/signature/index.js';

// twilio-node's published test vectors (protocol.md §4).
const TOKEN = '12345';
const URL = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const PARAMS = [
  ['CallSid', 'CA1234567890ABCDE'],
  ['Caller', '+14158675309'],
  ['Digits', '1234'],
  ['From', '+14158675309'],
  ['To', '+18005551212'],
] as const;

describe('signTwilioRequest', () => {
  it('produces the published signature for the published request', () => {
    expect(signTwilioRequest({ authToken: TOKEN, url: URL, params: PARAMS })).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
  });

  it('produces the published signature when the URL carries :443', () => {
    const url = 'https://mycompany.com:443/myapp.php?foo=1&bar=2';
    expect(signTwilioRequest({ authToken: TOKEN, url, params: PARAMS })).toBe('kvajT1Ptam85bY51eRf/AJRuM3w=');
  });

  it('signs the same whatever order the parameters were sent in', () => {
    const reversed = [...PARAMS].reverse();
    expect(signTwilioRequest({ authToken: TOKEN, url: URL, params: reversed })).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
  });

  it('accepts the parameters as an object', () => {
    const params = Object.fromEntries(PARAMS);
    expect(signTwilioRequest({ authToken: TOKEN, url: URL, params })).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
  });

  it('accepts the parameters as URLSearchParams, as a fetch handler reads a form', () => {
    const params = new URLSearchParams(PARAMS.map(([name, value]) => [name, value]));
    expect(signTwilioRequest({ authToken: TOKEN, url: URL, params })).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
  });

  it('signs a GET by its URL alone, as twilio-node does', () => {
    const url = `${URL}&FaxSid=FX123`;
    // twilio.getExpectedTwilioSignature('12345', url, {}) from twilio-node 6.
    expect(signTwilioRequest({ authToken: TOKEN, url })).toBe('kASm4oA4Y1jPxvuZdWX0WpWUxUU=');
    expect(signTwilioRequest({ authToken: TOKEN, url, params: [] })).toBe('kASm4oA4Y1jPxvuZdWX0WpWUxUU=');
  });
});

describe('twilioSignaturePayload', () => {
  it('appends names in code-unit order, uppercase before lowercase', () => {
    expect(twilioSignaturePayload('https://x.example/', [['b', '1'], ['B', '2'], ['a', '3']])).toBe(
      'https://x.example/B2a3b1',
    );
  });

  it('appends the distinct values of a repeated name in code-unit order', () => {
    const params = [['Tag', 'z'], ['Tag', 'a'], ['Tag', 'z'], ['Other', '+1 2']] as const;
    expect(twilioSignaturePayload('https://x.example/', params)).toBe('https://x.example/Other+1 2TagaTagz');
  });
});

describe('signRequest', () => {
  const SHA256 = { header: 'X-Other-Signature', aliases: [], hmac: 'sha256', validators: 'its validator', keyName: 'key', keyVariables: [] } as const;

  it("signs as twilio-node does with Twilio's scheme", () => {
    expect(signRequest(TWILIO_SIGNATURE, { authToken: TOKEN, url: URL, params: PARAMS })).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
  });

  it("makes the same payload with the scheme's hash: HMAC-SHA256 over the URL and the sorted parameters", () => {
    const payload = 'https://mycompany.com/myapp.php?foo=1&bar=2CallSidCA1234567890ABCDECaller+14158675309Digits1234From+14158675309To+18005551212';
    expect(twilioSignaturePayload(URL, PARAMS)).toBe(payload);
    const expected = createHmac('sha256', TOKEN).update(payload, 'utf8').digest('base64');
    expect(signRequest(SHA256, { authToken: TOKEN, url: URL, params: PARAMS })).toBe(expected);
  });

  it('is verified by its own scheme only, with the same URL variants as Twilio\'s', () => {
    const signature = signRequest(SHA256, { authToken: TOKEN, url: URL, params: PARAMS });
    expect(verifyRequest(SHA256, { authToken: TOKEN, url: 'https://mycompany.com:443/myapp.php?foo=1&bar=2', params: PARAMS, signature })).toBe(true);
    expect(verifyRequest(TWILIO_SIGNATURE, { authToken: TOKEN, url: URL, params: PARAMS, signature })).toBe(false);
    expect(verifyRequest(SHA256, { authToken: TOKEN, url: URL, params: PARAMS, signature: 'RSOYDt4T1cUTdK1PDd93/VVr8B8=' })).toBe(false);
  });
});
