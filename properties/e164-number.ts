import fc from 'fast-check';

// Twilio's magic test numbers: the readable values a failing case shrinks to.
const TEST_NUMBERS = ['+15005550006', '+15005550001', '+15005550009'] as const;

const digits = (min: number, max: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

// North American numbers: area code and exchange never start with 0 or 1.
const nanpNumber = fc
  .tuple(fc.integer({ min: 2, max: 9 }), digits(2, 2), fc.integer({ min: 2, max: 9 }), digits(6, 6))
  .map(([a, area, e, rest]) => `+1${a}${area}${e}${rest}`);

// Country codes of places that sent faxes to Twilio numbers; the subscriber part keeps the total within 15 digits.
const internationalNumber = fc
  .tuple(fc.constantFrom('44', '33', '49', '81', '61', '55', '91', '34', '353', '972', '971'), fc.integer({ min: 1, max: 9 }), digits(6, 10))
  .map(([country, first, rest]) => `+${country}${first}${rest}`);

/**
 * A phone number in E.164 (`E164_PATTERN`): North American, international, or one of Twilio's test numbers,
 * toward which it shrinks (`+15005550006`).
 */
export function e164Number(): fc.Arbitrary<string> {
  return fc.oneof({ withCrossShrink: true }, fc.constantFrom(...TEST_NUMBERS), nanpNumber, internationalNumber);
}
