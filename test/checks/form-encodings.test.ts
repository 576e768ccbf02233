import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORM_ENCODINGS } from '../../src/checks/variants/form-encodings.js';
import { encodeParams } from '../../src/sender/encode-params.js';

const params = fc.array(fc.tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 20 })), { maxLength: 6 });
const sorted = (pairs: readonly (readonly [string, string])[]) => [...pairs].map(([n, v]) => `${n}\u0000${v}`).sort();

describe('form encodings', () => {
  test.prop([params])('every encoding decodes to the same parameters, in any order', (pairs) => {
    for (const encoding of FORM_ENCODINGS) {
      expect(sorted([...new URLSearchParams(encoding.encode(pairs))])).toEqual(sorted(pairs));
    }
  });

  test.prop([params])('the canonical encoding keeps the order', (pairs) => {
    expect([...new URLSearchParams(encodeParams(pairs))]).toEqual(pairs.map(([n, v]) => [n, v]));
  });

  it('spells one request in the ways that trip hand-written decoders', () => {
    const pairs = [['From', `"Zoë O'Neil" <sip:+1@x>`], ['To', '+15005550006']] as const;
    expect(Object.fromEntries(FORM_ENCODINGS.map((e) => [e.id, e.encode(pairs)]))).toMatchInlineSnapshot(`
      {
        "all-percent-encoded": "From=%22%5A%6F%C3%AB+%4F%27%4E%65%69%6C%22+%3C%73%69%70%3A%2B%31%40%78%3E&To=%2B%31%35%30%30%35%35%35%30%30%30%36",
        "reordered-pct20-lowerhex": "To=%2b15005550006&From=%22Zo%c3%ab%20O'Neil%22%20%3csip%3a%2b1%40x%3e",
      }
    `);
    expect(encodeParams(pairs)).toMatchInlineSnapshot(`"From=%22Zo%C3%AB+O%27Neil%22+%3Csip%3A%2B1%40x%3E&To=%2B15005550006"`);
  });
});
