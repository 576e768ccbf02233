import fc from 'fast-check';
import { e164Number } from './e164-number.js';
import { sipDisplayName } from './sip-display-name.js';
import { sipUri } from './sip-uri.js';

/** Any address a fax `From` can carry: an E.164 number, a SIP URI, or a SIP From value with a display name. */
export function faxAddress(): fc.Arbitrary<string> {
  return fc.oneof({ withCrossShrink: true }, e164Number(), sipUri(), sipDisplayName());
}
