/** How much of a name (an element or attribute the reply wrote) a message shows. */
export const NAME_MAX = 40;

/** How much of a value (an attribute's, a text's) a message shows. */
export const VALUE_MAX = 80;

/**
 * Quotes user text for a message: JSON-escaped, and bounded by `clip` so a 60 kB attribute stays one short line.
 * @example quote('A4') // '"A4"'
 */
export function quote(text: string, max = VALUE_MAX): string {
  return JSON.stringify(clip(text, max));
}

/**
 * User text bounded for a message: whole when it has at most `max` characters; otherwise cut just before a space,
 * a quote or an angle bracket within the first `max` (`…` marks the cut), or, when there is none, only its length.
 *
 * Why only there: messages are redacted after they are built, and a cut in the middle of a secret the reply echoes
 * (an auth token in a long `action` URL) would leave a piece too short to recognise in view. No secret the kit
 * redacts holds these characters, raw or escaped (tokens and URLs; `%39`, `\u0039` and `&#x39;` forms neither), so
 * whatever part of a secret the text holds is either shown whole, and redacted, or not shown at all.
 * @example clip('https://example.com/fax?token=0123', 10) // '…(34 characters)'
 */
export function clip(text: string, max = VALUE_MAX): string {
  if (text.length <= max) return text;
  for (let cut = max; cut > 0; cut--) {
    if (!isSafeCut(text.charCodeAt(cut))) continue;
    const shown = text.slice(0, cut).trimEnd();
    if (shown !== '') return `${shown}…`;
  }
  return `…(${text.length.toLocaleString('en-US')} characters)`;
}

/** A name bounded for a message: `clip` at `NAME_MAX`. */
export function clipName(name: string): string {
  return clip(name, NAME_MAX);
}

// Whitespace, quotes and angle brackets: characters no secret holds, so a cut before one splits no secret.
function isSafeCut(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x22 || code === 0x27 || code === 0x3c || code === 0x3e;
}

/**
 * The text at `at`, bounded as `clip` bounds it: up to `max` characters, cut only before a space, a quote or an
 * angle bracket; the first `keep` characters (markup such as `<!` or `&`, never part of a secret) stay in any case.
 * For a message that shows where a problem starts: `"<!DOCTYPE…"`.
 */
export function excerpt(text: string, at: number, max: number, keep = 0): string {
  if (text.length - at <= max) return text.slice(at);
  for (let cut = at + max; cut > at + keep; cut--) {
    if (isSafeCut(text.charCodeAt(cut))) return `${text.slice(at, cut)}…`;
  }
  return `${text.slice(at, at + keep)}…`;
}
