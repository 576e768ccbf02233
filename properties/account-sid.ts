import type fc from 'fast-check';
import { TWILIO_PROFILE } from '../src/protocol/profile.js';
import { idOfShape } from './_internals/hex.js';
import type { IdOptions } from './fax-sid.js';

/**
 * An account sid as the profile's service sends it in `AccountSid`: for Twilio, `AC` and 32 lower-case hex digits
 * (`ACCOUNT_SID_PATTERN`). Shrinks toward `AC000…0`.
 */
export function accountSid(options: IdOptions = {}): fc.Arbitrary<string> {
  return idOfShape((options.profile ?? TWILIO_PROFILE).parameters.accountSid);
}
