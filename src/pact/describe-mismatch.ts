import type { TwilioErrorCode } from '../protocol/twilio-errors.js';
import type { PactMismatch } from './run-pact-verifier.js';

/** A Pact mismatch in the kit's terms: a stable code, and what to change when Twilio's error explains it. */
export interface MismatchDescription {
  /** snake_case, from Pact's mismatch type: `pact_header_mismatch`, `pact_body_mismatch`, ... */
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
  readonly twilioError?: TwilioErrorCode;
}

/** `BodyTypeMismatch` -> `pact_body_type_mismatch`. */
export function mismatchCode(type: string): string {
  const words = type.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
  return `pact_${words || 'error'}`;
}

function isContentTypeMismatch(mismatch: PactMismatch): boolean {
  return mismatch.type === 'BodyTypeMismatch' || (mismatch.type === 'HeaderMismatch' && mismatch.key?.toLowerCase() === 'content-type');
}

/** Describes one Pact mismatch, with a hint that says what to fix. */
export function describeMismatch(mismatch: PactMismatch): MismatchDescription {
  const message = mismatch.mismatch ?? `${mismatch.type}: expected ${String(mismatch.expected)}, got ${String(mismatch.actual)}`;
  const code = mismatchCode(mismatch.type);
  if (isContentTypeMismatch(mismatch)) {
    return { code, message, twilioError: 12300, hint: 'Answer TwiML with Content-Type: text/xml or application/xml; Twilio rejects any other type (error 12300).' };
  }
  if (mismatch.type === 'StatusMismatch') {
    const status = Number(mismatch.actual);
    return {
      code,
      message,
      ...(status >= 400 ? { twilioError: 11200 as const } : {}),
      hint: 'Answer the fax webhook with 200 and TwiML, and an action callback with any 2xx; check the state handler and the X-Twilio-Signature validation.',
    };
  }
  if (mismatch.type === 'BodyMismatch') {
    return { code, message, hint: 'Verb and attribute names and values are case-sensitive: <Receive>, <Reject/>, method="POST", pageSize="a4".' };
  }
  return { code, message };
}
