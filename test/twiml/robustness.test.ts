import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { VALIDATOR_CHECKS, validateFaxTwiml } from '../../src/twiml/index.js';
import { findings } from './helpers.js';

const CHECK_IDS = new Set<string>(VALIDATOR_CHECKS.map((c) => c.id));

/** The body's findings other than body-size (these inputs are all far over 64 kB). */
function beyondSize(body: string | Uint8Array): string[] {
  return findings(body).filter((f) => f !== 'body-size/body_too_large');
}

describe('robustness', () => {
  it('never throws on arbitrary bytes, and judges ok by error severity', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const result = validateFaxTwiml(bytes);
        expect(result.ok).toBe(!result.diagnostics.some((d) => d.severity === 'error'));
        for (const d of result.diagnostics) expect(CHECK_IDS.has(d.check)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on strings made of XML punctuation', () => {
    const piece = fc.constantFrom('<', '>', '/', '=', '"', "'", '&', ';', '!', '?', '-', '[', ']', ' ', '\n', 'Response', 'Receive', 'Reject', 'amp', '#x41', 'xml', 'DOCTYPE', 'CDATA', 'a4', '\0', '\ud800');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.option(fc.string(), { nil: undefined }), (pieces, contentType) => {
        const result = validateFaxTwiml(pieces.join(''), { contentType });
        for (const d of result.diagnostics) {
          expect(d.message.length).toBeGreaterThan(0);
          if (d.line !== undefined) expect(d.line).toBeGreaterThanOrEqual(1);
          if (d.column !== undefined) expect(d.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reads an ArrayBuffer, as fetch gives it, like the same bytes', () => {
    const bytes = new TextEncoder().encode('<Response><Receive/></Response>');
    expect(validateFaxTwiml(bytes.buffer)).toMatchObject({ ok: true, verb: 'Receive' });
    const latin1 = Uint8Array.from(Buffer.from('<Response><Receive action="/café"/></Response>', 'latin1'));
    expect(findings(latin1.buffer as ArrayBuffer)).toEqual(['xml-well-formed/invalid_utf8']);
  });

  it.each([
    ['undefined', undefined, 'undefined'],
    ['null', null, 'null'],
    ['a number', 42, 'number'],
    ['a plain object', { body: '' }, 'an object'],
    ['a fetch Response', new Response('<Response/>'), 'a Response'],
  ])('names a body of the wrong type (%s) in a TypeError instead of crashing inside the checks', (_what, body, got) => {
    expect(() => validateFaxTwiml(body as never)).toThrow(new TypeError(`validateFaxTwiml: the body must be a string, a Uint8Array or an ArrayBuffer, not ${got}`));
  });

  it('reports NUL bytes instead of failing on them', () => {
    expect(beyondSize(new Uint8Array(200_000))).toEqual(['xml-well-formed/illegal_character']);
  });

  it('reports invalid UTF-8 in 10 MB of 0xFF bytes', () => {
    expect(beyondSize(new Uint8Array(10_000_000).fill(0xff))).toEqual(['xml-well-formed/invalid_utf8']);
  });

  it('parses 100 000 nested elements without recursion', () => {
    const inner = '<a>'.repeat(100_000) + '</a>'.repeat(100_000);
    expect(beyondSize(`<Response><Receive>${inner}</Receive></Response>`)).toEqual(['fax-action/content_in_verb']);
    expect(beyondSize('<a>'.repeat(100_000))).toEqual(['xml-well-formed/unclosed_tag']);
  });

  it('reads a 10 MB attribute', () => {
    const result = validateFaxTwiml(`<Response><Receive action="/${'x'.repeat(10_000_000)}"/></Response>`);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['body_too_large']);
    expect(result.attributes.action).toHaveLength(10_000_001);
  });

  it('quotes a 10 MB bad value in a message of bounded length', () => {
    const [d] = validateFaxTwiml(`<Response><Receive pageSize="${'A'.repeat(10_000_000)}"/></Response>`).diagnostics.slice(1);
    expect(d?.code).toBe('invalid_value');
    expect(d?.message.length).toBeLessThan(200);
  });

  it('refuses entity declarations without expanding them, however many there are', () => {
    const declarations = Array.from({ length: 50_000 }, (_, i) => `<!ENTITY e${i} "&e${i + 1};&e${i + 1};">`).join('');
    expect(beyondSize(`<!DOCTYPE r [${declarations}]><Response>&e0;</Response>`)).toEqual(['xml-well-formed/doctype_refused']);
  });

  // Time grows with the input, never with its square: each shape below would take minutes on a quadratic path
  // (a search that rescans the rest of the document per element, a column counted from the line start per finding).
  it.each([
    ['one line with 100 000 unknown elements', () => `<Response>${'<Say/>'.repeat(100_000)}</Response>`, 100_002],
    ['100 000 verbs after the first', () => `<Response>${'<Receive/>'.repeat(100_001)}</Response>`, 100_001],
    ['100 000 unknown attributes with references', () => `<Response><Receive ${Array.from({ length: 100_000 }, (_, i) => `a${i}="&amp;"`).join(' ')}/></Response>`, 100_001],
    ['2 000 000 references in text', () => `<Response><Receive/>${'&amp;'.repeat(2_000_000)}</Response>`, 2],
    ['1 000 000 comments', () => `<Response><Receive/>${'<!-- x -->'.repeat(1_000_000)}</Response>`, 1],
    ['10 MB of text on one line', () => `<Response><Receive/>${'y'.repeat(10_000_000)}</Response>`, 2],
  ])('validates %s in one pass', (_what, body, count) => {
    expect(validateFaxTwiml(body()).diagnostics).toHaveLength(count);
  });
});
