import type { Check, CheckConfig, CheckContext, CheckOutcome, PlannedCase } from '../checks/types.js';
import { caseRandom } from '../checks/case-random.js';
import type { Exchange, HttpMethod, WebhookRequest } from '../sender/types.js';

/** What one case came to: its base request and exchange, and what each check that ran on it made of it. */
export interface CaseOutcome {
  readonly case: PlannedCase;
  readonly request: WebhookRequest;
  readonly exchange: Exchange;
  readonly outcomes: ReadonlyMap<string, CheckOutcome>;
}

/** Where and how a run sends its base requests. */
export interface CaseTarget {
  readonly url: string;
  readonly config: CheckConfig;
  readonly send: (request: WebhookRequest) => Promise<Exchange>;
  /** The run's seed, from which every check's randomness derives. */
  readonly seed: number;
  /** Signs with the run's auth token (absent without one); handed to checks as `CheckContext.sign`. */
  readonly sign?: CheckContext['sign'];
}

/** The base request of a case: its parameters to the webhook URL, as the number is configured. */
export function baseRequestOf(target: CaseTarget, plannedCase: PlannedCase): WebhookRequest {
  const method: HttpMethod = target.config.method === 'both' ? 'POST' : target.config.method;
  return { method, url: target.url, params: plannedCase.input.params };
}

/**
 * Sends a case's base request and runs `checks` on it, one after the other (a case's variants stay in order;
 * cases run in parallel).
 */
export async function evaluateCase(target: CaseTarget, plannedCase: PlannedCase, checks: readonly Check[]): Promise<CaseOutcome> {
  const request = baseRequestOf(target, plannedCase);
  const exchange = await target.send(request);
  const outcomes = new Map<string, CheckOutcome>();
  for (const check of checks) {
    const random = caseRandom(`${target.seed}/${plannedCase.id}/${check.id}`);
    outcomes.set(check.id, await check.run({ case: plannedCase, request, exchange, config: target.config, send: target.send, random, ...(target.sign && { sign: target.sign }) }));
  }
  return { case: plannedCase, request, exchange, outcomes };
}
