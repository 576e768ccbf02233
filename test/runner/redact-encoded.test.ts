import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodedView } from '../../src/secrets/decoded-view.js';
import { createRedactor, FRAGMENT_LENGTH } from '../../src/secrets/redact.js';
import { growthOnDoubling } from '../support/count-work.js';

const TOKEN = '9e1f3a9c1e07b5d28460b9e3d7c15a8f';

/** One character escaped the ways a server may echo it, computed here (not by the kit). */
const ESCAPES: ReadonlyArray<(char: string) => string> = [
  (char) => char,
  (char) => `%${hex(char, 2)}`,
  (char) => `%${hex(char, 2).toUpperCase()}`,
  (char) => `\\u${hex(char, 4)}`,
  (char) => `\\u${hex(char, 4).toUpperCase()}`,
  (char) => `&#x${hex(char, 2)};`,
  (char) => `&#X${hex(char, 2).toUpperCase()};`,
  (char) => `&#${char.charCodeAt(0)};`,
];

function hex(char: string, width: number): string {
  return char.charCodeAt(0).toString(16).padStart(width, '0');
}

/** Every character escaped the same way. */
function allEscaped(text: string, escape: (char: string) => string): string {
  return [...text].map(escape).join('');
}

/** What a reader gets by decoding every percent-escape, `\u` escape and character reference once (not the kit's decoder). */
function decodeOnce(text: string): string {
  return text.replace(/%([0-9a-f]{2})|\\u([0-9a-f]{4})|&#x([0-9a-f]+);|&#([0-9]+);/gi, (whole, pct?: string, unicode?: string, ref?: string, dec?: string) => {
    const code = Number.parseInt(pct ?? unicode ?? ref ?? dec ?? '', pct || unicode || ref ? 16 : 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** What the redactor promises never to show of `secret`: any 12 characters in a row (or the whole, if shorter). */
function promisedPieces(secret: string): string[] {
  if (secret.length < FRAGMENT_LENGTH) return [secret];
  return Array.from({ length: secret.length - FRAGMENT_LENGTH + 1 }, (_, at) => secret.slice(at, at + FRAGMENT_LENGTH));
}

function leaks(output: string, secret: string): string[] {
  const views = [output, decodeOnce(output)];
  return promisedPieces(secret).filter((piece) => views.some((view) => view.includes(piece)));
}

describe('secrets echoed with every character escaped', () => {
  const redactor = createRedactor([TOKEN]);

  it('redacts the whole token percent-encoded, JSON-escaped and as XML hex or decimal references, in either hex case', () => {
    for (const escape of ESCAPES.slice(1)) {
      const echoed = allEscaped(TOKEN, escape);
      expect(redactor.redactServerText(`token: ${echoed}!`), echoed).toBe('token: <redacted>!');
      expect(redactor.redact(`/fax?t=${echoed}`), echoed).toBe('/fax?t=<redacted>');
    }
  });

  it('redacts a mixture of escapes and plain characters', () => {
    const mixed = [...TOKEN].map((char, at) => ESCAPES[at % ESCAPES.length]?.(char)).join('');
    expect(redactor.redactServerText(`<p>${mixed}</p>`)).toBe('<p><redacted></p>');
  });

  it('redacts 12 escaped characters of the token in a row, and leaves 11 (which say nothing of it)', () => {
    const twelve = allEscaped(TOKEN.slice(5, 17), ESCAPES[3]!);
    const eleven = allEscaped(TOKEN.slice(5, 16), ESCAPES[3]!);
    expect(redactor.redactServerText(`a ${twelve} b`)).toBe('a <redacted> b');
    expect(redactor.redactServerText(`a ${eleven} b`)).toBe(`a ${eleven} b`);
  });

  it('redacts a password with non-ASCII characters percent-encoded as UTF-8', () => {
    const password = 'pässwörd-très-secret';
    const echoed = allEscaped(password, (char) => (/[a-z]/.test(char) ? `%${hex(char, 2)}` : encodeURIComponent(char)));
    expect(createRedactor([password]).redactServerText(`pw=${echoed}&x=1`)).toBe('pw=<redacted>&x=1');
  });

  it('keeps the whole-word rule for a short secret, escaped or not', () => {
    const short = createRedactor(['T']);
    expect(short.redactServerText('token &#84; refused, %54 again')).toBe('token <redacted> refused, <redacted> again');
    expect(short.redactServerText('HT%54P and &#x48;TTP')).toBe('HT%54P and &#x48;TTP');
  });

  it('leaves escapes that hold no secret as they are', () => {
    const text = 'a=%41%42&amp;b=\\u0043 &#68; 100% \\\\ &unknown;';
    expect(redactor.redactServerText(text)).toBe(text);
  });
});

describe('decodedView', () => {
  it('decodes each escape once and maps decoded characters back to the original span', () => {
    const view = decodedView('t=%39&#x65;\\u0031 %C3%A9 &amp; \\\\u0039');
    expect(view?.text).toBe('t=9e1 é & \\9');
    expect(view?.original(2, 5)).toEqual([2, 17]);
    expect(view?.original(6, 7)).toEqual([18, 24]);
  });

  it('is undefined for a text with no escape', () => {
    expect(decodedView('100% plain & simple \\ text')).toBeUndefined();
  });
});

// A token such as a Twilio auth token (alphanumerics), inside random text that itself holds escape-like pieces.
const token = fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEFghijkXYZ'), minLength: 6, maxLength: 40 });
const filler = fc.string({ unit: fc.constantFrom(...'xyz XYZ-_<>/;:="&#%\\u…\n0a9F'), maxLength: 30 });

describe('the redactor, for any mixture of escapes', () => {
  test.prop([token, filler, filler, fc.nat(), fc.nat(), fc.array(fc.nat(ESCAPES.length - 1), { minLength: 40, maxLength: 40 })], { numRuns: 500 })(
    'leaves no decodable form of any piece it promises to hide, and redacting again changes nothing',
    (secret, before, after, startSeed, lengthSeed, choices) => {
      const length = secret.length < FRAGMENT_LENGTH ? secret.length : FRAGMENT_LENGTH + (lengthSeed % (secret.length - FRAGMENT_LENGTH + 1));
      const start = startSeed % (secret.length - length + 1);
      const piece = [...secret.slice(start, start + length)].map((char, at) => ESCAPES[choices[at] ?? 0]?.(char)).join('');
      const redactor = createRedactor([secret]);
      const once = redactor.redactServerText(`${before}${piece}${after}`);
      expect(leaks(once, secret)).toEqual([]);
      expect(redactor.redactServerText(once)).toBe(once);
      expect(leaks(redactor.redact(`${before}${piece}${after}`), secret)).toEqual([]);
    },
  );

  it('does work linear in the length of the text, escapes and echoes included', () => {
    const redactor = createRedactor([TOKEN, 'fax:correct-horse-battery-staple']);
    const unit = [
      allEscaped(TOKEN, ESCAPES[1]!),
      allEscaped(TOKEN.slice(3, 20), ESCAPES[5]!),
      '&&&&&&&&& %%%%%% \\\\\\\\u &#x; &#99999999999; ',
      allEscaped(TOKEN, ESCAPES[7]!),
      TOKEN.slice(0, 9),
      '… plain text ',
    ].join(' ');
    const growth = growthOnDoubling((n) => unit.repeat(n), 200, (text) => redactor.redactServerText(text));
    expect(growth).toBeLessThan(2.3);
  });
});
