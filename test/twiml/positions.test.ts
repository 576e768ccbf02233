import { describe, expect, it } from 'vitest';
import { indexPositions } from '../../src/twiml/positions.js';
import { validateFaxTwiml } from '../../src/twiml/index.js';

describe('positions', () => {
  it('counts lines across LF, CRLF and CR', () => {
    const text = 'a\nb\r\nc\rd';
    const index = indexPositions(text);
    expect(['a', 'b', 'c', 'd'].map((c) => index.at(text.indexOf(c)))).toEqual([
      { line: 1, column: 1 }, { line: 2, column: 1 }, { line: 3, column: 1 }, { line: 4, column: 1 },
    ]);
  });

  it('counts a character outside the BMP as one column', () => {
    const text = '📠📠x';
    expect(indexPositions(text).at(text.indexOf('x'))).toEqual({ line: 1, column: 3 });
  });

  it('answers lookups in any order', () => {
    const text = 'abc\ndefgh';
    const index = indexPositions(text);
    expect(index.at(8)).toEqual({ line: 2, column: 5 });
    expect(index.at(5)).toEqual({ line: 2, column: 2 });
    expect(index.at(1)).toEqual({ line: 1, column: 2 });
  });

  it('points at the attribute of a finding in a multi-line tag after wide characters', () => {
    const body = '<Response>\n  <!-- 📠 --><Receive\n\tpageSize="A4"/>\n</Response>';
    expect(validateFaxTwiml(body).diagnostics[0]).toMatchObject({ line: 3, column: 12, path: 'Response/Receive/@pageSize' });
  });
});
