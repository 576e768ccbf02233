import { SIGNALWIRE_PARAMETERS } from './signalwire-parameters.js';
import { statusCallbackParameters, twilioStatusCallback, type StatusCallbackProtocol } from './status-callback.js';

const SIGNALWIRE_CALLBACKS = 'developer.signalwire.com/compatibility-api/reference/callbacks';

/**
 * SignalWire's status callbacks of a fax the app sent ("StatusCallback when sending a fax", docs/protocol.md,
 * "SignalWire"): Twilio's, POSTed, with `MediaSid`, "the SID that uniquely identifies the fax media", a UUID as its
 * other ids, on the callback of a delivered fax. A callback answered with a 4xx or 5xx is 11217 in SignalWire's error
 * list; that the fax is unaffected, a warning, is Twilio's rule kept (assumption `signalwire-as-twilio`).
 */
export const SIGNALWIRE_STATUS_CALLBACK: StatusCallbackProtocol = {
  ...twilioStatusCallback(SIGNALWIRE_PARAMETERS),
  parameters: [
    ...statusCallbackParameters(SIGNALWIRE_PARAMETERS),
    { name: 'MediaSid', description: 'the id of the fax media (delivered faxes only)', always: false, sentOn: 'delivered', source: SIGNALWIRE_CALLBACKS },
  ],
  mediaSid: { name: 'MediaSid', shape: { kind: 'uuid' } },
  failure: { severity: 'warning', twilioError: 11217 },
};
