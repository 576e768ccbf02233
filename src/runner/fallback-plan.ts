import type { PlannedCase } from '../checks/check-api/types.js';
import type { Endpoint } from '../checks/check-api/endpoint.js';
import type { FaxProfile } from '../protocol/profile.js';
import type { FormParams } from '../model/exchange.js';

/** What planning a case needs to know of the endpoint played: the profile's names and its fallback. */
export type PlanningProfile = Pick<FaxProfile, 'parameters' | 'fallback'>;

/**
 * True when the run plays the fallback URL as its endpoint (`--endpoint fallback`): every base request then carries
 * `ErrorCode` and `ErrorUrl`, so every webhook check judges the fallback handler. The one place that reads it.
 */
export function playsFallback(endpoint: Endpoint | undefined): boolean {
  return endpoint === 'fallback';
}

/** `params` with the fallback's two parameters after them, in the profile's order (assumption `fallback-params-appended`). */
export function withFallbackError(params: FormParams, profile: Pick<FaxProfile, 'fallback'>, error: { readonly code: string; readonly url: string }): FormParams {
  return [...params, [profile.fallback.errorCodeParam, error.code], [profile.fallback.errorUrlParam, error.url]];
}

/** The failures the fixed examples stand on for the fallback: a fax URL that timed out, then one that answered 500. */
const EXAMPLE_FAILURES = [
  { code: '11205', url: 'https://fax.example.com/fax', said: 'after the fax URL timed out (11205)' },
  { code: '11200', url: 'https://fax.example.com/fax', said: 'after the fax URL answered a 5xx (11200)' },
] as const;

/** The fixed examples of the endpoint played: the fax URL's, each with a readable failure for the fallback. */
export function examplesForEndpoint(examples: readonly PlannedCase[], profile: PlanningProfile, endpoint: Endpoint | undefined): readonly PlannedCase[] {
  if (!playsFallback(endpoint)) return examples;
  return examples.map((example, i) => {
    const failure = EXAMPLE_FAILURES[i % EXAMPLE_FAILURES.length] as (typeof EXAMPLE_FAILURES)[number];
    return { ...example, label: `${example.label}, ${failure.said}`, input: { ...example.input, params: withFallbackError(example.input.params, profile, failure) } };
  });
}
