import { describe, expect, it } from 'vitest';
import { validateFaxTwiml } from '../../src/twiml/index.js';
import { TWILIO_PROFILE } from '../../src/protocol/index.js';
import { findings, reply } from './helpers.js';

const good = reply('<Receive/>');

describe('content-type', () => {
  it('does not judge the Content-Type when it is not known', () => {
    expect(findings(good)).toEqual([]);
  });

  it.each(['text/xml', 'application/xml', 'text/xml; charset=utf-8', 'TEXT/XML', 'Application/XML;charset=ISO-8859-1', ' text/xml ; charset="utf-8"'])(
    'accepts %j',
    (contentType) => {
      expect(findings(good, { contentType })).toEqual([]);
    },
  );

  it('reports 12300 when the reply has no Content-Type', () => {
    const [d] = validateFaxTwiml(good, { contentType: null }).diagnostics;
    expect(d).toMatchObject({ check: 'content-type', code: 'missing_content_type', severity: 'error', twilioError: 12300 });
    expect(d?.hint).toContain('Content-Type: text/xml');
  });

  it.each(['application/json', 'text/plain; charset=utf-8', 'application/xhtml+xml', ''])('reports 12300 for %j', (contentType) => {
    const result = validateFaxTwiml(good, { contentType });
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toMatchObject([{ check: 'content-type', code: 'invalid_content_type', twilioError: 12300 }]);
  });

  it('warns about text/html, which Twilio documents for messaging but not for fax', () => {
    const result = validateFaxTwiml(good, { contentType: 'text/html; charset=utf-8' });
    expect(result.ok).toBe(true);
    expect(result.diagnostics).toMatchObject([{ check: 'content-type', code: 'undocumented_content_type', severity: 'warning' }]);
  });

  it('reports only the Content-Type when the body is fine', () => {
    expect(findings(good, { contentType: 'application/json' })).toEqual(['content-type/invalid_content_type']);
  });
});

describe('body-size', () => {
  const limit = TWILIO_PROFILE.twiml.maxBodyBytes;
  const padded = (bytes: number) => {
    const base = '<Response><Receive/><!--';
    const end = '--></Response>';
    return base + 'x'.repeat(bytes - base.length - end.length) + end;
  };

  it('accepts a body of exactly 64 kB', () => {
    expect(findings(padded(limit))).toEqual([]);
  });

  it('reports 11750 for a body one byte over 64 kB, and nothing else', () => {
    const result = validateFaxTwiml(padded(limit + 1));
    expect(result.diagnostics).toMatchObject([{ check: 'body-size', code: 'body_too_large', twilioError: 11750, severity: 'error' }]);
    expect(result.diagnostics[0]?.message).toBe('the body is 65,537 bytes; Twilio reads at most 65,536');
  });

  it('counts bytes, not characters', () => {
    const text = '<Response><Receive/><!--' + 'é'.repeat(40_000) + '--></Response>';
    expect(findings(text)).toEqual(['body-size/body_too_large']);
    expect(findings(new TextEncoder().encode(text))).toEqual(['body-size/body_too_large']);
  });
});

describe('diagnostics as JSON', () => {
  it('serialise with one key order whichever check wrote them', () => {
    const order = ['check', 'code', 'severity', 'twilioError', 'message', 'hint', 'line', 'column', 'path'];
    const bodies: [string | Uint8Array, string | null][] = [
      ['<Response><receive/></Response>', 'text/plain'],
      ['<Response><Receive/></Response>', 'text/html'],
      ['<Response><Receive/></Response>', null],
      [new Uint8Array([0x3c, 0xff]), 'text/xml'],
      [`<Response><Receive/><!--${'x'.repeat(70_000)}--></Response>`, 'text/xml'],
    ];
    for (const [body, contentType] of bodies) {
      for (const diagnostic of validateFaxTwiml(body, { contentType }).diagnostics) {
        const keys = Object.keys(diagnostic);
        expect(keys, diagnostic.code).toEqual(order.filter((key) => keys.includes(key)));
      }
    }
  });
});
