import fc from 'fast-check';

const NASTY = ['\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u001b[31m', '\u007f', '\u0085', '\u009b', '\r', '\n', '\r\n', '\t', ']]>', '<![CDATA[', '"', "'", '&', '&amp;', '&#1;', '<', '>', '%', '%0A', ':', ',', '::error::', '##[group]', 'é', 'Ωmega', '传真', '😀', '\uD800', '\uDFFF', '\uFFFE', '\uFFFF', '\u2028'];

/** Strings a hostile or broken server could send: control characters, XML and workflow-command syntax, non-ASCII. */
export function hostileString(): fc.Arbitrary<string> {
  return fc.array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 12 }).map((parts) => parts.join(''));
}
