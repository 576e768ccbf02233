import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { faxTwimlReply, replyMutationsFor } from '../properties/index.js';
import { RECEIVE_VERB, TWILIO_PROFILE, type FaxProfile } from '../src/protocol/index.js';
import { validateFaxTwiml } from '../src/twiml/index.js';

// A second fax service is a value, not code: SignalWire's compatible <Receive> has no storeMedia
// (developer.signalwire.com/compatibility-api/xml/fax). Built here from data alone, it must drive the validator and
// the generators without any change to either.
const signalWireLike: FaxProfile = {
  ...TWILIO_PROFILE,
  id: 'signalwire-like',
  name: 'SignalWire-like fax',
  twiml: {
    ...TWILIO_PROFILE.twiml,
    verbs: TWILIO_PROFILE.twiml.verbs.map((verb) =>
      verb.name === RECEIVE_VERB.name ? { ...verb, attributes: verb.attributes.filter((a) => a.name !== 'storeMedia') } : verb,
    ),
  },
};

describe('a fax profile is data', () => {
  it('flags an attribute the profile does not have, while Twilio accepts it', () => {
    const reply = '<Response><Receive storeMedia="false"/></Response>';
    expect(validateFaxTwiml(reply).diagnostics).toEqual([]);
    const checks = validateFaxTwiml(reply, { profile: signalWireLike }).diagnostics.map((d) => d.check);
    expect(checks).toEqual(['known-attributes']);
  });

  it('generates replies from the profile that the validator accepts under that profile', () => {
    fc.assert(
      fc.property(faxTwimlReply({ schema: signalWireLike.twiml }), (reply) => {
        expect(reply.xml).not.toContain('storeMedia');
        expect(validateFaxTwiml(reply.xml, { profile: signalWireLike, contentType: 'text/xml' }).diagnostics).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('breaks replies for the profile in ways its validator catches', () => {
    const mutations = replyMutationsFor(signalWireLike.twiml);
    fc.assert(
      fc.property(mutations['attribute-values'], (mutation) => {
        const result = validateFaxTwiml(mutation.xml, { profile: signalWireLike, contentType: mutation.contentType });
        expect(result.diagnostics.some((d) => d.check === 'attribute-values')).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});
