/**
 * A text with its escapes decoded, and where each decoded character came from: the redactor looks for secrets in
 * it, then redacts the original span. A server may echo a secret with every character escaped (`%39%65…`,
 * `\u0039\u0065…`, `&#x39;&#x65;…`, `&#57;&#101;…`) or with any mixture of escapes and plain characters; none of
 * those spellings contains the secret as written, but its decoded view does.
 */
export interface DecodedView {
  /** The text with every escape it knows replaced by the character it stands for (one pass, no nesting). */
  readonly text: string;
  /** The span `[start, end)` of the original text that the decoded characters `[from, to)` came from. */
  original(from: number, to: number): [number, number];
}

/**
 * The decoded view of `text`, or undefined when it holds no escape (the view would be the text itself). Decodes, with
 * hex digits in either case: percent-encoding (`%39`, and `%C3%A9` as one UTF-8 character), JSON and JavaScript
 * `\uXXXX`, `\"` and `\/`, XML and HTML character references (`&#x39;`, `&#X39;`, `&#57;`) and the five XML entities.
 * A `\\` is left as it is, so `\\u0039` reads as `\` and `9`: on the safe side whether it was escaped once or twice.
 * Linear in the text's length: each escape is read once, and none is longer than 12 characters.
 * @example decodedView('t=%39&#x65;\\u0031').text // 't=9e1'
 */
export function decodedView(text: string): DecodedView | undefined {
  const candidates = /[%\\&]/g;
  const pieces: string[] = [];
  // Runs of the decoded text, in order: where each starts in the decoded text and in the original, and for an
  // escape how long it is in the original (0 for a run of plain characters, which map one to one).
  const decodedStarts: number[] = [];
  const originalStarts: number[] = [];
  const escapeLengths: number[] = [];
  let decodedLength = 0;
  let copied = 0;
  const add = (piece: string, originalStart: number, escapeLength: number): void => {
    if (piece === '') return;
    pieces.push(piece);
    decodedStarts.push(decodedLength);
    originalStarts.push(originalStart);
    escapeLengths.push(escapeLength);
    decodedLength += piece.length;
  };
  for (let match = candidates.exec(text); match; match = candidates.exec(text)) {
    const escape = escapeAt(text, match.index);
    if (!escape) continue;
    add(text.slice(copied, match.index), copied, 0);
    add(escape.value, match.index, escape.length);
    copied = match.index + escape.length;
    candidates.lastIndex = copied;
  }
  if (pieces.length === 0) return undefined;
  add(text.slice(copied), copied, 0);
  const originalOf = (index: number): [number, number] => {
    let low = 0;
    let high = decodedStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((decodedStarts[middle] ?? 0) <= index) low = middle;
      else high = middle - 1;
    }
    const start = originalStarts[low] ?? 0;
    const escapeLength = escapeLengths[low] ?? 0;
    if (escapeLength > 0) return [start, start + escapeLength];
    const at = start + index - (decodedStarts[low] ?? 0);
    return [at, at + 1];
  };
  return {
    text: pieces.join(''),
    original: (from, to) => [originalOf(from)[0], originalOf(to - 1)[1]],
  };
}

interface Escape {
  /** The decoded character (one or two UTF-16 units). */
  readonly value: string;
  /** How many characters of the original it takes. */
  readonly length: number;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const HEX = /^[0-9a-f]+$/i;

function escapeAt(text: string, at: number): Escape | undefined {
  switch (text[at]) {
    case '%':
      return percentAt(text, at);
    case '\\':
      return backslashAt(text, at);
    case '&':
      return referenceAt(text, at);
    default:
      return undefined;
  }
}

function hexByte(text: string, at: number): number | undefined {
  if (text[at] !== '%') return undefined;
  const digits = text.slice(at + 1, at + 3);
  return digits.length === 2 && HEX.test(digits) ? Number.parseInt(digits, 16) : undefined;
}

/** `%XX`, or the `%XX%XX…` of one UTF-8 character; a lone or broken lead byte is not decoded. */
function percentAt(text: string, at: number): Escape | undefined {
  const lead = hexByte(text, at);
  if (lead === undefined) return undefined;
  if (lead < 0x80) return { value: String.fromCharCode(lead), length: 3 };
  const following = lead >= 0xf0 && lead <= 0xf4 ? 3 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xc2 && lead <= 0xdf ? 1 : 0;
  if (following === 0) return undefined;
  const bytes = [lead];
  for (let index = 1; index <= following; index += 1) {
    const next = hexByte(text, at + 3 * index);
    if (next === undefined || next < 0x80 || next > 0xbf) return undefined;
    bytes.push(next);
  }
  const value = new TextDecoder('utf-8', { fatal: false }).decode(Uint8Array.from(bytes));
  return value.includes('\uFFFD') ? undefined : { value, length: 3 * bytes.length };
}

/** `\uXXXX`, `\"`, `\/`. */
function backslashAt(text: string, at: number): Escape | undefined {
  const next = text[at + 1];
  if (next === '"' || next === '/') return { value: next, length: 2 };
  if (next !== 'u') return undefined;
  const digits = text.slice(at + 2, at + 6);
  return digits.length === 4 && HEX.test(digits) ? { value: String.fromCharCode(Number.parseInt(digits, 16)), length: 6 } : undefined;
}

/** `&#xH…;`, `&#D…;` (at most 8 digits, a code point) and `&amp;` `&lt;` `&gt;` `&quot;` `&apos;`. */
function referenceAt(text: string, at: number): Escape | undefined {
  // The longest reference is `&#x0010FFFF;`: look no further for its end, so a text of `&`s stays linear.
  const semicolon = text.slice(at + 1, at + 12).indexOf(';');
  if (semicolon === -1) return undefined;
  const body = text.slice(at + 1, at + 1 + semicolon);
  const length = semicolon + 2;
  const entity = ENTITIES[body];
  if (entity !== undefined) return { value: entity, length };
  const hex = /^#[xX]([0-9a-fA-F]{1,8})$/.exec(body)?.[1];
  const decimal = /^#([0-9]{1,8})$/.exec(body)?.[1];
  const code = hex !== undefined ? Number.parseInt(hex, 16) : decimal !== undefined ? Number.parseInt(decimal, 10) : undefined;
  return code !== undefined && code <= 0x10ffff ? { value: String.fromCodePoint(code), length } : undefined;
}
