import fc from 'fast-check';
import { ID_HEX_DIGITS, idFromHex, type IdShape } from '../../src/protocol/ids.js';

/** Lower-case hex of a fixed length, as Twilio writes sids; shrinks toward all zeros. */
export function lowerHex(length: number): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length });
}

/** An id of the given shape (a Twilio sid: a two-letter prefix and 32 hex digits; or a UUID); shrinks toward zeros. */
export function idOfShape(shape: IdShape): fc.Arbitrary<string> {
  return lowerHex(ID_HEX_DIGITS).map((hex) => idFromHex(shape, hex));
}
