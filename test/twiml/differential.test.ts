import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { validateFaxTwiml } from '../../src/twiml/index.js';

// fast-xml-parser is the oracle for well-formedness: whatever it refuses, the kit must refuse too. The kit is
// stricter than fast-xml-parser where XML is (two roots, DOCTYPEs, `--` in comments, undefined entities, text after
// the root, `<` in attribute values), so the law holds in one direction only.
const name = fc.constantFrom('Response', 'Receive', 'Reject', 'a', 'b-c', 'x_1');
const attrValue = fc.stringMatching(/^[a-zA-Z0-9 /:.=?-]{0,12}$/).chain((v) => fc.constantFrom(v, `${v}&amp;`, `&lt;${v}`));
const attribute = fc.tuple(fc.constantFrom('action', 'method', 'pageSize', 'x'), attrValue, fc.constantFrom('"', "'"));
const text = fc.stringMatching(/^[a-zA-Z0-9 \n]{0,8}$/);

const element: fc.Memo<string> = fc.memo((depth) =>
  fc
    .tuple(name, fc.uniqueArray(attribute, { selector: ([n]) => n, maxLength: 3 }), depth > 1 ? fc.array(fc.oneof(element(depth - 1), text), { maxLength: 3 }) : fc.constant([]), fc.boolean())
    .map(([tag, attributes, children, selfClosing]) => {
      const attrs = attributes.map(([n, v, q]) => ` ${n}=${q}${v.replaceAll(q, '')}${q}`).join('');
      return selfClosing && children.length === 0 ? `<${tag}${attrs}/>` : `<${tag}${attrs}>${children.join('')}</${tag}>`;
    }),
);

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const body = fc.tuple(element(3), fc.constantFrom('', '<!-- note -->', '\n')).map(([root, tail]) => `${root}${tail}`);
const document = fc.tuple(fc.boolean(), body).map(([declaration, rest]) => `${declaration ? DECLARATION : ''}${rest}`);

/**
 * One character removed or one XML metacharacter inserted somewhere after the declaration (fast-xml-parser lets
 * malformed processing instructions through; the kit does not, as the XML spec says).
 */
const damaged = fc.tuple(fc.boolean(), body, fc.nat(), fc.constantFrom('<', '>', '/', '"', '&', '=', '', '</a>')).map(([declaration, doc, at, insert]) => {
  const position = at % (doc.length + 1);
  const broken = insert === '' ? doc.slice(0, position) + doc.slice(position + 1) : doc.slice(0, position) + insert + doc.slice(position);
  return `${declaration ? DECLARATION : ''}${broken}`;
});

function kitSaysWellFormed(xml: string): boolean {
  return !validateFaxTwiml(xml).diagnostics.some((d) => d.check === 'xml-well-formed');
}

describe('well-formedness against fast-xml-parser', () => {
  it('accepts every generated well-formed document, as fast-xml-parser does', () => {
    fc.assert(
      fc.property(document, (xml) => {
        expect(XMLValidator.validate(xml)).toBe(true);
        expect(kitSaysWellFormed(xml)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses every damaged document that fast-xml-parser refuses', () => {
    // One direction only: fast-xml-parser lets through text after the root, `<` in attribute values and malformed
    // processing instructions, all of which XML forbids and the kit refuses.
    fc.assert(
      fc.property(damaged, (xml) => {
        const oracleRefuses = XMLValidator.validate(xml) !== true;
        if (oracleRefuses) expect(kitSaysWellFormed(xml), xml).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('still catches the damage fast-xml-parser lets through', () => {
    for (const xml of ['<Response/>/', '<Response action="<"/>', '<?<xml version="1.0"?><Response/>']) {
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(kitSaysWellFormed(xml), xml).toBe(false);
    }
  });
});
