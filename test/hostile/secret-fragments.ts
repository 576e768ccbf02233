import { FRAGMENT_LENGTH } from '../../src/secrets/redact.js';

/**
 * The spellings of a secret a test looks for, computed here and not by the kit: as given, upper-cased, percent-
 * encoded, and base64 (standard and URL-safe) at each of the three offsets a secret can start at in a longer text.
 */
function spellings(secret: string): string[] {
  const base64 = [0, 1, 2].map((offset) => {
    const encoded = Buffer.concat([Buffer.alloc(offset), Buffer.from(secret)]).toString('base64');
    return encoded.slice(Math.ceil((offset * 4) / 3), Math.floor(((offset + secret.length) * 4) / 3));
  });
  return [secret, secret.toUpperCase(), encodeURIComponent(secret), ...base64, ...base64.map((b) => b.replace(/\+/g, '-').replace(/\//g, '_'))];
}

/** Every run of 12 characters of any spelling of any secret that `text` contains: what must never be found. */
export function leakedFragments(text: string, secrets: readonly string[]): string[] {
  const found = new Set<string>();
  for (const spelling of secrets.flatMap(spellings)) {
    for (let at = 0; at + FRAGMENT_LENGTH <= spelling.length; at += 1) {
      const fragment = spelling.slice(at, at + FRAGMENT_LENGTH);
      if (text.includes(fragment)) found.add(fragment);
    }
  }
  return [...found];
}
