import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor, FRAGMENT_LENGTH, redactSecrets } from '../../src/secrets/redact.js';
import { secretsOf } from '../../src/secrets/secrets-of.js';

const TOKEN = 'f3a9c1e07b5d28460b9e3d7c15a8f264';

/** Every run of FRAGMENT_LENGTH characters of `secret` that `text` contains. */
function fragmentsIn(text: string, secret: string): string[] {
  const found: string[] = [];
  for (let at = 0; at + FRAGMENT_LENGTH <= secret.length; at += 1) {
    const fragment = secret.slice(at, at + FRAGMENT_LENGTH);
    if (text.includes(fragment)) found.push(fragment);
  }
  return found;
}

const hexToken = fc.stringMatching(/^[0-9a-f]{32}$/);
const filler = fc.string({ maxLength: 40 }).map((s) => s.replace(/[0-9a-fA-F]/g, 'x'));

describe('redactSecrets', () => {
  it('removes a real auth token wherever a server echoed it, deeply', () => {
    const token = '0123456789abcdef0123456789abcdef';
    const report = { findings: [{ message: `echo ${token}`, response: { bodyStart: `<x>${token}</x>` } }] };
    expect(redactSecrets(report, [token])).toEqual({ findings: [{ message: 'echo <redacted>', response: { bodyStart: '<x><redacted></x>' } }] });
  });

  it('removes the token from the names of headers a server echoed it in, not only from their values', () => {
    const headers = { [`x-echo-${TOKEN}`]: 'yes', 'content-type': 'text/xml' };
    expect(redactSecrets({ response: { headers } }, [TOKEN])).toEqual({ response: { headers: { 'x-echo-<redacted>': 'yes', 'content-type': 'text/xml' } } });
  });

  it("keeps the report's own field names whatever the token contains", () => {
    const token = 'reproduce-token-5f1c0ffee';
    expect(redactSecrets({ reproduce: 'curl', count: 1 }, [token])).toEqual({ reproduce: 'curl', count: 1 });
  });

  it('leaves the report readable when the token is a short test value such as T', () => {
    const report = { message: 'HTTP 403 from Twilio-like sender' };
    expect(redactSecrets(report, ['T'])).toEqual(report);
  });
});

describe('createRedactor', () => {
  const redactor = createRedactor([TOKEN]);

  test.prop([hexToken, filler, filler, fc.nat(31), fc.integer({ min: FRAGMENT_LENGTH, max: 32 })])(
    'leaves no run of 12 characters of the token, whatever piece of it the text holds',
    (token, before, after, start, length) => {
      const piece = token.slice(start, start + length);
      const text = createRedactor([token]).redactServerText(`${before}${piece}${after}`);
      expect(fragmentsIn(text, token)).toEqual([]);
    },
  );

  it('redacts the token whole, cut, base64-encoded at any offset, URL-encoded, upper-cased and JSON-escaped', () => {
    const texts = [
      `token=${TOKEN}`,
      `first half ${TOKEN.slice(0, 31)}`,
      `last half ${TOKEN.slice(1)}`,
      Buffer.from(`secret:${TOKEN}`).toString('base64'),
      Buffer.from(`ab${TOKEN}cd`).toString('base64'),
      Buffer.from(`a${TOKEN}`).toString('base64url'),
      encodeURIComponent(Buffer.from(`x${TOKEN}`).toString('base64')),
      TOKEN.toUpperCase(),
      Buffer.from(TOKEN).toString('hex'),
    ];
    for (const text of texts) {
      const redacted = redactor.redactServerText(text);
      expect(redacted, text).toContain('<redacted>');
      expect(redacted.length, text).toBeLessThan(text.length);
    }
    // What the base64 forms decode to never shows the token either.
    expect(Buffer.from(redactor.redactServerText(Buffer.from(`secret:${TOKEN}`).toString('base64')), 'base64').toString('latin1')).not.toContain(TOKEN.slice(0, 12));
  });

  it('redacts the piece of the token that a cut leaves at the end of a quote', () => {
    // A message quotes 40 characters of a value and ends the quote with '…': 8 characters of the token remain.
    const quoted = JSON.stringify(`${'p'.repeat(32)}${TOKEN}`.slice(0, 40) + '…');
    expect(redactor.redactServerText(`pageSize ${quoted} is not a page size`)).toBe(`pageSize "${'p'.repeat(32)}<redacted>…" is not a page size`);
    // The tail of a log, cut at its start.
    expect(redactor.redactServerText(`…${TOKEN.slice(25)} | listening`)).toBe('…<redacted> | listening');
  });

  it('keeps the text around the token unchanged', () => {
    expect(redactor.redactServerText(`a ${TOKEN} b ${TOKEN.slice(3, 20)} c`)).toBe('a <redacted> b <redacted> c');
  });

  it('redacts a short secret only where it stands alone in what the server sent', () => {
    const short = createRedactor(['T']);
    expect(short.redactServerText('HTTP 403: token T refused (T)')).toBe('HTTP 403: token <redacted> refused (<redacted>)');
    // The kit's own text (a curl line with a base64 signature) is never shredded by a one-letter token.
    expect(short.redact("-H 'X-Twilio-Signature: abc/T+de='")).toBe("-H 'X-Twilio-Signature: abc/T+de='");
  });

  it('changes nothing without secrets', () => {
    expect(createRedactor([]).redactServerText('anything')).toBe('anything');
  });
});

describe('secretsOf', () => {
  it('takes the token and the password of every URL with credentials, as decoded, as written and as Basic encodes it', () => {
    expect(secretsOf({ authToken: TOKEN, urls: ['https://fax:p%40ss-w0rd@example.com/fax', 'http://127.0.0.1/', undefined] })).toEqual([
      TOKEN,
      'p@ss-w0rd',
      'fax:p@ss-w0rd',
      'fax:p%40ss-w0rd',
      'p%40ss-w0rd',
    ]);
  });

  it('takes a user name alone as a secret (an API key in the user-info)', () => {
    expect(secretsOf({ urls: ['https://key_0123456789@example.com/'] })).toEqual(['key_0123456789']);
  });
});
