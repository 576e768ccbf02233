import { showControlCharacters } from './show-control-characters.js';

const TEXT_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTRIBUTE_ENTITIES: Readonly<Record<string, string>> = {
  ...TEXT_ENTITIES,
  '"': '&quot;',
  // A parser normalises raw tabs and line breaks in attributes to spaces; character references survive.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/**
 * Escapes text for an XML 1.0 element. Characters XML 1.0 cannot carry at all, not even as references (most C0
 * controls, lone surrogates), are first made visible, so the document stays well-formed whatever the server sent.
 */
export function escapeXmlText(text: string): string {
  return showControlCharacters(text).replace(/[&<>]/g, (char) => TEXT_ENTITIES[char] ?? char);
}

/** Escapes text for a double-quoted XML 1.0 attribute value (see `escapeXmlText`). */
export function escapeXmlAttribute(text: string): string {
  return showControlCharacters(text).replace(/[&<>"\t\n\r]/g, (char) => ATTRIBUTE_ENTITIES[char] ?? char);
}
