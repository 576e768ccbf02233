import type fc from 'fast-check';
import { TWILIO_PROFILE, type FaxProfile } from '../src/protocol/profile.js';
import { idOfShape } from './_internals/hex.js';

/** Options of {@link faxSid} and {@link accountSid}. */
export interface IdOptions {
  /** The service whose id shape to draw (`profile.parameters`); Twilio's by default. */
  readonly profile?: Pick<FaxProfile, 'parameters'>;
}

/**
 * A fax sid as the profile's service sends it in `FaxSid`: for Twilio, `FX` and 32 lower-case hex digits (matches
 * `FAX_SID_PATTERN`). Shrinks toward `FX000…0`.
 */
export function faxSid(options: IdOptions = {}): fc.Arbitrary<string> {
  return idOfShape((options.profile ?? TWILIO_PROFILE).parameters.faxSid);
}
