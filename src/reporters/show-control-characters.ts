// C0 controls except tab and line feed, DEL, C1 controls (0x9B is a terminal CSI), lone surrogates and the two
// non-characters XML 1.0 forbids, and U+2028/U+2029 (JavaScript ends lines there, so a log viewer may too).
// With the `u` flag a paired surrogate is one code point and never matches.
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\uD800-\uDFFF\uFFFE\uFFFF]/gu;

/**
 * Makes text from the server under test safe to print in a terminal, a CI log or an XML file: control characters
 * become visible escapes (`\r`, `\x1b`, `\u2028`), lone surrogates and U+FFFE/U+FFFF become U+FFFD. Tabs and line feeds stay.
 * @example showControlCharacters('a\u001b[2Jb') // 'a\\x1b[2Jb'
 */
export function showControlCharacters(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const code = char.charCodeAt(0);
    if (char === '\r') return '\\r';
    if (code <= 0x9f) return `\\x${code.toString(16).padStart(2, '0')}`;
    if (code === 0x2028 || code === 0x2029) return `\\u${code.toString(16)}`;
    return '\uFFFD';
  });
}
