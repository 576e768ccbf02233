import { RECEIVE_VERB, TWILIO_FAX_TWIML, type TwimlSchema } from './twiml-schema.js';

/**
 * SignalWire's fax cXML: Twilio's fax TwiML without `storeMedia` on `<Receive>` (its `<Receive>` page lists action,
 * method, mediaType and pageSize only), with `<Reject/>` and no attributes (its `<Reject>` page), and a verb in the
 * wrong case (`<receive>`) an error, not a skipped element (its Fax XML page). What it did not publish (root,
 * versions, 64 kB, content types) stays Twilio's: assumption `signalwire-as-twilio`.
 */
export const SIGNALWIRE_FAX_CXML: TwimlSchema = {
  ...TWILIO_FAX_TWIML,
  verbs: TWILIO_FAX_TWIML.verbs.map((verb) =>
    verb.name === RECEIVE_VERB.name ? { ...verb, attributes: verb.attributes.filter((attribute) => attribute.name !== 'storeMedia') } : verb,
  ),
  miscasedVerb: 'error',
};
