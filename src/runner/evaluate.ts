import { hash } from 'node:crypto';
import type { Check, CheckConfig, CheckContext, PlannedCase } from '../checks/check-api/types.js';
import { caseRandom } from '../checks/check-api/case-random.js';
import type { Exchange, HttpMethod, WebhookRequest } from '../model/exchange.js';
import { BASE_REQUESTS, type RunControl } from './run-control.js';
import { runCheck, type StampedOutcome } from './run-check.js';
import { cutExchange, sendUnlessStopped } from './send-guard.js';

/** What one case came to: its base request and exchange, and what each check that ran on it made of it. */
export interface CaseOutcome {
  readonly case: PlannedCase;
  readonly request: WebhookRequest;
  readonly exchange: Exchange;
  /** Only the checks whose requests all ran (a check with a cut request judged nothing), by check id. */
  readonly outcomes: ReadonlyMap<string, StampedOutcome>;
}

/** Where and how a run sends its base requests. */
export interface CaseTarget {
  readonly url: string;
  readonly config: CheckConfig;
  /** Sends one request to the server; never rejects. */
  readonly send: (request: WebhookRequest) => Promise<Exchange>;
  /** The run's seed, from which every check's randomness derives. */
  readonly seed: number;
  /** Signs with the run's auth token (absent without one); handed to checks as `CheckContext.sign`. */
  readonly sign?: CheckContext['sign'];
  /** Stops the run, or one kind of request, and cuts what is in flight. */
  readonly control: RunControl;
}

/** The base request of a case: its parameters to the webhook URL, as the number is configured. */
export function baseRequestOf(target: Pick<CaseTarget, 'url' | 'config'>, plannedCase: PlannedCase): WebhookRequest {
  const method: HttpMethod = target.config.method === 'both' ? 'POST' : target.config.method;
  return { method, url: target.url, params: plannedCase.input.params };
}

/**
 * The root of every random value of a case: the seed, the case and its input. The input is part of it so that the
 * candidates fast-check tries while shrinking (one case id, other inputs) never share an idempotency token, which a
 * server that deduplicates deliveries would answer with a stored reply; a replay rebuilds the same input, so the same
 * key.
 */
export function caseKey(seed: number, plannedCase: PlannedCase): string {
  // One-shot: the same digest as a Hash object's, without making one for every case.
  const digest = hash('sha256', JSON.stringify(plannedCase.input), 'hex').slice(0, 16);
  return `${seed}/${plannedCase.id}/${digest}`;
}

/**
 * Sends a case's base request and runs `checks` on it, one after the other (a case's variants stay in order;
 * cases run in parallel), each diagnostic stamped with its check's id. Undefined when the base request was cut (the
 * run stopped): the case proves nothing. Rejects with a `BrokenCheckError` when a check throws or returns no outcome.
 * Every request carries an idempotency token drawn from the case's randomness, so a seed repeats them.
 */
export async function evaluateCase(target: CaseTarget, plannedCase: PlannedCase, checks: readonly Check[]): Promise<CaseOutcome | undefined> {
  const key = caseKey(target.seed, plannedCase);
  const { control } = target;
  const request = baseRequestOf(target, plannedCase);
  const base = control.breaker(BASE_REQUESTS);
  const exchange = await sendUnlessStopped(target.send, { ...request, idempotencyToken: caseRandom(`${key}/base`).uuid() }, [control.stop, base.signal]);
  if (!exchange) return undefined;
  base.record(exchange);
  const outcomes = new Map<string, StampedOutcome>();
  // After a stop the checks still run (one that only reads the base exchange judges it truly); any request they send
  // is cut, and with it their outcome.
  for (const check of checks) {
    const checkSend = sendForCheck(target, check.id, caseRandom(`${key}/${check.id}/idempotency-tokens`));
    const random = caseRandom(`${key}/${check.id}`);
    const outcome = await runCheck(check, { case: plannedCase, request, exchange, config: target.config, send: checkSend.send, random, ...(target.sign && { sign: target.sign }) });
    if (!checkSend.cut) outcomes.set(check.id, outcome);
  }
  return { case: plannedCase, request, exchange, outcomes };
}

/**
 * The `send` a check gets: a token from the check's own stream of the case's randomness for every request that has
 * none (in send order, so a seed repeats them), and the cut of the run and of the check's breaker. `cut` turns true
 * when any of its requests was cut; the check's outcome on the case is then discarded.
 */
function sendForCheck(target: CaseTarget, checkId: string, tokens: ReturnType<typeof caseRandom>): { send: (request: WebhookRequest) => Promise<Exchange>; readonly cut: boolean } {
  const breaker = target.control.breaker(checkId);
  let cut = false;
  return {
    get cut() {
      return cut;
    },
    async send(request) {
      // Drawn even for a request that is then cut, so a request's token never depends on timing.
      const sent = request.idempotencyToken === undefined ? { ...request, idempotencyToken: tokens.uuid() } : request;
      const exchange = cut ? undefined : await sendUnlessStopped(target.send, sent, [target.control.stop, breaker.signal]);
      if (!exchange) {
        cut = true;
        return cutExchange(sent, target.config.profile);
      }
      breaker.record(exchange);
      return exchange;
    },
  };
}
