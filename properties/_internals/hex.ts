import fc from 'fast-check';

/** Lower-case hex of a fixed length, as Twilio writes sids; shrinks toward all zeros. */
export function lowerHex(length: number): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length });
}

/** A Twilio sid: a two-letter prefix and 32 hex characters. */
export function twilioSid(prefix: string): fc.Arbitrary<string> {
  return lowerHex(32).map((hex) => prefix + hex);
}
