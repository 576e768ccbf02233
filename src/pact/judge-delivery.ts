import { caseRandom } from '../checks/check-api/case-random.js';
import type { Check, CheckConfig, PlannedCase } from '../checks/check-api/types.js';
import { reachableCheck } from '../checks/reachable.js';
import { responseTimeCheck } from '../checks/response-time.js';
import { statusCodeCheck } from '../checks/status-code.js';
import { statusCallbackAcceptedCheck } from '../checks/status-callback-accepted.js';
import { twimlReplyChecks } from '../checks/twiml-reply.js';
import type { Exchange, WebhookRequest } from '../model/exchange.js';
import { runCheck, type StampedIssue } from '../runner/run-check.js';
import type { ProxiedDelivery } from './webhook-proxy.js';

/**
 * The checks of `check` that judge an exchange on its own, sending nothing: whether it was reached and in time, its
 * final status, and (for the webhook, not an action callback, whose reply Twilio ignores) the validator's checks of
 * the reply. A Pact interaction's reply gets exactly their verdict.
 */
const EXCHANGE_CHECKS: readonly Check[] = [reachableCheck, responseTimeCheck, statusCodeCheck];
const REPLY_CHECKS: readonly Check[] = twimlReplyChecks;

/** True when a delivery is an action callback: Twilio's callbacks carry `FaxStatus`, its webhooks do not. */
export function isCallback(request: WebhookRequest): boolean {
  return request.params.some(([name]) => name === 'FaxStatus');
}

/** True when a delivery is a status callback of a fax the app sent: only those carry `OriginalMediaUrl`. */
export function isStatusCallback(request: WebhookRequest, config: Pick<CheckConfig, 'profile'>): boolean {
  return request.params.some(([name]) => name === config.profile.statusCallback.originalMediaUrlName);
}

/**
 * What `check` makes of one delivery Pact's verifier caused: the issues of the exchange checks (and the reply checks
 * for a webhook), each with the exchange that shows it, as the runner collects them.
 */
export async function judgeDelivery(delivery: ProxiedDelivery, config: CheckConfig, label: string): Promise<StampedIssue[]> {
  // A status callback of a fax the app sent is judged as `check --endpoint status-callback` judges it (a warning).
  const statusCallback = isStatusCallback(delivery.request, config);
  const checks = statusCallback ? [statusCallbackAcceptedCheck] : isCallback(delivery.request) ? EXCHANGE_CHECKS : [...EXCHANGE_CHECKS, ...REPLY_CHECKS];
  const plannedCase = caseOf(delivery.request, label);
  const issues: StampedIssue[] = [];
  for (const check of checks) {
    const outcome = await runCheck(check, {
      case: plannedCase,
      request: delivery.request,
      exchange: delivery.exchange,
      config,
      send: (request) => refuseToSend(request, config),
      random: caseRandom(`pact/${label}/${check.id}`),
    });
    issues.push(...outcome.issues);
  }
  return issues;
}

// Pact's verifier owns the traffic to the provider (its states, its order): a check that would ask the provider more
// (status-code asking as another service would) gets a request that was never sent, and judges without it.
function refuseToSend(request: WebhookRequest, config: CheckConfig): Promise<Exchange> {
  const failure = { kind: 'aborted', twilioError: config.profile.errors.failures.aborted, message: 'pact verify sends no request of its own' } as const;
  return Promise.resolve({ hops: [], failure, durationMs: 0, finalUrl: request.url });
}

/** The delivery as the case `check` would have planned: its parameters, with nothing generated around them. */
function caseOf(request: WebhookRequest, label: string): PlannedCase {
  const param = (name: string): string => request.params.find(([key]) => key === name)?.[1] ?? '';
  return { id: 'pact', label, kind: 'example', index: -1, input: { params: request.params, sip: { From: param('From'), To: param('To') }, extras: [] } };
}
