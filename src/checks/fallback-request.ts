import type { Exchange, WebhookRequest } from '../model/exchange.js';
import type { FaxProfile } from '../protocol/profile.js';
import type { TwilioErrorCode } from '../protocol/twilio-errors.js';
import { withoutCredentials } from '../secrets/hide-credentials.js';
import type { CaseRandom } from './check-api/case-random.js';
import { summarizeReply } from './verdicts/reply-summary.js';

/** A failure of the fax URL after which the service requests the fallback: its error code and the URL it occurred on. */
export interface FaxUrlFailure {
  readonly code: TwilioErrorCode;
  /** The URL the failure occurred on, credentials removed (assumption `fallback-error-url`). */
  readonly url: string;
  /** True when the fax URL did not fail and the kit drew this failure from the case's randomness. */
  readonly seeded: boolean;
}

/**
 * What `exchange` (a request to the fax URL) came to, as the service decides to request the fallback: the failure
 * (no usable reply, or TwiML it cannot execute, as `profile.fallback.requestedAfter` lists), `aborted` when the run cut
 * it, or undefined when the reply was usable.
 */
export function faxUrlFailure(exchange: Exchange, profile: FaxProfile): FaxUrlFailure | 'aborted' | undefined {
  const summary = summarizeReply(exchange, profile);
  if (summary.outcome === 'aborted') return 'aborted';
  const url = withoutCredentials(exchange.finalUrl);
  if (summary.outcome === 'failed') return { code: summary.twilioError ?? profile.errors.errorStatus, url, seeded: false };
  const stopping = summary.errors.find((d) => d.twilioError !== undefined && profile.fallback.requestedAfter.includes(d.twilioError));
  return stopping?.twilioError === undefined ? undefined : { code: stopping.twilioError, url, seeded: false };
}

/**
 * A failure of the fax URL `url` for a fallback request when the fax URL did not fail: drawn from the case's
 * randomness, or for a fixed example (`readable`) the likeliest, the first the profile lists (Twilio: 11200).
 */
export function seededFailure(random: CaseRandom, profile: FaxProfile, url: string, readable = false): FaxUrlFailure {
  const codes = profile.fallback.requestedAfter;
  return { code: codes[readable ? 0 : random.int(codes.length)] as TwilioErrorCode, url: withoutCredentials(url), seeded: true };
}

/**
 * The fallback request for a fax request: the same fax (parameters, and the caller's idempotency token when given)
 * to `fallbackUrl`, by the same method, with the failure's `ErrorCode` and `ErrorUrl` after its parameters. The
 * sender signs it as every request: with the fallback URL and every parameter.
 */
export function fallbackRequest(faxRequest: WebhookRequest, fallbackUrl: string, failure: FaxUrlFailure, profile: FaxProfile): WebhookRequest {
  const { errorCodeParam, errorUrlParam } = profile.fallback;
  const params = faxRequest.params.filter(([name]) => name !== errorCodeParam && name !== errorUrlParam);
  return {
    method: faxRequest.method,
    url: fallbackUrl,
    params: [...params, [errorCodeParam, String(failure.code)], [errorUrlParam, failure.url]],
    ...(faxRequest.idempotencyToken !== undefined && { idempotencyToken: faxRequest.idempotencyToken }),
  };
}

/** How a finding labels a fallback request: after the fax URL's real failure, or as if it had failed. */
export function fallbackLabel(failure: FaxUrlFailure, what = 'the fallback request'): string {
  return failure.seeded ? `${what}, as if the fax URL had failed with ${failure.code} (it did not)` : `${what}, after the fax URL failed with ${failure.code}`;
}
