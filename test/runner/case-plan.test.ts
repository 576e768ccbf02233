import fc from 'fast-check';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { TWILIO_PROFILE } from '../../src/protocol/profile.js';
import { caseInput } from '../../src/runner/generated-cases.js';
import { CASE_BATCH, planCases } from '../../src/runner/plan.js';
import type { PlannedCase } from '../../src/checks/check-api/types.js';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const walk = async (plan: ReturnType<typeof planCases>, visit: (planned: PlannedCase) => void = () => undefined): Promise<void> => {
  for (let position = 0; position < plan.length; position++) visit((await plan.at(position)) as PlannedCase);
};

describe('the plan of a run', () => {
  it('draws, batch by batch, the same generated cases as one sample of the seed', async () => {
    const runs = 2 * CASE_BATCH + 10;
    const inputs: unknown[] = [];
    await walk(planCases(7, runs, TWILIO_PROFILE), (planned) => void (planned.kind === 'generated' && inputs.push(planned.input)));

    expect(inputs).toEqual(fc.sample(caseInput(TWILIO_PROFILE), { seed: 7, numRuns: runs }));
  });

  it('holds at most one batch of generated inputs, however long the run', async () => {
    const plan = planCases(3, 3 * CASE_BATCH, TWILIO_PROFILE);
    const inputs: WeakRef<object>[] = [];
    await walk(plan, (planned) => void inputs.push(new WeakRef(planned.input)));
    // A WeakRef keeps its target until the current job ends: let it end, then collect.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();

    expect(plan.length).toBe(3 * CASE_BATCH + 2);
    expect(inputs.filter((ref) => ref.deref() !== undefined).length).toBeLessThanOrEqual(CASE_BATCH + 2);
  });

  it('draws the same cases as one sample for every seed and endpoint, however the run asks for them', async () => {
    const runs = CASE_BATCH + 5;
    for (const endpoint of [undefined, 'fallback'] as const) {
      for (const seed of [-3, 42, 2 ** 31 - 1]) {
        const plan = planCases(seed, runs, TWILIO_PROFILE, endpoint);
        const examples = plan.length - runs;
        const expected = fc.sample(caseInput(TWILIO_PROFILE, endpoint), { seed, numRuns: runs });
        // Past the first batch first, then back, then one position twice: a case never depends on what came before.
        for (const index of [CASE_BATCH + 4, 0, 1, CASE_BATCH - 1, CASE_BATCH, CASE_BATCH]) {
          expect((await plan.at(examples + index))?.input, `seed ${seed}, ${endpoint ?? 'webhook'}, case ${index}`).toEqual(expected[index]);
        }
      }
    }
  });

  it('has nothing past its end', async () => {
    const plan = planCases(1, 3, TWILIO_PROFILE);
    expect([(await plan.at(4))?.id, plan.at(5), plan.at(-1)]).toEqual(['generated-3', undefined, undefined]);
  });
});
