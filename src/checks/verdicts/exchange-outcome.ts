import type { FaxProfile } from '../../protocol/profile.js';
import type { TwilioErrorCode } from '../../protocol/twilio-errors.js';
import type { Exchange, TransportFailureKind } from '../../model/exchange.js';

/**
 * What one exchange came to, as Twilio would log it: a 2xx reply, a Twilio error with its code, or nothing at all
 * (the run was stopped mid-request, which proves nothing about the server).
 */
export type ExchangeOutcome =
  | { readonly kind: 'ok'; readonly ok: true; readonly status: number; readonly description: string }
  | {
      readonly kind: 'failed';
      readonly ok: false;
      readonly twilioError: TwilioErrorCode;
      /** e.g. "HTTP 403", or the transport failure ("no complete reply within 2000 ms"). */
      readonly description: string;
      /** The final status, when a reply came. */
      readonly status?: number;
      /** How the sender failed, when no reply came (or the reply broke the protocol). */
      readonly failure?: TransportFailureKind;
    }
  | { readonly kind: 'aborted'; readonly ok: false; readonly description: string };

/**
 * The one answer to "what did this exchange come to", shared by every check, in the terms of `profile`. A failure
 * maps its kind through `profile.errors.failures` (Twilio: 11205, 11206, 11210, 11215, 11216, …); a final status that
 * is not 2xx is `profile.errors.errorStatus`, whatever it is (Twilio: 11200, which covers "a 4xx or 5xx"; any other
 * final status, a 304 nobody asked for or a 1xx, is no reply either). Redirects the service does not follow never get
 * here as statuses: the sender ends them as `invalid-redirect` failures.
 * @example exchangeOutcome(exchange, context.config.profile).ok // true for a 2xx reply
 */
export function exchangeOutcome(exchange: Exchange, profile: Pick<FaxProfile, 'errors'>): ExchangeOutcome {
  const { failure, response } = exchange;
  const { errors } = profile;
  if (failure?.kind === 'aborted') return { kind: 'aborted', ok: false, description: failure.message };
  if (failure) return { kind: 'failed', ok: false, twilioError: errors.failures[failure.kind], description: failure.message, failure: failure.kind };
  const status = response?.status;
  if (status === undefined) return { kind: 'failed', ok: false, twilioError: errors.errorStatus, description: 'no reply' };
  if (status >= 200 && status < 300) return { kind: 'ok', ok: true, status, description: `HTTP ${status}` };
  return { kind: 'failed', ok: false, twilioError: errors.errorStatus, description: `HTTP ${status}`, status };
}

/** The Twilio error of an outcome, spread into a diagnostic (`{}` for an ok or aborted one). */
export function twilioErrorOf(outcome: ExchangeOutcome): { readonly twilioError?: TwilioErrorCode } {
  return outcome.kind === 'failed' ? { twilioError: outcome.twilioError } : {};
}

/** Why a check judges nothing on an exchange the run stopped before it ended. */
export const ABORTED = 'the run was stopped before the reply came';
