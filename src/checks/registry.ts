import { actionCallbackCheck } from './action-callback.js';
import { cachingCheck } from './caching.js';
import { cookiesCheck } from './cookies.js';
import { expectVerbCheck } from './expect-verb.js';
import { formEncodingCheck } from './form-encoding.js';
import { getPostCheck } from './get-post.js';
import { idempotencyCheck } from './idempotency.js';
import { reachableCheck } from './reachable.js';
import { responseTimeCheck } from './response-time.js';
import { signatureAcceptedCheck } from './signature-accepted.js';
import { signatureEnforcedCheck } from './signature-enforced.js';
import { sipAddressesCheck } from './sip-addresses.js';
import { statusCodeCheck } from './status-code.js';
import { twimlReplyChecks } from './twiml-reply.js';
import type { Check } from './check-api/types.js';
import { unknownParamsCheck } from './unknown-params.js';

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
  idempotencyCheck,
];

/** The ids `--checks` and `--skip-checks` accept. */
export const CHECK_IDS: readonly string[] = CHECKS.map((c) => c.id);

/** The checks `selectChecks` picked, or why none could be. */
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
