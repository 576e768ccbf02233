import fc from 'fast-check';
import { sipUri } from './sip-uri.js';

// Names that break naive form decoding or XML templating: spaces, apostrophes, `+`, `&`, non-ASCII.
const NAMES = ['Jane Doe', "Jane O'Neil", 'Front Desk', '+14155550100', 'Zoë Müller', '山田 太郎', 'A&B Legal', 'Fax #2'];

// Built on first use, not on import: fast-check's grapheme table takes tens of milliseconds, which `check` would
// otherwise spend before its first request (its first cases are fixed examples that need no generator).
let freeNameArbitrary: fc.Arbitrary<string> | undefined;
const freeName = (): fc.Arbitrary<string> =>
  (freeNameArbitrary ??= fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 20 })
    // A quoted display name cannot hold a raw quote or backslash, nor control characters (RFC 3261 quoted-string).
    .filter((name) => name.trim() === name && name !== '' && !/["\\\p{Cc}]/u.test(name)));

/**
 * A SIP From value with a display name, as Twilio passes it in `From` for SIP faxes:
 * `"Jane O'Neil" <sip:jane@example.com>`. Shrinks toward `"Jane Doe" <sip:fax@example.com>`.
 */
export function sipDisplayName(): fc.Arbitrary<string> {
  return fc
    .tuple(fc.oneof({ withCrossShrink: true }, fc.constantFrom(...NAMES), freeName()), sipUri())
    .map(([name, uri]) => `"${name}" <${uri}>`);
}
