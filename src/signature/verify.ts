import { timingSafeEqual } from 'node:crypto';
import { TWILIO_SIGNATURE, type SignatureScheme } from '../protocol/signature-scheme.js';
import { signRequest, type SignatureInput } from './sign.js';
import { signatureUrlCandidates } from './url-variants.js';

/** A request to check: what was signed, and the signature header received (absent when missing). */
export interface SignatureCheck extends SignatureInput {
  readonly signature: string | null | undefined;
}

/**
 * Whether `signature` is the one a service with this scheme would send for this request, accepting the same URL
 * variants as twilio-node (port added or removed, WHATWG-normalised). Compares in constant time; never throws: a
 * missing, empty or malformed signature, or unusable input, is simply `false`.
 * @example verifyRequest(profile.signature, { authToken, url, params, signature: req.headers['x-twilio-signature'] })
 */
export function verifyRequest(scheme: SignatureScheme, { authToken, url, params, signature }: SignatureCheck): boolean {
  if (typeof signature !== 'string' || signature === '') return false;
  try {
    // Compare the header text itself, as twilio-node does: decoding base64 first would accept unpadded or
    // otherwise non-canonical spellings that every official validator refuses.
    const received = Buffer.from(signature, 'utf8');
    return signatureUrlCandidates(url).some((candidate) =>
      equalInConstantTime(received, Buffer.from(signRequest(scheme, { authToken, url: candidate, ...(params !== undefined && { params }) }), 'utf8')),
    );
  } catch {
    return false;
  }
}

/**
 * Whether `signature` is the one Twilio would send for this request, accepting the same URL variants as twilio-node
 * (port added or removed, WHATWG-normalised). Compares in constant time; never throws: a missing, empty or
 * malformed signature, or unusable input, is simply `false`.
 *
 * @example verifyTwilioSignature({ authToken, url, params, signature: req.headers['x-twilio-signature'] })
 */
export function verifyTwilioSignature(check: SignatureCheck): boolean {
  return verifyRequest(TWILIO_SIGNATURE, check);
}

// timingSafeEqual throws on unequal lengths; the expected length is fixed by the hash and not secret, so checking it
// first leaks nothing.
function equalInConstantTime(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
