import { decodedView } from './decoded-view.js';
import { secretForms } from './secret-forms.js';

/** What stands in a report where a secret, or a piece of one, was. */
export const REDACTED = '<redacted>';

/**
 * Secrets at least this long are redacted wherever they occur; shorter ones (a test token such as `T`) only where
 * they stand alone as a word in what the server sent, since they would otherwise shred ordinary words.
 */
export const MIN_REDACTED_LENGTH = 6;

/** Any run of this many characters of a secret (in any of its forms) is redacted, wherever it occurs. */
export const FRAGMENT_LENGTH = 12;

/** Where a text was cut short (`quote()` in messages, the server-log excerpt): pieces of a secret meet it here. */
const CUT_MARK = '…';

/**
 * Removes secrets from text before anything is cut or printed. Built once per run from the secrets the user gave
 * the kit (the auth token, URL credentials), each in every form a server may echo it (see `secretForms`).
 *
 * What counts as a leak, for a secret of `MIN_REDACTED_LENGTH` characters or more: the secret itself; any
 * `FRAGMENT_LENGTH` characters of it in a row (so a text cut anywhere still shows none of it); and, where a text
 * starts, ends or shows `…`, a piece of at least `MIN_REDACTED_LENGTH` characters of the secret's start or end.
 * Each rule applies to the text as written and to its decoded view (`decodedView`: percent-escapes, `\uXXXX`, XML
 * character references, in any mixture with plain characters), whose matches redact the escapes they came from.
 * Linear in the length of the text.
 */
export interface Redactor {
  /** For any text, the kit's own included (URLs, curl lines): every rule except short secrets. */
  redact(text: string): string;
  /** For text the server sent or that quotes it (bodies, headers, messages, log lines): every rule. */
  redactServerText(text: string): string;
  /** `redact` on every string inside `value`, deeply (arrays and plain objects; keys stay). */
  redactDeep<T>(value: T): T;
}

interface Occurrence {
  readonly form: string;
  readonly at: number;
}

/**
 * The redactor for `secrets` (empty strings ignored).
 * @example createRedactor([token]).redactServerText(`echo ${token.slice(0, 20)}`) // 'echo <redacted>'
 */
export function createRedactor(secrets: readonly string[]): Redactor {
  const long = [...new Set(secrets.filter((s) => s.length >= MIN_REDACTED_LENGTH))];
  const words = [...new Set(secrets.filter((s) => s.length > 0 && s.length < MIN_REDACTED_LENGTH))];
  const forms = [...new Set(long.flatMap(secretForms))].filter((form) => form.length >= MIN_REDACTED_LENGTH);
  const windows = new Map<string, Occurrence[]>();
  for (const form of forms) {
    for (let at = 0; at + FRAGMENT_LENGTH <= form.length; at += 1) {
      const key = form.slice(at, at + FRAGMENT_LENGTH);
      windows.set(key, [...(windows.get(key) ?? []), { form, at }]);
    }
  }
  const shortForms = forms.filter((form) => form.length < FRAGMENT_LENGTH);

  const longRanges = (text: string): Array<[number, number]> => [
    ...fragmentRanges(text, windows),
    ...shortForms.flatMap((form) => occurrences(text, form)),
    ...forms.flatMap((form) => cutRanges(text, form)),
  ];
  const wordRanges = (text: string): Array<[number, number]> =>
    words.flatMap((word) => occurrences(text, word).filter(([start, end]) => standsAlone(text, start, end)));
  // Looks in the text as written and in its decoded view (escapes decoded), and redacts the original span of what
  // it finds in either: `%39%65…` or `&#x39;e…` hides nothing the plain secret would show.
  const rangesIn = (text: string, find: (text: string) => Array<[number, number]>): Array<[number, number]> => {
    const view = decodedView(text);
    if (!view) return find(text);
    return [...find(text), ...find(view.text).map(([start, end]) => view.original(start, end))];
  };
  const redact = (text: string): string => (forms.length === 0 ? text : replaceRanges(text, rangesIn(text, longRanges)));
  const redactServerText = (text: string): string => {
    if (forms.length === 0 && words.length === 0) return text;
    return replaceRanges(text, rangesIn(text, (view) => [...longRanges(view), ...wordRanges(view)]));
  };
  // Keys are the report's own names, never redacted (a token that happens to contain "reproduce" must not rename
  // the field), except in a `headers` map, whose keys are header names the server chose and may echo a secret in.
  const scrub = (value: unknown, keysAreData = false): unknown => {
    if (typeof value === 'string') return redact(value);
    if (Array.isArray(value)) return value.map((item) => scrub(item));
    if (value && typeof value === 'object' && !ArrayBuffer.isView(value)) {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [keysAreData ? redact(key) : key, scrub(inner, key === 'headers')]));
    }
    return value;
  };
  return { redact, redactServerText, redactDeep: <T>(value: T): T => (forms.length === 0 ? value : (scrub(value) as T)) };
}

/**
 * Replaces every occurrence of each secret in every string of `value` (deeply) with `<redacted>`, fragments and
 * encoded forms included (see `Redactor`).
 */
export function redactSecrets<T>(value: T, secrets: readonly string[]): T {
  return createRedactor(secrets).redactDeep(value);
}

/** Every run of `FRAGMENT_LENGTH` or more characters of a form, each as far as it goes. */
function fragmentRanges(text: string, windows: ReadonlyMap<string, readonly Occurrence[]>): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  if (windows.size === 0) return ranges;
  let covered = -1;
  for (let start = 0; start + FRAGMENT_LENGTH <= text.length; start += 1) {
    const hits = windows.get(text.slice(start, start + FRAGMENT_LENGTH));
    if (!hits) continue;
    let end = start + FRAGMENT_LENGTH;
    for (const { form, at } of hits) {
      let length = FRAGMENT_LENGTH;
      while (start + length < text.length && at + length < form.length && text[start + length] === form[at + length]) length += 1;
      end = Math.max(end, start + length);
    }
    // A later window inside a run already found adds nothing.
    if (end > covered) ranges.push([start, end]);
    covered = Math.max(covered, end);
  }
  return ranges;
}

function occurrences(text: string, needle: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) ranges.push([at, at + needle.length]);
  return ranges;
}

/** Pieces of the form's start just before a cut (the text's end or `…`), and of its end just after one. */
function cutRanges(text: string, form: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const longest = Math.min(form.length - 1, FRAGMENT_LENGTH - 1);
  const ends = [text.length, ...occurrences(text, CUT_MARK).map(([at]) => at)];
  const starts = [0, ...occurrences(text, CUT_MARK).map(([, after]) => after)];
  for (const end of ends) {
    for (let length = longest; length >= MIN_REDACTED_LENGTH; length -= 1) {
      if (end - length >= 0 && text.slice(end - length, end) === form.slice(0, length)) {
        ranges.push([end - length, end]);
        break;
      }
    }
  }
  for (const start of starts) {
    for (let length = longest; length >= MIN_REDACTED_LENGTH; length -= 1) {
      if (text.slice(start, start + length) === form.slice(form.length - length)) {
        ranges.push([start, start + length]);
        break;
      }
    }
  }
  return ranges;
}

// A short secret is only a leak where it is a word of its own: `T` in "token: T", not in "HTTP".
function standsAlone(text: string, start: number, end: number): boolean {
  return !/[\p{L}\p{N}]/u.test(text.charAt(start - 1)) && !/[\p{L}\p{N}]/u.test(text.charAt(end));
}

/** The text with each merged range replaced by one `<redacted>`. */
function replaceRanges(text: string, ranges: ReadonlyArray<readonly [number, number]>): string {
  if (ranges.length === 0) return text;
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  let out = '';
  let position = 0;
  let open: [number, number] | undefined;
  for (const [start, end] of sorted) {
    if (open && start <= open[1]) {
      open[1] = Math.max(open[1], end);
      continue;
    }
    if (open) {
      out += text.slice(position, open[0]) + REDACTED;
      position = open[1];
    }
    open = [start, end];
  }
  if (open) {
    out += text.slice(position, open[0]) + REDACTED;
    position = open[1];
  }
  return out + text.slice(position);
}
