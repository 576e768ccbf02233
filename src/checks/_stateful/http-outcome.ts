import type { TwilioErrorCode } from '../../protocol/twilio-errors.js';
import type { Exchange } from '../../sender/types.js';

/** Whether a delivery got a 2xx reply, and how to say what happened instead. */
export interface HttpOutcome {
  readonly ok: boolean;
  /** e.g. "HTTP 403", or the failure ("no complete reply within 2000 ms"). */
  readonly description: string;
  readonly status?: number;
  readonly twilioError?: TwilioErrorCode;
}

/** The HTTP-level outcome of an exchange: a 2xx final reply, an error status, or no reply at all. */
export function httpOutcomeOf(exchange: Exchange): HttpOutcome {
  if (exchange.failure) return { ok: false, description: exchange.failure.message, twilioError: exchange.failure.twilioError };
  const status = exchange.response?.status ?? 0;
  if (status >= 200 && status < 300) return { ok: true, description: `HTTP ${status}`, status };
  return { ok: false, description: `HTTP ${status}`, status, twilioError: status >= 400 ? 11200 : 11216 };
}
