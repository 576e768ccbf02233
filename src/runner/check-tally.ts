import type { Severity } from '../model/diagnostic.js';
import type { PlannedCase } from '../checks/check-api/types.js';
import type { StampedIssue, StampedOutcome } from './run-check.js';

/** One case's issue, with where the case stands in the plan (smaller is earlier). */
export interface Occurrence {
  readonly position: number;
  /** Its place among the case's issues, which orders the findings of one case. */
  readonly order: number;
  readonly case: PlannedCase;
  readonly issue: StampedIssue;
}

/** Every issue of one (check, code, distinct) over the run, at one severity: one finding. */
export interface IssueGroup {
  readonly code: string;
  readonly distinct?: string;
  /** The earliest case in plan order that showed it (a fixed example before any generated case). */
  readonly first: Occurrence;
  /** How many cases showed it. */
  readonly cases: number;
}

/**
 * What the report needs of one check over the whole run, kept as the cases finish (in any order) instead of every
 * case's outcome: how many cases it judged, the first reason it could not, and per (code, distinct) the earliest
 * case and a count. Memory stays flat in the number of runs, and the result does not depend on completion order.
 */
export interface CheckTally {
  add(position: number, plannedCase: PlannedCase, outcome: StampedOutcome): void;
  readonly judgedCases: number;
  /** The reason of the earliest case (in plan order) that had nothing to judge. */
  readonly firstNotJudged: string | undefined;
  /** Issues per severity, every occurrence counted. */
  readonly issues: Readonly<Record<Severity, number>>;
  /** The groups in order of first appearance in the plan. */
  groups(): IssueGroup[];
}

interface MutableGroup {
  readonly code: string;
  readonly distinct?: string;
  first: Occurrence;
  cases: number;
}

/** An empty tally for one check. */
export function createCheckTally(): CheckTally {
  const groups = new Map<string, MutableGroup>();
  const issues: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  let judgedCases = 0;
  // The earliest reason of a case the check was about, else the earliest of any case.
  let notJudged: { position: number; reason: string; notApplicable: boolean } | undefined;
  return {
    add(position, plannedCase, outcome) {
      if (outcome.notJudged !== undefined) {
        const candidate = { position, reason: outcome.notJudged, notApplicable: outcome.notApplicable === true };
        const better = !notJudged || (notJudged.notApplicable && !candidate.notApplicable) || (notJudged.notApplicable === candidate.notApplicable && position < notJudged.position);
        if (better) notJudged = candidate;
        return;
      }
      judgedCases += 1;
      const seenInCase = new Set<string>();
      outcome.issues.forEach((issue, order) => {
        issues[issue.diagnostic.severity] += 1;
        const { code } = issue.diagnostic;
        // Severity is part of the key: one code at two severities is two findings, each with its true severity.
        const key = `${code}\u0000${issue.distinct ?? ''}\u0000${issue.diagnostic.severity}`;
        const occurrence: Occurrence = { position, order, case: plannedCase, issue };
        const group = groups.get(key);
        if (!group) {
          groups.set(key, { code, ...(issue.distinct !== undefined && { distinct: issue.distinct }), first: occurrence, cases: 1 });
        } else {
          // A check may find the same (code, distinct) twice in one case: count cases, not issues.
          if (!seenInCase.has(key)) group.cases += 1;
          if (position < group.first.position) group.first = occurrence;
        }
        seenInCase.add(key);
      });
    },
    get judgedCases() {
      return judgedCases;
    },
    get firstNotJudged() {
      return notJudged?.reason;
    },
    issues,
    groups() {
      return [...groups.values()].sort((a, b) => a.first.position - b.first.position || a.first.order - b.first.order);
    },
  };
}
