import fc from 'fast-check';
import { faxWebhookParams } from '../../properties/fax-webhook-params.js';
import { sipDisplayName } from '../../properties/sip-display-name.js';
import { sipUri } from '../../properties/sip-uri.js';
import { unknownParams } from '../../properties/unknown-params.js';
import { RUN_SCOPE_CASE_ID, type CaseInput, type PlannedCase } from '../checks/check-api/types.js';
import { idFromHex } from '../protocol/ids.js';
import { TWILIO_PROFILE, type FaxProfile } from '../protocol/profile.js';
import type { FormParams } from '../model/exchange.js';
import type { Endpoint } from '../checks/check-api/endpoint.js';
import { playsStatusCallbacks, statusCallbackCaseInput, statusCallbackExamples, type StatusCallbackProfile } from './status-callback-cases.js';
import { examplesForEndpoint, forEndpoint, type PlanningProfile } from './fallback-plan.js';
import { deferredDraws, drawNow, type DeferredDraw } from './deferred-draws.js';

/**
 * What planning reads of the profile: parameter names and ids, for status callbacks their protocol and media, for the
 * fallback its parameters.
 */
export type PlanProfile = StatusCallbackProfile & PlanningProfile;

/** The webhook parameters the generators draw, in the order the service lists them, with their names on its wire. */
function webhookNames({ names }: FaxProfile['parameters']): readonly (readonly [drawn: string, sent: string])[] {
  return [
    ['FaxSid', names.faxSid],
    ['AccountSid', names.accountSid],
    ['From', names.from],
    ['To', names.to],
    ['ApiVersion', names.apiVersion],
  ];
}

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
 * For `endpoint` `fallback` each also carries a seeded failure of a fax URL (`ErrorCode`, `ErrorUrl`: `fallback-plan.ts`).
 */
export function caseInput(profile: PlanProfile, endpoint?: Endpoint): fc.Arbitrary<CaseInput> {
  if (playsStatusCallbacks(endpoint)) return statusCallbackCaseInput(profile);
  const inputs = fc.record({
    params: faxWebhookParams({ sip: false, profile }).map((record) => toWebhookParams(record, profile)),
    sip: fc.record({ From: sipDisplayName(), To: sipUri() }),
    extras: unknownParams().map(toFormParams),
  });
  return forEndpoint(inputs, profile, endpoint);
}

/** The ids of the examples, as hex digits: the profile gives them its shape (`FX0123…` for Twilio). */
const EXAMPLE_FAX_HEX = ['0123456789abcdef0123456789abcdef', 'fedcba9876543210fedcba9876543210'] as const;
const EXAMPLE_ACCOUNT_HEX = '0123456789abcdef0123456789abcdef';

/**
 * Fixed, readable cases every run starts with, in the profile's terms: what a user reads first in a finding when they
 * fail. A label describes the base request only (its `From` and `To`): the SIP addresses and extra parameters are
 * sent by the checks that use them, whose findings carry their own label. For `endpoint` `fallback`, each example
 * carries a readable failure of the fax URL, which its label names.
 */
export function exampleCases(profile: PlanProfile, endpoint?: Endpoint): readonly PlannedCase[] {
  if (playsStatusCallbacks(endpoint)) return statusCallbackExamples(profile);
  return examplesForEndpoint(fixedExamples(profile), profile, endpoint);
}

function fixedExamples(profile: Pick<FaxProfile, 'parameters'>): readonly PlannedCase[] {
  const { names, faxSid, accountSid, apiVersion } = profile.parameters;
  const params = (faxHex: string, from: string, to: string): FormParams => [
    [names.faxSid, idFromHex(faxSid, faxHex)],
    [names.accountSid, idFromHex(accountSid, EXAMPLE_ACCOUNT_HEX)],
    [names.from, from],
    [names.to, to],
    [names.apiVersion, apiVersion],
  ];
  return [
    {
      // The first example is the case the checks of scope `run` look at.
      id: RUN_SCOPE_CASE_ID,
      label: 'a fax from a US number',
      kind: 'example',
      index: -1,
      input: {
        params: params(EXAMPLE_FAX_HEX[0], '+15005550006', '+15005550001'),
        sip: { From: `"Jane O'Neil" <sip:jane@example.com>`, To: 'sip:fax@example.com' },
        extras: [['FaxQuality', 'fine']],
      },
    },
    {
      id: 'example-2',
      label: 'a fax from a UK number',
      kind: 'example',
      index: -1,
      input: {
        params: params(EXAMPLE_FAX_HEX[1], '+442071838750', '+4930901820'),
        sip: { From: '"Zoë Müller + Co" <sip:+4930901820@sip.example.de>', To: 'sip:fax@example.de;transport=tls' },
        extras: [
          ['CallerName', 'ZOE MULLER'],
          ['ForwardedFrom', '+4930901821'],
        ],
      },
    },
  ];
}

/** The example cases under the Twilio profile, for tests that need a ready-made case. */
export const EXAMPLE_CASES: readonly PlannedCase[] = exampleCases(TWILIO_PROFILE);

/** The ids of the example cases, the same under every profile. */
export const EXAMPLE_CASE_IDS: readonly string[] = EXAMPLE_CASES.map((c) => c.id);

/** The cases of a run in plan order, each made when the run reaches it. */
export interface CasePlan {
  /** How many cases the run plans: the examples and the generated ones. */
  readonly length: number;
  /** The case at `position` (0-based, examples first), or `undefined` past the end. */
  at(position: number): PlannedCase | undefined;
}

/**
 * How many generated cases are split off the seed's sequence at a time. A run holds at most this many cases' random
 * streams (a few hundred bytes each), never every case (20,000 drawn inputs held 40 MB); each input is drawn when
 * the run reaches its case and dies with it, young (a batch of drawn inputs, some 1.5 MB, outlived several
 * collections and was moved to V8's old space, whose garbage makes the peak memory of a long run). Splitting a batch
 * from the middle of the sequence first skips what came before it (fast-check replays a path so), about 2 µs per
 * case skipped: some 8 s over a 100,000-case run, nothing for runs within one batch.
 */
export const CASE_BATCH = 1024;

/**
 * How many inputs are drawn together: drawing a few in a row runs fast-check's code hot, several times faster a case
 * than one draw between requests, and so few die young all the same.
 */
const DRAW_AHEAD = 32;

/**
 * The cases of a run of `endpoint` (default: the webhook) under `profile`: the fixed examples, then `runs` generated from `seed`. Generated case `i` is
 * what `fc.check(..., { seed, path: String(i) })` replays, which is how a failure is shrunk. They are drawn in
 * batches as the run reaches them (in order, as the pool takes them), so a long run does not hold every input.
 */
export function planCases(seed: number, runs: number, profile: PlanProfile, endpoint?: Endpoint): CasePlan {
  const examples = exampleCases(profile, endpoint);
  // Built when the first generated case is drawn: building the generators takes time the examples, sent first, need
  // not wait for (`check`'s first request goes out before it).
  let inputs: fc.Arbitrary<CaseInput> | undefined;
  let batchStart = -1;
  let batch: DeferredDraw[] = [];
  let drawnStart = -1;
  let drawn: CaseInput[] = [];
  const length = examples.length + Math.max(0, runs);
  return {
    length,
    at(position) {
      if (!Number.isInteger(position) || position < 0 || position >= length) return undefined;
      if (position < examples.length) return examples[position];
      const index = position - examples.length;
      const start = index - (index % CASE_BATCH);
      if (start !== batchStart) {
        // `path: String(start)` starts the seed's sequence at case `start`: the same values as one sample of all.
        batch = deferredDraws(seed, start, Math.min(CASE_BATCH, runs - start));
        batchStart = start;
      }
      inputs ??= caseInput(profile, endpoint);
      const windowStart = index - (index % DRAW_AHEAD);
      if (windowStart !== drawnStart) {
        const arbitrary = inputs;
        const end = Math.min(windowStart + DRAW_AHEAD, start + batch.length);
        drawn = batch.slice(windowStart - start, end - start).map((draw) => drawNow(arbitrary, draw));
        drawnStart = windowStart;
      }
      const input = drawn[index - windowStart] as CaseInput;
      return { id: `generated-${index + 1}`, label: `generated case ${index + 1}`, kind: 'generated', index, input };
    },
  };
}
