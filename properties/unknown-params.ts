import fc from 'fast-check';
import { e164Number } from './e164-number.js';

// Parameters Twilio sends to other webhooks or lists on the Fax resource, so the likeliest to appear one day.
const CANDIDATES = {
  FaxQuality: fc.constantFrom('standard', 'fine', 'superfine'),
  CallerName: fc.constantFrom('JANE DOE', "O'NEIL J", 'ACME LEGAL', 'Zoë Müller'),
  ForwardedFrom: e164Number(),
  Direction: fc.constant('inbound'),
  FromCountry: fc.constantFrom('US', 'GB', 'DE', 'JP'),
  FromState: fc.constantFrom('CA', 'NY', 'TX', ''),
  FromCity: fc.constantFrom('SAN FRANCISCO', 'NEW YORK', 'SÃO PAULO', ''),
  ToCountry: fc.constantFrom('US', 'CA'),
  MediaSid: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 32, maxLength: 32 }).map((hex) => `ME${hex}`),
  Duration: fc.integer({ min: 1, max: 3600 }).map(String),
};

/**
 * One or more parameters Twilio does not send today but warns it may add at any time (`FaxQuality`, `CallerName`,
 * `ForwardedFrom`, ...), with realistic values. A server must accept a request that carries them.
 */
export function unknownParams(): fc.Arbitrary<Record<string, string>> {
  return fc
    .record(CANDIDATES, { requiredKeys: [] })
    .filter((params) => Object.keys(params).length > 0)
    .map((params) => Object.fromEntries(Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined)));
}
