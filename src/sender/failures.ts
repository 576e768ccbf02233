import type { TwilioErrorCode } from '../protocol/twilio-errors.js';
import type { TransportFailure, TransportFailureKind } from '../model/exchange.js';

/** The Twilio error each way of failing maps to (docs/protocol.md, "Error codes" and "How Twilio's HTTP client behaves"). */
export const FAILURE_TWILIO_ERRORS: Readonly<Record<TransportFailureKind, TwilioErrorCode>> = {
  'invalid-url': 11100,
  dns: 11210,
  refused: 11202,
  'connect-timeout': 11201,
  unreachable: 11205,
  // 11205 lists "URLs that reference private IP addresses or localhost" among its causes.
  'private-address': 11205,
  timeout: 11205,
  reset: 11206,
  protocol: 11206,
  'headers-too-large': 11206,
  tls: 11220,
  'cert-domain': 11235,
  'cert-expired': 11236,
  'cert-untrusted': 11237,
  'invalid-redirect': 11216,
  'too-many-redirects': 11215,
  // An aborted exchange never becomes a finding; the code only keeps the type total.
  aborted: 11205,
};

/** A failure value with its Twilio error code filled in. */
export function transportFailure(kind: TransportFailureKind, message: string): TransportFailure {
  return { kind, twilioError: FAILURE_TWILIO_ERRORS[kind], message };
}
