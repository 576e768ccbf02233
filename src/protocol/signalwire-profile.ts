import { TWILIO_FALLBACK } from './fallback.js';
import type { FaxProfile } from './profile.js';
import { SIGNALWIRE_ERROR_MAPPING } from './signalwire-errors.js';
import { SIGNALWIRE_MEDIA_URL } from './signalwire-media-url.js';
import { SIGNALWIRE_PARAMETERS } from './signalwire-parameters.js';
import { SIGNALWIRE_SENDER } from './signalwire-sender.js';
import { SIGNALWIRE_SIGNATURE } from './signalwire-signature.js';
import { SIGNALWIRE_STATUS_CALLBACK } from './signalwire-status-callback.js';
import { SIGNALWIRE_FAX_CXML } from './signalwire-twiml.js';

/**
 * SignalWire's Compatibility API, which serves Twilio's fax XML today (`--profile signalwire`): UUID ids, the
 * signature in `X-SignalWire-Signature` keyed by the project's signing key, no `storeMedia`, a miscased verb an error,
 * its own timeouts and error codes. Each difference has its source in docs/protocol.md, "SignalWire"; where SignalWire
 * published nothing, Twilio's behaviour stays (assumption `signalwire-as-twilio`).
 */
export const SIGNALWIRE_PROFILE: FaxProfile = {
  id: 'signalwire',
  name: 'SignalWire Compatibility API (fax)',
  service: 'SignalWire',
  twiml: SIGNALWIRE_FAX_CXML,
  sender: SIGNALWIRE_SENDER,
  signature: SIGNALWIRE_SIGNATURE,
  parameters: SIGNALWIRE_PARAMETERS,
  errors: SIGNALWIRE_ERROR_MAPPING,
  media: SIGNALWIRE_MEDIA_URL,
  statusCallback: SIGNALWIRE_STATUS_CALLBACK,
  // SignalWire documents no fallback request of its own: Twilio's (assumption `signalwire-as-twilio`).
  fallback: TWILIO_FALLBACK,
};
