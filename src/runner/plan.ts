import type fc from 'fast-check';
import { RUN_SCOPE_CASE_ID, type CaseInput, type PlannedCase } from '../checks/check-api/types.js';
import { idFromHex } from '../protocol/ids.js';
import { TWILIO_PROFILE, type FaxProfile } from '../protocol/profile.js';
import type { FormParams } from '../model/exchange.js';
import { loadOnce } from '../model/load-once.js';
import type { Endpoint } from '../checks/check-api/endpoint.js';
import { playsStatusCallbacks, statusCallbackExamples } from './status-callback-cases.js';
import { examplesForEndpoint } from './fallback-plan.js';
import type { PlanProfile } from './generated-cases.js';
import type { DeferredDraw } from './deferred-draws.js';

export type { PlanProfile } from './generated-cases.js';

/**
 * fast-check and the generators, loaded when the run reaches its first generated case: the fixed examples go out
 * first and need neither, so `check`'s first request does not wait for them (issue 14).
 */
export const loadGeneratedCases = loadOnce(() => import('./generated-cases.js'));

type GeneratedCases = Awaited<ReturnType<typeof loadGeneratedCases>>;

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
  /**
   * The case at `position` (0-based, examples first), or `undefined` past the end. A promise: the first generated
   * case loads the generators.
   */
  at(position: number): Promise<PlannedCase> | undefined;
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
 * `drawAfter` holds the first draw (and the loading of the generators) back until it settles: the run's first
 * request out (`first-request-out.ts`).
 */
export function planCases(seed: number, runs: number, profile: PlanProfile, endpoint?: Endpoint, options: { readonly drawAfter?: Promise<void> } = {}): CasePlan {
  const examples = exampleCases(profile, endpoint);
  // Built when the first generated case is drawn: loading and building the generators takes time the examples, sent
  // first, need not wait for (`check`'s first request goes out before it).
  let inputs: fc.Arbitrary<CaseInput> | undefined;
  let batchStart = -1;
  let batch: Promise<readonly DeferredDraw[]> = Promise.resolve([]);
  const drawBatch = async (start: number): Promise<readonly DeferredDraw[]> => {
    await options.drawAfter;
    const generated = await loadGeneratedCases();
    inputs ??= generated.caseInput(profile, endpoint);
    return generated.deferredDraws(seed, start, Math.min(CASE_BATCH, runs - start));
  };
  // The window of drawn inputs: DRAW_AHEAD of them, from case `drawnStart` on.
  let drawnStart = -1;
  let drawn: readonly CaseInput[] = [];
  const inputAt = (index: number, start: number, draws: readonly DeferredDraw[], generated: GeneratedCases): CaseInput => {
    const windowStart = index - (index % DRAW_AHEAD);
    if (windowStart !== drawnStart) {
      const arbitrary = inputs as fc.Arbitrary<CaseInput>;
      drawn = draws.slice(windowStart - start, Math.min(windowStart + DRAW_AHEAD, start + draws.length) - start).map((draw) => generated.drawNow(arbitrary, draw));
      drawnStart = windowStart;
    }
    return drawn[index - windowStart] as CaseInput;
  };
  const length = examples.length + Math.max(0, runs);
  return {
    length,
    at(position) {
      if (!Number.isInteger(position) || position < 0 || position >= length) return undefined;
      if (position < examples.length) return Promise.resolve(examples[position] as PlannedCase);
      const index = position - examples.length;
      const start = index - (index % CASE_BATCH);
      // Cases are taken in order, so one batch is held at a time; a case taken earlier holds its own batch's promise.
      if (start !== batchStart) {
        batch = drawBatch(start);
        batchStart = start;
      }
      return batch.then(async (draws): Promise<PlannedCase> => {
        const generated = await loadGeneratedCases();
        return { id: `generated-${index + 1}`, label: `generated case ${index + 1}`, kind: 'generated', index, input: inputAt(index, start, draws, generated) };
      });
    },
  };
}
