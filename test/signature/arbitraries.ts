/** Arbitraries for signature tests: tokens, webhook URLs and form parameters that stress the signing rules. */
import fc from 'fast-check';
import type { FormParams } from '../../src/model/exchange.js';

/** Characters that real fax parameters carry and that frameworks mangle: `+`, space, quotes, `@`, `:`, non-ASCII. */
const TRICKY = ['+', ' ', "'", '"', '@', ':', '&', '=', '%', '%2B', '/', '?', '#', 'é', 'ß', '日本', '😀', '\u00a0'];

const trickyString = (maxLength: number): fc.Arbitrary<string> =>
  fc
    .array(fc.oneof(fc.constantFrom(...TRICKY), fc.string({ maxLength: 3, unit: 'grapheme' })), { maxLength })
    .map((parts) => parts.join(''));

/** An auth token: usually 32 hex characters, sometimes anything (the HMAC takes any key). */
export const authToken = (): fc.Arbitrary<string> =>
  fc.oneof(fc.stringMatching(/^[0-9a-f]{32}$/), fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }));

// A label with hyphens in its 3rd and 4th places (`xn--4gd6`) is IDNA's, and an invalid one is no host at all for
// `new URL()`: such labels are left out, as no webhook could be configured with them.
const hostLabel = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}[a-z0-9]$/).filter((label) => label.slice(2, 4) !== '--');
const host = fc
  .array(hostLabel, { minLength: 1, maxLength: 3 })
  .map((labels) => [...labels, 'example'].join('.'));

const pathSegment = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9._~-]{1,10}$/),
  fc.constantFrom('fax', 'incoming', 'ünïcödé', '日本', 'a%20b', "o'neil", 'x+y', '~user'),
);

const queryPart = fc
  .array(fc.tuple(fc.stringMatching(/^[a-z]{1,6}$/), trickyString(4).map((v) => v.replace(/[#\s]/g, ''))), {
    maxLength: 3,
  })
  .map((pairs) => (pairs.length === 0 ? '' : '?' + pairs.map(([k, v]) => `${k}=${v}`).join('&')));

/** A webhook URL: http or https, with or without credentials and port, unicode paths, tricky query strings. */
export const webhookUrl = (): fc.Arbitrary<string> =>
  fc
    .record({
      scheme: fc.constantFrom('http', 'https'),
      credentials: fc.option(fc.constantFrom('user:pass@', 'twilio:s3cr3t@'), { nil: '' }),
      host,
      port: fc.option(fc.constantFrom(':80', ':443', ':8080', ':3000'), { nil: '' }),
      path: fc.array(pathSegment, { maxLength: 3 }).map((segments) => '/' + segments.join('/')),
      query: queryPart,
    })
    .map(({ scheme, credentials, host, port, path, query }) => `${scheme}://${credentials}${host}${port}${path}${query}`);

/** Form parameters as sent: realistic names, tricky values, some names repeated. */
export const formParams = (): fc.Arbitrary<FormParams> =>
  fc.array(
    fc.tuple(
      fc.oneof(fc.constantFrom('FaxSid', 'From', 'To', 'ApiVersion', 'a', 'A', 'b'), fc.string({ minLength: 1, maxLength: 6 })),
      trickyString(5),
    ),
    { maxLength: 8 },
  );

/** The same parameters in twilio-node's shape: an object, repeated names as arrays. */
export function toTwilioParams(params: FormParams): Record<string, string | string[]> {
  // A null-prototype object, so a generated name like `__proto__` stays an ordinary key.
  const object: Record<string, string | string[]> = Object.create(null);
  for (const [name, value] of params) {
    const existing = object[name];
    if (existing === undefined) object[name] = value;
    else object[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return object;
}
