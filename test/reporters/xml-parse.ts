import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';

// XML 1.0 `Char`: anything outside it makes a document ill-formed, even as a character reference.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Asserts that `xml` is well-formed XML 1.0 (fast-xml-parser's validator plus the `Char` production) and parses it. */
export function parseWellFormedXml(xml: string): Record<string, unknown> {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xml).not.toMatch(NOT_XML_CHAR);
  expect(xml).not.toMatch(/&#(x0*[0-8bcef]|x0*1[0-9a-f]|0*[0-8]|0*1[124-9]|0*2[0-9]|0*3[01]);/i);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    trimValues: false,
    htmlEntities: true,
    parseAttributeValue: false,
    parseTagValue: false,
    isArray: (name) => name === 'testcase' || name === 'property',
  });
  return parser.parse(xml) as Record<string, unknown>;
}
