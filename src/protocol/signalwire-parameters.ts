import type { FaxParameters } from './parameters.js';
import { TWILIO_PARAMETERS } from './parameters.js';

/**
 * SignalWire's fax parameters: the same names as Twilio's (its Fax XML page lists FaxSid, AccountSid, To, From,
 * ApiVersion; its `<Receive>` page the callback's RemoteStationId, FaxStatus, NumPages, MediaUrl, ErrorCode,
 * ErrorMessage), UUID ids (its Fax resource shows `sid` and `account_sid` as UUIDs, the account being the Project ID)
 * and `ApiVersion` `v1` (the `api_version` of that resource's sample). docs/protocol.md, "SignalWire".
 */
export const SIGNALWIRE_PARAMETERS: FaxParameters = {
  names: TWILIO_PARAMETERS.names,
  faxSid: { kind: 'uuid' },
  accountSid: { kind: 'uuid' },
  apiVersion: 'v1',
};
