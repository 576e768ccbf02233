import type fc from 'fast-check';
import { twilioSid } from './_internals/hex.js';

/**
 * A fax sid as Twilio sends it in `FaxSid`: `FX` and 32 lower-case hex digits (matches `FAX_SID_PATTERN`).
 * Shrinks toward `FX000…0`.
 */
export function faxSid(): fc.Arbitrary<string> {
  return twilioSid('FX');
}
