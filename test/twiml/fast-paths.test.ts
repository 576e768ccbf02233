import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { faxTwimlReply, replyMutations } from '../../properties/index.js';
import { indexPositions, type Position } from '../../src/twiml/positions.js';
import { attributeValue, firstIllegalChar, readName } from '../../src/twiml/xml/syntax.js';

// The validator's fast paths (lines found at the first lookup, a column as a subtraction, illegal characters found
// by a plain class and isWellFormed) against the simplest code that says the same: one loop per question.

/** The position of `offset` counted character by character from the start: LF, CRLF, CR; a surrogate pair is one column. */
function referencePosition(text: string, offset: number): Position {
  const target = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let column = 1;
  for (let i = 0; i < target; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      column = 1;
    } else if (c === 0x0d) {
      column++;
    } else if (!(c >= 0xdc00 && c <= 0xdfff && column > 1 && isHigh(text.charCodeAt(i - 1)))) {
      column++;
    }
  }
  return { line, column };
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** XML's illegal characters as the u flag reads them: controls, U+FFFE/U+FFFF, and surrogates that are not paired. */
function referenceIllegalChar(text: string): number {
  return text.search(/[\0-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/u);
}

// XML 1.0's Name production, read by the regex alone.
const NAME_START = ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const REFERENCE_NAME = new RegExp(`[${NAME_START}][${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040]*`, 'uy');

function referenceName(text: string, offset: number): string | undefined {
  REFERENCE_NAME.lastIndex = offset;
  return REFERENCE_NAME.exec(text)?.[0];
}

/** Attribute-value normalisation and references, replaced by two regexes on every value. */
function referenceValue(raw: string): string {
  const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };
  return raw
    .replace(/\r\n|[\t\n\r]/g, ' ')
    .replace(/&(?:#([0-9]+)|#x([0-9a-fA-F]+)|([^;]+));/g, (_whole, decimal?: string, hex?: string, name?: string) =>
      name !== undefined ? (entities[name] ?? '') : String.fromCodePoint(Number.parseInt(decimal ?? hex ?? '0', decimal ? 10 : 16)));
}

// Text with everything that moves a position or is illegal: line breaks of three kinds, pairs, lone halves, controls.
const awkwardText = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\n', '\r', '\r\n', '\t', ' ', '<', 'a', 'é', '—', '📠', '\uD83D', '\uDCE0', '\0', '\x0B', '\uFFFE', '\uFFFF'),
    fc.string({ unit: 'binary', maxLength: 2 }),
  ),
  maxLength: 60,
});

const generatedReplies = fc.oneof(
  faxTwimlReply().map((reply) => reply.xml),
  ...Object.values(replyMutations).map((mutation) => mutation.map((m) => m.xml)),
);

/** The text and offsets into it (some past its end), in any order, as diagnostics look them up. */
function withOffsets(text: fc.Arbitrary<string>): fc.Arbitrary<{ text: string; offsets: number[] }> {
  return text.chain((t) => fc.record({ text: fc.constant(t), offsets: fc.array(fc.integer({ min: -1, max: t.length + 1 }), { maxLength: 20 }) }));
}

describe('fast paths agree with the simple reference', () => {
  test.prop([withOffsets(awkwardText)], { numRuns: 500 })('a position is the one counted from the start, in any lookup order', ({ text, offsets }) => {
    const index = indexPositions(text);
    for (const offset of offsets) expect(index.at(offset), `offset ${offset} of ${JSON.stringify(text)}`).toEqual(referencePosition(text, offset));
  });

  test.prop([withOffsets(generatedReplies)], { numRuns: 300 })('positions in generated replies and their mutations are the counted ones', ({ text, offsets }) => {
    const index = indexPositions(text);
    // Every tag, in document order as the parser asks, then the drawn offsets in any order.
    const tags = [...text.matchAll(/</g)].map((match) => match.index);
    for (const offset of [...tags, ...offsets]) expect(index.at(offset)).toEqual(referencePosition(text, offset));
  });

  test.prop([awkwardText], { numRuns: 500 })('the first illegal character is the one the u-flag class finds', (text) => {
    expect(firstIllegalChar(text)).toBe(referenceIllegalChar(text));
  });

  const nameText = fc.string({
    unit: fc.oneof(fc.constantFrom('a', 'Z', ':', '_', '-', '.', '0', '·', 'é', '×', 'Ω', '\u0300', '📠', '\u{10000}', ' ', '=', '/', '>'), fc.string({ unit: 'grapheme', maxLength: 1 })),
    maxLength: 12,
  });

  test.prop([withOffsets(nameText)], { numRuns: 500 })('a name is the one the Name production reads, at any offset', ({ text, offsets }) => {
    for (const offset of offsets) expect(readName(text, offset), `offset ${offset} of ${JSON.stringify(text)}`).toBe(referenceName(text, offset));
  });

  test.prop([generatedReplies], { numRuns: 200 })('names in generated replies and their mutations are the ones the Name production reads', (text) => {
    // Where the parser asks for a name: after "<", "</", "<?", "&" and whitespace (the first 4 000 characters: a 64 kB
    // mutation would take the reference's regex a quadratic time).
    const starts = [...text.slice(0, 4_000).matchAll(/<[/?]?|&|[ \t\r\n]/g)].map((match) => match.index + match[0].length);
    for (const offset of starts) expect(readName(text, offset)).toBe(referenceName(text, offset));
  });

  const valueText = fc.string({ unit: fc.constantFrom('a', ' ', '\t', '\n', '\r', '\r\n', '&amp;', '&lt;', '&#65;', '&#x1F4E0;', '&quot;', 'é'), maxLength: 12 });

  test.prop([valueText], { numRuns: 500 })('an attribute value is normalised as the two replacements normalise it', (raw) => {
    expect(attributeValue(raw)).toBe(referenceValue(raw));
  });

  test.prop([generatedReplies], { numRuns: 200 })('generated replies and their mutations have the same first illegal character', (text) => {
    expect(firstIllegalChar(text)).toBe(referenceIllegalChar(text));
  });
});
