import type fc from 'fast-check';
import { twilioSid } from './_internals/hex.js';

/** An account sid as Twilio sends it in `AccountSid`: `AC` and 32 lower-case hex digits (`ACCOUNT_SID_PATTERN`). */
export function accountSid(): fc.Arbitrary<string> {
  return twilioSid('AC');
}
