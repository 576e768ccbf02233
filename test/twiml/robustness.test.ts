import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TWILIO_FAX_TWIML } from '../../src/protocol/twiml-schema.js';
import { VALIDATOR_CHECKS } from '../../src/model/validator-checks.js';
import { validateFaxTwiml } from '../../src/twiml/index.js';
import { judgeDocument } from '../../src/twiml/judge-document.js';
import { findings } from './helpers.js';
import { growthOnDoubling } from '../support/count-work.js';

const CHECK_IDS = new Set<string>(VALIDATOR_CHECKS.map((c) => c.id));

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

  it('judges a string of the greatest length V8 allows by its size alone, without reading it', () => {
    const result = validateFaxTwiml('x'.repeat(2 ** 29 - 24));
    expect(result.diagnostics.map((d) => d.code)).toEqual(['body_too_large']);
  });

  it('judges 600 MB of bytes by their size alone, without decoding them', () => {
    expect(validateFaxTwiml(new Uint8Array(600_000_000), { contentType: 'text/xml' }).diagnostics.map((d) => d.code)).toEqual(['body_too_large']);
  });

  it('collapses 15 000 identical findings of a 60 kB reply into one, with the count', () => {
    const body = `<Response><Receive/>${'<X/>'.repeat(15_000)}</Response>`;
    expect(Buffer.byteLength(body)).toBeLessThan(65_536);
    const { diagnostics } = validateFaxTwiml(body);
    expect(diagnostics).toMatchObject([{ check: 'known-verbs', code: 'unknown_verb', severity: 'warning', count: 15_000, line: 1, column: 21 }]);
    expect(diagnostics[0]?.message).toContain('15,000 times in the reply');
  });

  it('keeps findings that differ apart, each with its own count', () => {
    const { diagnostics } = validateFaxTwiml('<Response><Receive/><X/><Y/><X/><Reject/><Reject/></Response>');
    expect(diagnostics.map((d) => [d.code, d.path, d.count])).toEqual([
      ['unknown_verb', 'Response/X', 2],
      ['unknown_verb', 'Response/Y', undefined],
      ['extra_verb', 'Response/Reject', 2],
    ]);
  });
});

// The validator reads at most 64 kB, but its parser and checks must stay linear on any text: judgeDocument is what
// validateFaxTwiml runs on a body Twilio would read, without the size gate in front of it.
describe('robustness of the document checks, far past 64 kB', () => {
  const codes = (body: string | Uint8Array): string[] => judgeDocument(body, TWILIO_FAX_TWIML).diagnostics.map((d) => `${d.check}/${d.code}`);

  it('reports NUL bytes instead of failing on them', () => {
    expect(codes(new Uint8Array(200_000))).toEqual(['xml-well-formed/illegal_character']);
  });

  it('reports invalid UTF-8 in 10 MB of 0xFF bytes', () => {
    expect(codes(new Uint8Array(10_000_000).fill(0xff))).toEqual(['xml-well-formed/invalid_utf8']);
  });

  it('parses 100 000 nested elements without recursion', () => {
    const inner = '<a>'.repeat(100_000) + '</a>'.repeat(100_000);
    expect(codes(`<Response><Receive>${inner}</Receive></Response>`)).toEqual(['fax-action/content_in_verb']);
    expect(codes('<a>'.repeat(100_000))).toEqual(['xml-well-formed/unclosed_tag']);
  });

  it('reads a 10 MB attribute', () => {
    const judged = judgeDocument(`<Response><Receive action="/${'x'.repeat(10_000_000)}"/></Response>`, TWILIO_FAX_TWIML);
    expect(judged.diagnostics).toEqual([]);
    expect(judged.attributes.action).toHaveLength(10_000_001);
  });

  it('quotes a 10 MB bad value in a message and an effect of bounded length', () => {
    const judged = judgeDocument(`<Response><Receive pageSize="${'A'.repeat(10_000_000)}"/></Response>`, TWILIO_FAX_TWIML);
    expect(judged.diagnostics[0]?.code).toBe('invalid_value');
    expect(judged.diagnostics[0]?.message.length).toBeLessThan(200);
    expect(JSON.stringify(judged.effects[0]).length).toBeLessThan(2_000);
  });

  it('refuses entity declarations without expanding them, however many there are', () => {
    const declarations = Array.from({ length: 50_000 }, (_, i) => `<!ENTITY e${i} "&e${i + 1};&e${i + 1};">`).join('');
    expect(codes(`<!DOCTYPE r [${declarations}]><Response>&e0;</Response>`)).toEqual(['xml-well-formed/doctype_refused']);
  });

  // Work grows with the input, never with its square: each shape below would be quadratic on a path that rescans
  // the rest of the document per element, counts a column from the line start per finding, or compares every
  // finding with every other. The work is counted (characters and elements the built-ins examine, see
  // test/support/count-work.ts), not timed: doubling the input doubles it on a linear path (a little more for the
  // sort of the findings) and quadruples it on a quadratic one, whatever else runs on the machine.
  const N = 1_000;
  it.each([
    ['one line of unknown elements', (n: number) => `<Response>${'<Say/>'.repeat(n)}</Response>`, () => 2],
    ['one unknown element per line', (n: number) => `<Response>\n${'<Say/>\n'.repeat(n)}</Response>`, () => 2],
    ['verbs after the first', (n: number) => `<Response>${'<Receive/>'.repeat(n + 1)}</Response>`, () => 1],
    ['unknown attributes with references', (n: number) => `<Response><Receive ${Array.from({ length: n }, (_, i) => `a${i}="&amp;"`).join(' ')}/></Response>`, (n: number) => n],
    ['distinct unknown elements', (n: number) => `<Response><Receive/>${Array.from({ length: n }, (_, i) => `<E${i}/>`).join('')}</Response>`, (n: number) => n],
    ['references in text', (n: number) => `<Response><Receive/>${'&amp;'.repeat(20 * n)}</Response>`, () => 1],
    ['comments', (n: number) => `<Response><Receive/>${'<!-- x -->'.repeat(10 * n)}</Response>`, () => 0],
    ['text on one line', (n: number) => `<Response><Receive/>${'y'.repeat(100 * n)}</Response>`, () => 1],
  ])('judges %s with work linear in their number', (_what, body, expected) => {
    expect(judgeDocument(body(2 * N), TWILIO_FAX_TWIML).diagnostics).toHaveLength(expected(2 * N));
    expect(growthOnDoubling(body, N, (text) => judgeDocument(text, TWILIO_FAX_TWIML))).toBeLessThan(2.5);
  });
});
