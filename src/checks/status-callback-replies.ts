import type { Exchange, FormParams, WebhookRequest } from '../model/exchange.js';
import type { CheckConfig, CheckContext, CheckIssue } from './check-api/types.js';
import { paramOf } from './conversation/fresh-ids.js';
import { refusedOverSignature } from './hints/failure-owner.js';
import { exchangeOutcome } from './verdicts/exchange-outcome.js';

/**
 * What the status-callback checks share: the callbacks of a case, how to send one, and what a callback that got no
 * 2xx in time comes to. Twilio acted on nothing in the reply to a status callback (its body is ignored: assumption
 * `status-callback-reply-ignored`), and a failed callback did not fail the fax: it was logged in the debugger (11200
 * for a status that is not 2xx) and not retried, so the app never learnt the fax's status (assumption
 * `status-callback-failure-logged`). The severity is the profile's (`statusCallback.failure`, Twilio's: warning).
 */

/** Every callback of the case's fax, in send order; the first is the base request. */
export function callbacksOf(context: Pick<CheckContext, 'case' | 'request'>): readonly FormParams[] {
  return context.case.input.callbacks ?? [context.request.params];
}

/** The `FaxStatus` a callback carries. */
export function statusOf(params: FormParams, config: Pick<CheckConfig, 'profile'>): string {
  return paramOf(params, config.profile.parameters.names.faxStatus) ?? '(no FaxStatus)';
}

/** Whether `params` is the last callback of a fax that was not delivered (no NumPages, no MediaUrl). */
export function isUnsuccessfulEnding(params: FormParams, config: Pick<CheckConfig, 'profile'>): boolean {
  const status = statusOf(params, config);
  return config.profile.statusCallback.unsuccessful.some((ending) => ending.status === status);
}

/** A callback as the service sends it: always by POST, to the status callback URL, signed when the run has a token. */
export function callbackRequest(context: Pick<CheckContext, 'request'>, params: FormParams): WebhookRequest {
  return { method: 'POST', url: context.request.url, params };
}

/** What a failed callback came to: its code's suffix and a description; undefined for a 2xx or a cut request. */
export interface CallbackFailure {
  /** `error_status`, `timeout` or `unreachable`: the diagnostic codes end with it. */
  readonly kind: 'error_status' | 'timeout' | 'unreachable';
  /** For `unreachable`: whether the connection never came up (nothing listening, no route), rather than broke. */
  readonly noConnection?: boolean;
  readonly description: string;
  readonly twilioError: NonNullable<CheckIssue['diagnostic']['twilioError']>;
}

/** What `exchange` came to when it was no 2xx within the timeout; `aborted` when the run cut it (proves nothing). */
export function callbackFailure(exchange: Exchange, config: Pick<CheckConfig, 'profile'>): CallbackFailure | 'aborted' | undefined {
  const outcome = exchangeOutcome(exchange, config.profile);
  if (outcome.kind === 'ok') return undefined;
  if (outcome.kind === 'aborted') return 'aborted';
  if (outcome.failure === 'timeout') return { kind: 'timeout', description: outcome.description, twilioError: outcome.twilioError };
  if (outcome.status === undefined) {
    const noConnection = ['refused', 'connect-timeout', 'unreachable', 'dns', 'private-address'].includes(exchange.failure?.kind ?? '');
    return { kind: 'unreachable', noConnection, description: outcome.description, twilioError: outcome.twilioError };
  }
  return { kind: 'error_status', description: outcome.description, twilioError: config.profile.statusCallback.failure.twilioError };
}

/** Whether `signature-accepted` judges this callback's failure: a correctly signed one refused over its signature. */
export function signatureOwnsFailure(exchange: Exchange, config: CheckConfig): boolean {
  return config.runningChecks?.has('signature-accepted') === true && refusedOverSignature(exchange, config);
}

/** What the server should do about a callback that failed so. */
export function acceptHint(failure: CallbackFailure): string {
  if (failure.kind === 'timeout') return 'answer the status callback at once (200 with an empty body) and do slow work (database, e-mail) after replying or in a queue';
  if (failure.kind === 'unreachable' && failure.noConnection) return 'nothing answered at the status callback URL: start the server, or fix the host and port of the StatusCallback URL the app sends with its faxes';
  if (failure.kind === 'unreachable') return 'the server broke the connection on this callback: look for a crash in its logs and reproduce it with the curl line';
  return `answer every status callback 200 (the body is ignored), also for statuses and faxes the app did not expect; look for the exception in the server's logs and reproduce it with the curl line`;
}

/** The consequence every finding of these checks states: what Twilio did with a failed status callback. */
export function consequence(config: Pick<CheckConfig, 'profile'>, failure: Pick<CallbackFailure, 'twilioError'>, missed = 'this status'): string {
  return `${config.profile.service} logged ${failure.twilioError} and did not retry, so the app never learnt ${missed} (the fax itself is unaffected)`;
}
