/** Lexical rules of XML 1.0 (fifth edition) that the reply parser needs: whitespace, names, characters, references. */
import { excerpt } from '../quote.js';

/** XML's S production: space, tab, CR, LF; a no-break space is not whitespace. */
export function isXmlWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** True when `text` holds nothing but XML whitespace. */
export function isBlank(text: string): boolean {
  return /^[ \t\r\n]*$/.test(text);
}

/** The offset of the first non-whitespace character of `text` at or after `from`, or -1. */
export function firstNonBlank(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (!isXmlWhitespace(text.charCodeAt(i))) return i;
  return -1;
}

const NAME_START = ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME_REST = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
const NAME_SOURCE = `[${NAME_START}][${NAME_REST}]*`;
const NAME = new RegExp(NAME_SOURCE, 'uy');
const REFERENCE = new RegExp(`&(?:#([0-9]{1,8})|#x([0-9a-fA-F]{1,8})|(${NAME_SOURCE}));`, 'uy');
// Without the u flag: V8 scans a plain class at native speed, where the u flag reads code point by code point
// (4x slower on a reply with a single non-Latin-1 character). Lone surrogates are found apart, and rarely.
const ILLEGAL_BMP_CHAR = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;

// ASCII name characters, 1 where a name may start and 2 where it may only go on: almost every name in a reply is
// ASCII, and a loop over this table reads it without the regex's match array.
const ASCII_NAME = new Uint8Array(128);
for (const c of ':ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz') ASCII_NAME[c.charCodeAt(0)] = 1;
for (const c of '-.0123456789') ASCII_NAME[c.charCodeAt(0)] = 2;

/** The XML name starting at `offset`, or undefined when none starts there. */
export function readName(text: string, offset: number): string | undefined {
  const first = text.charCodeAt(offset);
  if (first < 0x80) {
    if (ASCII_NAME[first] !== 1) return undefined;
    let end = offset + 1;
    let c = text.charCodeAt(end);
    while (c < 0x80 && ASCII_NAME[c] !== 0) c = text.charCodeAt(++end);
    // NaN past the end; a character from 0x80 up may go on the name: the regex reads all of it.
    if (!(c >= 0x80)) return text.slice(offset, end);
  }
  NAME.lastIndex = offset;
  return NAME.exec(text)?.[0];
}

/** The offset of the first character XML forbids (NUL, most C0 controls, lone surrogates, U+FFFE/U+FFFF), or -1. */
export function firstIllegalChar(text: string): number {
  const bmp = text.search(ILLEGAL_BMP_CHAR);
  // isWellFormed (ES2024, in every Node the kit supports) is native: it clears almost every reply at once.
  if ((text as string & WellFormedString).isWellFormed()) return bmp;
  const lone = firstLoneSurrogate(text, bmp === -1 ? text.length : bmp);
  return lone === -1 ? bmp : lone;
}

interface WellFormedString {
  isWellFormed(): boolean;
}

/** The offset of the first surrogate before `end` that is not half of a pair, or -1. */
function firstLoneSurrogate(text: string, end: number): number {
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) i++;
    else return i;
  }
  return -1;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** True when `code` is a character XML allows, as the target of a character reference. */
export function isXmlChar(code: number): boolean {
  return (
    code === 0x9 || code === 0xa || code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff)
  );
}

const PREDEFINED_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

/** What went wrong with the `&` at some offset. */
export interface ReferenceProblem {
  readonly code: 'unescaped_ampersand' | 'undefined_entity' | 'invalid_character_reference';
  readonly offset: number;
  readonly text: string;
}

/**
 * Checks every `&` in `segment` (found at `base` in the document) and returns the first bad one. Only the five
 * predefined entities exist: the kit refuses any DOCTYPE, so no other entity can ever be declared, let alone
 * expanded. It searches the segment, never the rest of the document, so many small segments stay linear.
 */
export function findBadReference(segment: string, base: number): ReferenceProblem | undefined {
  let at = segment.indexOf('&');
  while (at !== -1) {
    REFERENCE.lastIndex = at;
    const match = REFERENCE.exec(segment);
    if (!match) return { code: 'unescaped_ampersand', offset: base + at, text: excerpt(segment, at, 12, 1) };
    const [whole, decimal, hex, name] = match;
    if (name !== undefined && !(name in PREDEFINED_ENTITIES)) return { code: 'undefined_entity', offset: base + at, text: whole };
    if (name === undefined && !isXmlChar(Number.parseInt(decimal ?? hex ?? '', decimal ? 10 : 16))) {
      return { code: 'invalid_character_reference', offset: base + at, text: whole };
    }
    at = segment.indexOf('&', REFERENCE.lastIndex);
  }
  return undefined;
}

const NORMALISED = /[&\t\n\r]/;

/**
 * The value of an attribute as an XML processor reports it: whitespace characters become spaces (attribute-value
 * normalisation) and references are replaced. Call only on a value `findBadReference` accepted.
 */
export function attributeValue(raw: string): string {
  // Most values hold nothing to normalise or replace: one scan, and no copy.
  if (!NORMALISED.test(raw)) return raw;
  return raw
    .replace(/\r\n|[\t\n\r]/g, ' ')
    .replace(/&(?:#([0-9]+)|#x([0-9a-fA-F]+)|([^;]+));/g, (_whole, decimal?: string, hex?: string, name?: string) =>
      name !== undefined ? (PREDEFINED_ENTITIES[name] ?? '') : String.fromCodePoint(Number.parseInt(decimal ?? hex ?? '0', decimal ? 10 : 16)),
    );
}
