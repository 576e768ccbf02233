import { describe, expect, it } from 'vitest';
import type { Severity } from '../../src/model/diagnostic.js';
import type { PlannedCase } from '../../src/checks/check-api/types.js';
import type { StampedIssue } from '../../src/runner/run-check.js';
import { createCheckTally } from '../../src/runner/check-tally.js';
import { EXAMPLE_CASES } from '../../src/runner/plan.js';
import type { Exchange } from '../../src/model/exchange.js';

const exchange: Exchange = { hops: [], durationMs: 0, finalUrl: 'http://localhost/fax' };

function issue(code: string, options: { severity?: Severity; distinct?: string } = {}): StampedIssue {
  return {
    exchange,
    diagnostic: { check: 'c', code, severity: options.severity ?? 'error', message: code },
    ...(options.distinct !== undefined && { distinct: options.distinct }),
  };
}

function generated(index: number): PlannedCase {
  return { id: `generated-${index + 1}`, label: `generated case ${index + 1}`, kind: 'generated', index, input: EXAMPLE_CASES[0]!.input };
}

describe('the tally of one check', () => {
  it('keeps one group per (code, distinct) with the earliest case in the plan, whatever order cases finish in', () => {
    const tally = createCheckTally();
    tally.add(5, generated(3), { issues: [issue('late'), issue('callback', { distinct: 'failed' })] });
    tally.add(2, generated(0), { issues: [issue('callback', { distinct: 'received' }), issue('late')] });
    tally.add(0, EXAMPLE_CASES[0]!, { issues: [] });
    const groups = tally.groups();
    expect(groups.map((g) => [g.code, g.distinct, g.first.position, g.cases])).toEqual([
      ['callback', 'received', 2, 1],
      ['late', undefined, 2, 2],
      ['callback', 'failed', 5, 1],
    ]);
    expect(tally.judgedCases).toBe(3);
  });

  it('counts a case once per group however often the case shows it', () => {
    const tally = createCheckTally();
    tally.add(0, generated(0), { issues: [issue('twice'), issue('twice')] });
    tally.add(1, generated(1), { issues: [issue('twice')] });
    expect(tally.groups()).toMatchObject([{ code: 'twice', cases: 2 }]);
    expect(tally.issues).toEqual({ error: 3, warning: 0, notice: 0 });
  });

  it('keeps one code at two severities apart, so each finding has its true severity', () => {
    const tally = createCheckTally();
    tally.add(0, generated(0), { issues: [issue('value', { severity: 'warning' }), issue('value', { severity: 'error' })] });
    expect(tally.groups().map((g) => g.first.issue.diagnostic.severity)).toEqual(['warning', 'error']);
  });

  it('gives the reason of the earliest case that had nothing to judge', () => {
    const tally = createCheckTally();
    tally.add(7, generated(5), { issues: [], notJudged: 'later reason' });
    tally.add(3, generated(1), { issues: [], notJudged: 'earliest reason' });
    expect({ judged: tally.judgedCases, reason: tally.firstNotJudged }).toEqual({ judged: 0, reason: 'earliest reason' });
  });

  it('takes in a million occurrences of one code (a reply with thousands of unknown elements, many cases) at once', () => {
    // One array copy per occurrence, as before, would be 5 * 10^11 element copies here: the test would never end.
    const tally = createCheckTally();
    const issues = Array.from({ length: 5_000 }, () => issue('unknown_verb', { severity: 'warning' }));
    for (let position = 0; position < 200; position += 1) tally.add(position, generated(position), { issues });
    expect(tally.groups()).toMatchObject([{ code: 'unknown_verb', cases: 200, first: { position: 0 } }]);
    expect(tally.issues.warning).toBe(1_000_000);
  });
});
