import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { showControlCharacters } from '../../src/reporters/show-control-characters.js';
import { escapeXmlAttribute, escapeXmlText } from '../../src/reporters/xml-escape.js';
import { hostileString } from './hostile-string.js';
import { parseWellFormedXml } from './xml-parse.js';

describe('XML escaping', () => {
  it('yields well-formed elements and attributes that read back as the printable text', () => {
    fc.assert(
      fc.property(hostileString(), (value) => {
        const doc = parseWellFormedXml(`<a v="${escapeXmlAttribute(value)}"><b>${escapeXmlText(value)}</b></a>`) as { a: { '@v': string; b?: string } };
        const printable = showControlCharacters(value);
        expect(doc.a['@v']).toBe(printable);
        expect(doc.a.b ?? '').toBe(printable);
      }),
    );
  });

  it('turns characters XML 1.0 cannot carry into visible escapes', () => {
    expect(escapeXmlText('a\u0000b\u001bc\uD800d\uFFFEe]]>')).toBe('a\\x00b\\x1bc\uFFFDd\uFFFDe]]&gt;');
  });

  it('keeps tabs and line breaks in attributes as character references', () => {
    expect(escapeXmlAttribute('a\tb\nc"&<')).toBe('a&#9;b&#10;c&quot;&amp;&lt;');
  });
});
