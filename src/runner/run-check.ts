import { SEVERITIES, type Diagnostic } from '../model/diagnostic.js';
import type { Check, CheckContext, CheckIssue, PlannedCase } from '../checks/check-api/types.js';
import { BrokenCheckError } from './broken-check-error.js';

/** An issue as the runner keeps it: its diagnostic stamped with the id of the check that returned it. */
export interface StampedIssue extends Omit<CheckIssue, 'diagnostic'> {
  readonly diagnostic: Diagnostic;
}

/** A check's outcome on one case, every diagnostic stamped with the check's id. */
export interface StampedOutcome {
  readonly issues: readonly StampedIssue[];
  readonly notJudged?: string;
  /** The case was not one the check is about (`notJudged(reason, { notApplicable: true })`). */
  readonly notApplicable?: true;
}

/**
 * Runs one check on one case and stamps its id on every diagnostic it returns: a check never names itself, so it
 * cannot report under another check's id (the reply checks pass on the validator's diagnostics, which name
 * themselves, and are stamped all the same). A check that throws or returns something that is not an outcome is
 * a bug in the check: a `BrokenCheckError` naming the check and the case, never a finding and never a pass.
 */
export async function runCheck(check: Check, context: CheckContext): Promise<StampedOutcome> {
  let outcome: unknown;
  try {
    outcome = await check.run(context);
  } catch (error) {
    throw new BrokenCheckError(check.id, `check '${check.id}' threw on ${caseName(context.case)}: ${describeThrown(error)}`, { cause: error });
  }
  const problem = describeOutcomeProblem(outcome);
  if (problem) {
    throw new BrokenCheckError(check.id, `check '${check.id}' ${problem} on ${caseName(context.case)}; a check returns judged(issues) or notJudged(reason)`);
  }
  const valid = outcome as { issues: readonly CheckIssue[]; notJudged?: string; notApplicable?: unknown };
  if (valid.notJudged !== undefined) return { issues: [], notJudged: valid.notJudged, ...(valid.notApplicable === true && { notApplicable: true as const }) };
  return { issues: valid.issues.map((issue) => ({ ...issue, diagnostic: { ...issue.diagnostic, check: check.id } })) };
}

function caseName(plannedCase: PlannedCase): string {
  return `${plannedCase.id} (${plannedCase.label})`;
}

/** The error's first line, and where it was thrown when the stack says (the user's own file, for a custom check). */
function describeThrown(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const first = `${error.name}: ${error.message.split('\n')[0] ?? ''}`;
  const at = /^\s+at (?:.*\()?(.+?:\d+:\d+)\)?$/m.exec(error.stack ?? '')?.[1];
  return at ? `${first} (at ${at})` : first;
}

/** What is wrong with a check's return value, or undefined for a well-formed outcome. */
function describeOutcomeProblem(outcome: unknown): string | undefined {
  if (typeof outcome !== 'object' || outcome === null) return `returned ${outcome === null ? 'null' : typeof outcome}`;
  const { issues, notJudged } = outcome as { issues?: unknown; notJudged?: unknown };
  if (!Array.isArray(issues)) return 'returned an outcome without an issues array';
  if (notJudged !== undefined) {
    if (typeof notJudged !== 'string' || notJudged.trim() === '') return 'returned notJudged without a reason';
    if (issues.length > 0) return 'returned issues together with a notJudged reason';
    return undefined;
  }
  for (const [index, issue] of issues.entries()) {
    const problem = describeIssueProblem(issue);
    if (problem) return `returned an issue (issues[${index}]) ${problem}`;
  }
  return undefined;
}

function describeIssueProblem(issue: unknown): string | undefined {
  if (typeof issue !== 'object' || issue === null) return 'that is not an object';
  const { exchange, diagnostic } = issue as { exchange?: unknown; diagnostic?: unknown };
  if (typeof exchange !== 'object' || exchange === null || !Array.isArray((exchange as { hops?: unknown }).hops)) return 'without the exchange that shows it';
  if (typeof diagnostic !== 'object' || diagnostic === null) return 'without a diagnostic';
  const { code, severity, message } = diagnostic as { code?: unknown; severity?: unknown; message?: unknown };
  if (typeof code !== 'string' || code === '') return 'whose diagnostic has no code';
  if (!SEVERITIES.includes(severity as never)) return `whose severity is not one of ${SEVERITIES.join(', ')}`;
  if (typeof message !== 'string' || message === '') return 'whose diagnostic has no message';
  return undefined;
}
