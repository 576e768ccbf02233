import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { faxTwimlReply, replyMutations } from '../../properties/index.js';
import { indexPositions, type Position } from '../../src/twiml/positions.js';
import { firstIllegalChar } from '../../src/twiml/xml/syntax.js';

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

  test.prop([generatedReplies], { numRuns: 200 })('generated replies and their mutations have the same first illegal character', (text) => {
    expect(firstIllegalChar(text)).toBe(referenceIllegalChar(text));
  });
});
