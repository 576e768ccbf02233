import fc from 'fast-check';
import type { Check, CheckIssue, PlannedCase } from '../checks/types.js';
import { evaluateCase, type CaseTarget } from './evaluate.js';
import { caseInput } from './plan.js';

/** How much work shrinking one failure may take; past it the smallest failure found so far is reported. */
export interface ShrinkBudget {
  /** Most cases replayed against the server. */
  readonly maxCases: number;
  readonly maxMs: number;
}

export const DEFAULT_SHRINK_BUDGET: ShrinkBudget = { maxCases: 250, maxMs: 4_000 };

/** The smallest case found that still fails the same (check, code), with the issue it shows. */
export interface ShrunkFailure {
  readonly case: PlannedCase;
  readonly issue: CheckIssue;
}

/**
 * Shrinks generated case `index` of the run with `seed`: fast-check replays that exact case (by seed and path) and
 * tries smaller ones, keeping those that still fail `check` with `code`. Undefined when the replay no longer fails
 * (a flaky server): the caller then reports the original case.
 */
export async function shrinkFailure(
  target: CaseTarget,
  check: Check,
  code: string,
  run: { readonly seed: number; readonly runs: number; readonly index: number },
  budget: ShrinkBudget = DEFAULT_SHRINK_BUDGET,
): Promise<ShrunkFailure | undefined> {
  const started = performance.now();
  let replayed = 0;
  let smallest: ShrunkFailure | undefined;
  const property = fc.asyncProperty(caseInput(), async (input) => {
    // Out of budget: call every further candidate a pass, which ends shrinking at the smallest failure so far.
    if (replayed >= budget.maxCases || performance.now() - started > budget.maxMs) return true;
    replayed += 1;
    const candidate: PlannedCase = { id: `generated-${run.index + 1}`, label: `generated case ${run.index + 1} (shrunk)`, kind: 'generated', index: run.index, input };
    const outcome = await evaluateCase(target, candidate, [check]);
    const issue = outcome.outcomes.get(check.id)?.issues.find((i) => i.diagnostic.code === code);
    if (!issue) return true;
    // fast-check's counterexample is the last candidate that failed, so this ends as the shrunk case.
    smallest = { case: candidate, issue };
    return false;
  });
  await fc.check(property, { seed: run.seed, path: String(run.index), numRuns: run.runs });
  return smallest;
}
