import fc from 'fast-check';
import { e164Number } from './e164-number.js';

// Built on first use, not on import (as `host`): `stringMatching` compiles its pattern into generators, time `check`
// would otherwise spend before its first request.
let userArbitrary: fc.Arbitrary<string> | undefined;
const user = (): fc.Arbitrary<string> =>
  (userArbitrary ??= fc.oneof(
    { withCrossShrink: true },
    fc.constantFrom('fax', 'jane', 'jane.doe', 'reception'),
    e164Number(),
    fc.stringMatching(/^[a-z][a-z0-9._-]{0,11}$/),
  ));

let hostArbitrary: fc.Arbitrary<string> | undefined;
const host = (): fc.Arbitrary<string> =>
  (hostArbitrary ??= fc.oneof(
    { withCrossShrink: true },
    fc.constantFrom('example.com', 'example.sip.twilio.com', 'pbx.example.org'),
    // TEST-NET-1 (RFC 5737): addresses reserved for documentation.
    fc.integer({ min: 1, max: 254 }).map((n) => `192.0.2.${n}`),
  ));

/**
 * A SIP or SIPS URI as Twilio passes it for SIP-originated faxes (`SIP_URI_PATTERN`), e.g.
 * `sip:+14155550100@example.sip.twilio.com:5060;transport=udp`. Shrinks toward `sip:fax@example.com`.
 */
export function sipUri(): fc.Arbitrary<string> {
  return fc
    .record({
      scheme: fc.constantFrom('sip', 'sips'),
      user: user(),
      host: host(),
      port: fc.option(fc.constantFrom(':5060', ':5061'), { nil: '' }),
      params: fc.option(fc.constantFrom(';transport=udp', ';transport=tcp', ';user=phone'), { nil: '' }),
    })
    .map(({ scheme, user, host, port, params }) => `${scheme}:${user}@${host}${port}${params}`);
}
