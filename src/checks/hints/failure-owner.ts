import type { Exchange, TransportFailureKind } from '../../model/exchange.js';
import { ABORTED, exchangeOutcome, type ExchangeOutcome } from '../verdicts/exchange-outcome.js';
import type { CheckConfig } from '../check-api/types.js';
import { refusalOf } from './refusal-hint.js';

/**
 * A transport failure in a few words, for a reason repeated by every check that judged nothing: the finding of the
 * check that owns it gives the whole message.
 */
const SHORT_FAILURES: Partial<Record<TransportFailureKind, string>> = {
  'invalid-url': 'not an http(s) URL',
  dns: 'the host name does not resolve',
  refused: 'connection refused',
  'connect-timeout': 'no connection within the connect timeout',
  unreachable: 'no route to the host',
  'private-address': 'a private address the run may not reach',
  timeout: 'no complete reply within the timeout',
  reset: 'the connection closed mid-reply',
  protocol: 'a reply that breaks HTTP',
  'headers-too-large': 'reply headers far too large',
  tls: 'the TLS handshake failed',
  'cert-domain': 'a certificate for another host',
  'cert-expired': 'an expired certificate',
  'cert-untrusted': 'an untrusted certificate',
};

/** The built-in check that reports why an exchange failed, by what the failure was. */
export type FailureOwner = 'reachable' | 'response-time' | 'status-code' | 'signature-accepted';

/**
 * True when the server refused `exchange` over its signature (401/403 without an HTTP-auth challenge, or
 * twilio-node's 400 naming the signature) while the run had a token, so the request was correctly signed: a
 * validation mistake, which `signature-accepted` judges and names (see `failureOwner` for when status-code does).
 */
export function refusedOverSignature(exchange: Exchange, config: Pick<CheckConfig, 'hasAuthToken'>): boolean {
  return config.hasAuthToken && refusalOf(exchange) === 'signature';
}

/**
 * The check that owns the failure of `exchange`, or undefined when it did not fail (a 2xx) or the run stopped it:
 * `response-time` for a reply that did not come in time, `reachable` for any other transport failure, `status-code`
 * for a final status that is not 2xx (and redirects Twilio does not follow), `signature-accepted` for a correctly
 * signed request refused over its signature when it runs (`CheckConfig.runningChecks`).
 * @example failureOwner(context.exchange, context.config) // 'reachable' for a refused connection
 */
export function failureOwner(exchange: Exchange, config: Pick<CheckConfig, 'profile' | 'hasAuthToken' | 'runningChecks'>): FailureOwner | undefined {
  const outcome = exchangeOutcome(exchange, config.profile);
  return outcome.kind === 'failed' ? ownerOf(outcome, exchange, config) : undefined;
}

function ownerOf(outcome: Extract<ExchangeOutcome, { kind: 'failed' }>, exchange: Exchange, config: Pick<CheckConfig, 'hasAuthToken' | 'runningChecks'>): FailureOwner {
  const { failure } = outcome;
  if (failure === 'timeout') return 'response-time';
  if (failure === 'invalid-redirect' || failure === 'too-many-redirects') return 'status-code';
  if (failure !== undefined || outcome.status === undefined) return 'reachable';
  // A refusal over the signature is signature-accepted's only when it runs: otherwise status-code reports it.
  const signatureJudged = config.runningChecks?.has('signature-accepted') === true && refusedOverSignature(exchange, config);
  return signatureJudged ? 'signature-accepted' : 'status-code';
}

/**
 * Why a check judges nothing when `exchange` (`what`, e.g. "the base request") got no 2xx: what it came to and the
 * check that reports it, or that the run stopped it. Undefined when it got a 2xx: there is something to judge.
 * @example const failed = whyNotJudged(context.exchange, context.config); if (failed) return notJudged(failed);
 */
export function whyNotJudged(exchange: Exchange, config: Pick<CheckConfig, 'profile' | 'hasAuthToken' | 'runningChecks'>, what = 'the base request'): string | undefined {
  const outcome = exchangeOutcome(exchange, config.profile);
  if (outcome.kind === 'ok') return undefined;
  if (outcome.kind === 'aborted') return ABORTED;
  const short = (outcome.failure && SHORT_FAILURES[outcome.failure]) ?? outcome.description;
  const owner = ownerOf(outcome, exchange, config);
  // A reason must not send the user to a check this run left out (`--checks content-type`).
  const where = config.runningChecks === undefined || config.runningChecks.has(owner) ? `see ${owner}` : `${owner} reports it, and this run left it out`;
  return `${what} failed (${short}; ${where})`;
}
