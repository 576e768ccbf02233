import { describe, expect, it } from 'vitest';
import { signTwilioRequest, verifyTwilioSignature } from '../../src/signature/index.js';

const authToken = '12345';
const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const params = { CallSid: 'CA1234567890ABCDE', Caller: '+14158675309', Digits: '1234', From: '+14158675309', To: '+18005551212' };

describe('verifyTwilioSignature', () => {
  it('accepts the published signature', () => {
    expect(verifyTwilioSignature({ authToken, url, params, signature: 'RSOYDt4T1cUTdK1PDd93/VVr8B8=' })).toBe(true);
  });

  it('accepts the published signature with the form as URLSearchParams, and refuses a changed form', () => {
    const form = new URLSearchParams(params);
    expect(verifyTwilioSignature({ authToken, url, params: form, signature: 'RSOYDt4T1cUTdK1PDd93/VVr8B8=' })).toBe(true);
    form.set('Digits', '9999');
    expect(verifyTwilioSignature({ authToken, url, params: form, signature: 'RSOYDt4T1cUTdK1PDd93/VVr8B8=' })).toBe(false);
  });

  it('accepts a signature made over the URL with :443 when the URL has no port', () => {
    expect(verifyTwilioSignature({ authToken, url, params, signature: 'kvajT1Ptam85bY51eRf/AJRuM3w=' })).toBe(true);
  });

  it('accepts a signature made without the port when the URL has :443', () => {
    const withPort = 'https://mycompany.com:443/myapp.php?foo=1&bar=2';
    expect(verifyTwilioSignature({ authToken, url: withPort, params, signature: 'RSOYDt4T1cUTdK1PDd93/VVr8B8=' })).toBe(
      true,
    );
  });

  it('refuses a signature made with another auth token', () => {
    const signature = signTwilioRequest({ authToken: 'other', url, params });
    expect(verifyTwilioSignature({ authToken, url, params, signature })).toBe(false);
  });

  it('refuses a signature when a plus sign was decoded as a space', () => {
    const mangled = { ...params, From: ' 14158675309' };
    expect(verifyTwilioSignature({ authToken, url, params: mangled, signature: 'RSOYDt4T1cUTdK1PDd93/VVr8B8=' })).toBe(
      false,
    );
  });

  it('refuses a signature checked against a URL rebuilt with the wrong scheme', () => {
    const rebuilt = url.replace('https:', 'http:');
    expect(verifyTwilioSignature({ authToken, url: rebuilt, params, signature: 'RSOYDt4T1cUTdK1PDd93/VVr8B8=' })).toBe(
      false,
    );
  });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['empty', ''],
    ['not base64', '!!not-base64!!'],
    ['unpadded', 'RSOYDt4T1cUTdK1PDd93/VVr8B8'],
    ['longer than a SHA-1', 'RSOYDt4T1cUTdK1PDd93/VVr8B8=AAAA'],
  ])('answers false, without throwing, for a %s signature', (_, signature) => {
    expect(verifyTwilioSignature({ authToken, url, params, signature })).toBe(false);
  });

  it('answers false, without throwing, for a URL that does not parse', () => {
    expect(verifyTwilioSignature({ authToken, url: 'not a url', params, signature: 'RSOYDt4T1cUTdK1PDd93/VVr8B8=' })).toBe(
      false,
    );
  });
});
