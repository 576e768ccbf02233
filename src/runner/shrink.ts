import fc from 'fast-check';
import type { Severity } from '../model/diagnostic.js';
import type { Check, PlannedCase } from '../checks/check-api/types.js';
import { evaluateCase, type CaseTarget } from './evaluate.js';
import { caseInput } from './generated-cases.js';
import { generatedCaseLabel } from './replay.js';
import type { StampedIssue } from './run-check.js';

/** How much work shrinking one failure may take; past it the smallest failure found so far is reported. */
export interface ShrinkBudget {
  /** Most cases replayed against the server. */
  readonly maxCases: number;
  /** Most time spent; a shrink it cuts says so in its case label, since the same seed may then shrink further. */
  readonly maxMs: number;
}

/**
 * The default budget is counted in cases, which are the same on every machine, so the same seed shrinks to the same
 * case against the same server however loaded the machine is. The time limit only stops a slow server's shrink
 * (250 replays of a 1 s reply), and a shrink it cuts is labelled so.
 */
export const DEFAULT_SHRINK_BUDGET: ShrinkBudget = { maxCases: 250, maxMs: 30_000 };

/** What the case label of a shrink the time limit cut says after "(shrunk)". */
export const SHRINK_CUT_BY_TIME = 'stopped at the shrink time limit; the same seed may shrink further on a faster run';

/** The smallest case found that still fails the same (check, code, distinct), with the issue it shows. */
export interface ShrunkFailure {
  readonly case: PlannedCase;
  readonly issue: StampedIssue;
  /** fast-check's path of that case, which replays it (`--replay`). */
  readonly path: string;
}

/**
 * Shrinks generated case `index` of the run with `seed`: fast-check replays that exact case (by seed and path) and
 * tries smaller ones, keeping those that still fail `check` with the same code, severity and `distinct`. Undefined when the replay no
 * longer fails (a flaky server): the caller then reports the original case. A stop of the run ends shrinking at the
 * smallest failure so far. Rejects with the `BrokenCheckError` of a check that throws on a candidate.
 */
export async function shrinkFailure(
  target: CaseTarget,
  check: Check,
  failure: { readonly code: string; readonly severity: Severity; readonly distinct?: string },
  run: { readonly seed: number; readonly runs: number; readonly index: number },
  budget: ShrinkBudget = DEFAULT_SHRINK_BUDGET,
): Promise<ShrunkFailure | undefined> {
  const started = performance.now();
  let replayed = 0;
  let smallest: Omit<ShrunkFailure, 'path'> | undefined;
  let broken: { readonly error: unknown } | undefined;
  let cutByTime = false;
  const property = fc.asyncProperty(caseInput(target.config.profile, target.config.endpoint), async (input) => {
    // Out of budget (time only once the failure itself was replayed), or stopped: call every further candidate a pass, which ends shrinking at the smallest failure so far.
    if (broken || replayed >= budget.maxCases || target.control.stop.aborted) return true;
    if (replayed > 0 && performance.now() - started > budget.maxMs) {
      cutByTime = true;
      return true;
    }
    replayed += 1;
    const candidate: PlannedCase = { id: `generated-${run.index + 1}`, label: `generated case ${run.index + 1} (shrunk)`, kind: 'generated', index: run.index, input };
    let outcome: Awaited<ReturnType<typeof evaluateCase>>;
    try {
      outcome = await evaluateCase(target, candidate, [check]);
    } catch (error) {
      // fast-check would take a throw for a failure and shrink towards it: keep the error, end shrinking, rethrow.
      broken ??= { error };
      return true;
    }
    const issue = outcome?.outcomes.get(check.id)?.issues.find((i) => i.diagnostic.code === failure.code && i.diagnostic.severity === failure.severity && i.distinct === failure.distinct);
    if (!issue) return true;
    // fast-check's counterexample is the last candidate that failed, so this ends as the shrunk case.
    smallest = { case: candidate, issue };
    return false;
  });
  const details = await fc.check(property, { seed: run.seed, path: String(run.index), numRuns: run.runs });
  if (broken) throw broken.error;
  const path = details.counterexamplePath;
  if (!smallest || path === null) return undefined;
  const label = generatedCaseLabel(path);
  const cutLabel = label.endsWith(')') ? `${label.slice(0, -1)}; ${SHRINK_CUT_BY_TIME})` : `${label} (${SHRINK_CUT_BY_TIME})`;
  return { case: { ...smallest.case, label: cutByTime ? cutLabel : label }, issue: smallest.issue, path };
}
