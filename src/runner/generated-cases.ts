import fc from 'fast-check';
import { fallbackErrorParams } from '../../properties/fallback-error-params.js';
import { faxStatusCallbacks } from '../../properties/fax-status-callback-params.js';
import { faxWebhookParams } from '../../properties/fax-webhook-params.js';
import { sipDisplayName } from '../../properties/sip-display-name.js';
import { sipUri } from '../../properties/sip-uri.js';
import { unknownParams } from '../../properties/unknown-params.js';
import type { CaseInput } from '../checks/check-api/types.js';
import type { Endpoint } from '../checks/check-api/endpoint.js';
import type { FaxProfile } from '../protocol/profile.js';
import type { FormParams } from '../model/exchange.js';
export { deferredDraws, drawNow } from './deferred-draws.js';
import { webhookNames } from './webhook-names.js';
import { playsFallback, withFallbackError, type PlanningProfile } from './fallback-plan.js';
import { playsStatusCallbacks, statusCallbackInput, type StatusCallbackProfile } from './status-callback-cases.js';

// The generated cases of a run: everything of planning that needs fast-check and the generators of `properties/`.
// The runner loads this module on first use (`plan.ts`), once the fixed examples, which need neither, are under way.

/**
 * What planning reads of the profile: parameter names and ids, for status callbacks their protocol and media, for the
 * fallback its parameters.
 */
export type PlanProfile = StatusCallbackProfile & PlanningProfile;

/** The webhook parameters of a drawn record under the profile's names, in its order (it matters for reading a curl line). */
function toWebhookParams(record: object, profile: Pick<FaxProfile, 'parameters'>): FormParams {
  const values = record as Record<string, string>;
  return webhookNames(profile.parameters).flatMap(([drawn, sent]) => (Object.hasOwn(values, drawn) ? [[sent, values[drawn] as string] as const] : []));
}

function toFormParams(record: object): FormParams {
  return Object.entries(record as Record<string, string>);
}

/**
 * The random inputs of a case, with the profile's ids and parameter names. The base request uses phone numbers: a
 * SIP-only defect then shows once, under `sip-addresses`, rather than under every check that reads the base reply.
 * For `endpoint` `fallback` each also carries a seeded failure of a fax URL (`ErrorCode`, `ErrorUrl`: `fallback-plan.ts`);
 * for `status-callback` it is every callback of one outbound fax, drawn by `faxStatusCallbacks`.
 */
export function caseInput(profile: PlanProfile, endpoint?: Endpoint): fc.Arbitrary<CaseInput> {
  if (playsStatusCallbacks(endpoint)) return faxStatusCallbacks({ profile }).map((records) => statusCallbackInput(records, profile));
  const inputs = fc.record({
    params: faxWebhookParams({ sip: false, profile }).map((record) => toWebhookParams(record, profile)),
    sip: fc.record({ From: sipDisplayName(), To: sipUri() }),
    extras: unknownParams().map(toFormParams),
  });
  return forEndpoint(inputs, profile, endpoint);
}

/** The generated inputs of the endpoint played: those of the fax URL, plus a seeded failure of it for the fallback. */
function forEndpoint(inputs: fc.Arbitrary<CaseInput>, profile: PlanningProfile, endpoint: Endpoint | undefined): fc.Arbitrary<CaseInput> {
  if (!playsFallback(endpoint)) return inputs;
  return fc
    .record({ input: inputs, error: fallbackErrorParams({ profile }) })
    .map(({ input, error }) => ({ ...input, params: withFallbackError(input.params, profile, { code: error.ErrorCode, url: error.ErrorUrl }) }));
}

/**
 * `count` generated inputs from case `start` of the seed's sequence on: `path: String(start)` starts fast-check there,
 * so they are the same values as one sample of all.
 */
export function sampleInputs(inputs: fc.Arbitrary<CaseInput>, seed: number, start: number, count: number): readonly CaseInput[] {
  return fc.sample(inputs, { seed, path: String(start), numRuns: count });
}

/**
 * The input fast-check reaches at `path` of the run with `seed` (its seed's case `16`, then shrink steps), or
 * undefined when no run has that path.
 */
export function inputAtPath(seed: number, path: string, profile: PlanProfile, endpoint?: Endpoint): CaseInput | undefined {
  try {
    // fast-check's own replay, as shrinking runs it (fc.sample walks paths of a property differently): a property
    // that fails at once makes the case at `path` the counterexample, and `endOnFailure` stops it there.
    const details = fc.check(fc.property(caseInput(profile, endpoint), () => false), { seed, path, endOnFailure: true });
    return details.counterexample?.[0] as CaseInput | undefined;
  } catch {
    return undefined;
  }
}
