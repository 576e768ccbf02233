import { showControlCharacters } from '../show-control-characters.js';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text of any origin (a server's reply, a URL, a header) made safe for HTML and inline SVG, in an element or in a
 * quoted attribute: control characters first made visible (`\r`, `\x1b`), then every character that could open or
 * close markup replaced by its entity. Whatever a server sends stays text: a `<script>` in a reply is shown, never run.
 * @example escapeHtml('<script>alert(1)</script>') // '&lt;script&gt;alert(1)&lt;/script&gt;'
 */
export function escapeHtml(text: string): string {
  return showControlCharacters(text).replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}
