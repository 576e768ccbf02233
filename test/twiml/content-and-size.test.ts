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

  it('notes text/html, which Twilio reads as TwiML for voice and messaging, with no Twilio error', () => {
    const result = validateFaxTwiml(good, { contentType: 'text/html; charset=utf-8' });
    expect(result.ok).toBe(true);
    expect(result.diagnostics).toEqual([{
      check: 'content-type', code: 'undocumented_content_type', severity: 'notice',
      message: 'Content-Type "text/html; charset=utf-8" is read as TwiML by Twilio\'s voice and messaging, but the fax docs never name it',
      hint: 'reply with Content-Type: text/xml, the type every Twilio product documents',
    }]);
    expect(result.effects).toEqual([]);
  });

  it('reports only the Content-Type when the body is fine', () => {
    expect(findings(good, { contentType: 'application/json' })).toEqual(['content-type/invalid_content_type']);
  });
});

describe('body-size, and an empty body', () => {
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
    expect(result.diagnostics[0]?.message).toBe('the body is larger than 65,536 bytes, the most Twilio reads; Twilio fails the fax without reading its TwiML');
  });

  it('judges nothing inside a body Twilio does not read, but still the Content-Type', () => {
    const body = `<Response><receive/>&<Say/></Response><!--${'x'.repeat(70_000)}-->`;
    expect(findings(body, { contentType: 'text/plain' })).toEqual(['content-type/invalid_content_type', 'body-size/body_too_large']);
    expect(validateFaxTwiml(body).verb).toBeNull();
  });

  it('counts bytes, not characters', () => {
    const text = '<Response><Receive/><!--' + 'é'.repeat(40_000) + '--></Response>';
    expect(findings(text)).toEqual(['body-size/body_too_large']);
    expect(findings(new TextEncoder().encode(text))).toEqual(['body-size/body_too_large']);
  });

  it('judges a body cut at the limit by a reader that stopped there as too large, as the whole body', () => {
    const whole = validateFaxTwiml(padded(limit + 500));
    const cut = validateFaxTwiml(Buffer.from(padded(limit + 500)).subarray(0, limit), { truncated: true });
    expect(cut).toEqual(whole);
  });

  it('reports an empty body as 11200, and nothing else', () => {
    const result = validateFaxTwiml('', { contentType: 'text/xml' });
    expect(result).toMatchObject({ ok: false, verb: null });
    expect(result.diagnostics).toMatchObject([{ check: 'xml-well-formed', code: 'empty_body', severity: 'error', twilioError: 11200 }]);
    expect(validateFaxTwiml(new Uint8Array(0), { transferEncoding: 'gzip' }).diagnostics).toMatchObject([{ code: 'empty_body', twilioError: 11200 }]);
  });

  it.each(['chunked', 'Chunked', 'gzip, chunked'])('reports an empty body sent with Transfer-Encoding %j as 11770', (transferEncoding) => {
    expect(validateFaxTwiml(new Uint8Array(0), { transferEncoding }).diagnostics).toMatchObject([{ code: 'empty_body', twilioError: 11770 }]);
  });

  it('reports a body of whitespace as 12100: Twilio gets bytes, but no XML', () => {
    expect(validateFaxTwiml('\n', { transferEncoding: 'chunked' }).diagnostics).toMatchObject([{ code: 'empty_body', twilioError: 12100, message: 'the body holds only whitespace' }]);
  });
});

describe('diagnostics as JSON', () => {
  it('serialise with one key order whichever check wrote them', () => {
    const order = ['check', 'code', 'severity', 'twilioError', 'message', 'hint', 'line', 'column', 'path', 'count'];
    const bodies: [string | Uint8Array, string | null][] = [
      ['<Response><receive/></Response>', 'text/plain'],
      ['<Response><Receive/></Response>', 'text/html'],
      ['<Response><Receive/></Response>', null],
      [new Uint8Array([0x3c, 0xff]), 'text/xml'],
      [`<Response><Receive/><!--${'x'.repeat(70_000)}--></Response>`, 'text/xml'],
      ['', 'text/xml'],
      [`<Response><Receive/>${'<Say/>'.repeat(3)}</Response>`, 'text/xml'],
      ['<Response><Receive action="ftp://x"/><Reject><Say/></Reject></Response>', 'text/xml'],
    ];
    for (const [body, contentType] of bodies) {
      for (const diagnostic of validateFaxTwiml(body, { contentType }).diagnostics) {
        const keys = Object.keys(diagnostic);
        expect(keys, diagnostic.code).toEqual(order.filter((key) => keys.includes(key)));
      }
    }
  });
});
