import { actionCallbackCheck } from './action-callback.js';
import { cachingCheck } from './caching.js';
import { cookiesCheck } from './cookies.js';
import { expectVerbCheck } from './expect-verb.js';
import { formEncodingCheck } from './form-encoding.js';
import { getPostCheck } from './get-post.js';
import { fallbackReplyCheck } from './fallback-reply.js';
import { idempotencyCheck } from './idempotency.js';
import { reachableCheck } from './reachable.js';
import { responseTimeCheck } from './response-time.js';
import { signatureAcceptedCheck } from './signature-accepted.js';
import { signatureEnforcedCheck } from './signature-enforced.js';
import { sipAddressesCheck } from './sip-addresses.js';
import { statusCodeCheck } from './status-code.js';
import { twimlReplyChecks } from './twiml-reply.js';
import type { Check } from './check-api/types.js';
import { ENDPOINTS, type Endpoint } from './check-api/endpoint.js';
import { describeCheckProblem } from './check-api/define-check.js';
import { unknownParamsCheck } from './unknown-params.js';
import { statusCallbackAcceptedCheck } from './status-callback-accepted.js';
import { statusCallbackFailedFaxCheck } from './status-callback-failed-fax.js';
import { statusCallbackOrderCheck } from './status-callback-order.js';

/**
 * Every check the harness runs, in report order: transport first, then the reply, then the variants, then the
 * stateful and security checks (once per run each).
 */
export const CHECKS: readonly Check[] = [
  reachableCheck,
  responseTimeCheck,
  statusCodeCheck,
  ...twimlReplyChecks,
  expectVerbCheck,
  formEncodingCheck,
  unknownParamsCheck,
  getPostCheck,
  sipAddressesCheck,
  signatureAcceptedCheck,
  signatureEnforcedCheck,
  cookiesCheck,
  cachingCheck,
  actionCallbackCheck,
  fallbackReplyCheck,
  idempotencyCheck,
  statusCallbackAcceptedCheck,
  statusCallbackFailedFaxCheck,
  statusCallbackOrderCheck,
];

/** The endpoints a check belongs to when it does not say: those that are requested like the fax URL. */
export const DEFAULT_CHECK_ENDPOINTS: readonly Endpoint[] = ['webhook', 'fallback'];

/** The endpoints whose runs `check` belongs to (`Check.endpoints`, or `webhook` and `fallback`). */
export function endpointsOf(check: Pick<Check, 'endpoints'>): readonly Endpoint[] {
  return check.endpoints ?? DEFAULT_CHECK_ENDPOINTS;
}

/** The ids of the built-in checks of each endpoint, in report order, as `--help` lists them. */
export function checkIdsByEndpoint(checks: readonly Check[] = CHECKS): ReadonlyMap<Endpoint, readonly string[]> {
  return new Map(ENDPOINTS.map((endpoint) => [endpoint, checks.filter((c) => endpointsOf(c).includes(endpoint)).map((c) => c.id)] as const));
}

/** `endpoint` and the others named as a reader says them ("the webhook and fallback endpoints"). */
function endpointList(endpoints: readonly Endpoint[]): string {
  const names = endpoints.length <= 1 ? endpoints.join('') : `${endpoints.slice(0, -1).join(', ')} and ${endpoints.at(-1) ?? ''}`;
  return `the ${names} endpoint${endpoints.length === 1 ? '' : 's'}`;
}

/** The ids of the built-in checks, which `--checks` and `--skip-checks` accept (besides those of custom checks). */
export const CHECK_IDS: readonly string[] = CHECKS.map((c) => c.id);

/** The checks `selectChecks` (or `selectRunChecks`) picked, or why none could be. */
export type CheckSelection = { readonly ok: true; readonly checks: readonly Check[] } | { readonly ok: false; readonly message: string };

/**
 * Picks the checks of a run: `only` (when given) selects, `skip` leaves out. Unknown ids are an error that lists
 * the valid ones.
 * @example selectChecks(CHECKS, { only: ['status-code', 'content-type'] })
 */
export function selectChecks(checks: readonly Check[], options: { only?: readonly string[]; skip?: readonly string[] } = {}): CheckSelection {
  const known = new Set(checks.map((c) => c.id));
  const unknown = [...(options.only ?? []), ...(options.skip ?? [])].filter((id) => !known.has(id));
  if (unknown.length > 0) {
    const plural = unknown.length === 1 ? 'check' : 'checks';
    return { ok: false, message: `unknown ${plural} ${unknown.map((id) => `'${id}'`).join(', ')}; valid checks: ${[...known].join(', ')}` };
  }
  const only = options.only && options.only.length > 0 ? new Set(options.only) : undefined;
  const skip = new Set(options.skip ?? []);
  const selected = checks.filter((c) => (!only || only.has(c.id)) && !skip.has(c.id));
  if (selected.length === 0) return { ok: false, message: 'no check left to run; loosen --checks / --skip-checks' };
  return { ok: true, checks: selected };
}

/** The checks a run chooses from: the built-in ones, then the caller's own, each once. */
export type RunChecks = { readonly ok: true; readonly checks: readonly Check[] } | { readonly ok: false; readonly message: string };

/**
 * The built-in checks followed by `custom` ones (in the order given; the same check given twice counts once).
 * Refused with one line: a value that is not a check, an id of a built-in check, or two custom checks with one id.
 * @example withCustomChecks([repliesQuickly])
 */
export function withCustomChecks(custom: readonly unknown[] = []): RunChecks {
  const builtIn = new Set(CHECK_IDS);
  const added = new Map<string, Check>();
  const seen = new Set<unknown>();
  for (const [index, value] of custom.entries()) {
    if (seen.has(value)) continue;
    seen.add(value);
    const problem = describeCheckProblem(value);
    if (problem) return { ok: false, message: `customChecks[${index}]: ${problem}` };
    const check = value as Check;
    if (builtIn.has(check.id)) return { ok: false, message: `custom check '${check.id}' has the id of a built-in check; give it an id of its own` };
    if (added.has(check.id)) return { ok: false, message: `two custom checks have the id '${check.id}'; give each an id of its own` };
    // A hand-written check may leave out scope, as defineCheck allows: it then runs on every case.
    added.set(check.id, check.scope === undefined ? { ...check, scope: 'case' } : check);
  }
  return { ok: true, checks: [...CHECKS, ...added.values()] };
}

/**
 * The checks of a run: the built-in ones and `custom` that belong to `endpoint` (default `webhook`), narrowed by
 * `only` and `skip` (`--checks`, `--skip-checks`, which name custom checks as they name built-in ones). A check of
 * another endpoint in `only` is refused with one line naming the endpoints it belongs to.
 * @example selectRunChecks({ custom: [repliesQuickly], only: ['status-code', 'replies-quickly'] })
 */
export function selectRunChecks(options: { endpoint?: Endpoint; custom?: readonly unknown[]; only?: readonly string[]; skip?: readonly string[] }): CheckSelection {
  const all = withCustomChecks(options.custom);
  if (!all.ok) return all;
  const endpoint = options.endpoint ?? 'webhook';
  const known = new Map(all.checks.map((c) => [c.id, c] as const));
  // A check of another endpoint named in --checks is a mistake worth one line; one in --skip-checks is left out anyway.
  const elsewhere = (options.only ?? []).map((id) => known.get(id)).find((c) => c !== undefined && !endpointsOf(c).includes(endpoint));
  if (elsewhere) {
    const own = all.checks.filter((c) => endpointsOf(c).includes(endpoint)).map((c) => c.id);
    return { ok: false, message: `check '${elsewhere.id}' belongs to ${endpointList(endpointsOf(elsewhere))}, not to ${endpoint} (--endpoint); checks of ${endpoint}: ${own.join(', ')}` };
  }
  const ofEndpoint = all.checks.filter((c) => endpointsOf(c).includes(endpoint));
  const skip = (options.skip ?? []).filter((id) => !known.has(id) || ofEndpoint.some((c) => c.id === id));
  const selected = selectChecks(all.checks, { ...(options.only && { only: options.only }), skip });
  if (!selected.ok) return selected;
  const checks = selected.checks.filter((c) => endpointsOf(c).includes(endpoint));
  return checks.length === 0 ? { ok: false, message: 'no check left to run; loosen --checks / --skip-checks' } : { ok: true, checks };
}
