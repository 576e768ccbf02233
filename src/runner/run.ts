import type { Check, CheckConfig, CheckIssue, PlannedCase } from '../checks/types.js';
import { DEFAULT_FAIL_ON, failsOn, type FailOn } from '../diagnostic.js';
import { appendQuery, encodeParams } from '../sender/encode-params.js';
import { requestedUrl } from '../sender/requested-url.js';
import type { Exchange, Sender, SentRequest, WebhookRequest } from '../sender/types.js';
import { emit } from './emit.js';
import { baseRequestOf, evaluateCase, type CaseOutcome, type CaseTarget } from './evaluate.js';
import type { Reporter } from './events.js';
import { buildFinding } from './finding.js';
import { planCases } from './plan.js';
import { mapWithConcurrency } from './pool.js';
import { createRedactor, redactSecrets } from './redact.js';
import type { CheckResult, Finding, Report } from './report.js';
import { withoutCredentials } from './target-url.js';
import { DEFAULT_SHRINK_BUDGET, shrinkFailure, type ShrinkBudget } from './shrink.js';

/** Everything a run needs, already resolved (the CLI and `checkServer` build it from their options). */
export interface RunPlan {
  /** What the report calls the target: the URL without credentials, or `handler:NAME`. */
  readonly target: string;
  /** The webhook URL requests go to (for a handler: the URL it sees). */
  readonly url: string;
  readonly sender: Sender;
  readonly config: CheckConfig;
  /** The selected checks, in report order; those whose `skipReason` answers are reported skipped. */
  readonly checks: readonly Check[];
  readonly seed: number;
  readonly runs: number;
  readonly concurrency: number;
  /** Which findings fail the run (`--fail-on`); default `warning`. */
  readonly failOn?: FailOn;
  readonly reporters?: readonly Reporter[];
  /** Strings that must never appear in the report (the auth token). */
  readonly secrets?: readonly string[];
  /** `false`: report generated failures as found, unshrunk. */
  readonly shrink?: ShrinkBudget | false;
  /** Signs with the auth token for checks that forge requests (`CheckContext.sign`); absent without a token. */
  readonly sign?: CaseTarget['sign'];
  /** Aborted (e.g. Ctrl-C): no new case starts and nothing is shrunk; the report covers the cases that ran. */
  readonly signal?: AbortSignal;
  /** Where the started server's output goes (`--start`), named in the report. */
  readonly serverLog?: string;
}

interface Occurrence {
  readonly outcome: CaseOutcome;
  readonly issue: CheckIssue;
}

/**
 * Runs a conformance check: plans the cases, sends each through the sender with bounded concurrency, runs the
 * checks, shrinks generated failures, dedupes them per (check, code), emits events and returns the report.
 */
export async function runConformance(plan: RunPlan): Promise<Report> {
  const started = performance.now();
  const reporters = plan.reporters ?? [];
  const failOn = plan.failOn ?? DEFAULT_FAIL_ON;
  const cases = planCases(plan.seed, plan.runs);
  const skipReasons = new Map(plan.checks.map((c) => [c.id, c.skipReason?.(plan.config)] as const));
  const active = plan.checks.filter((c) => skipReasons.get(c.id) === undefined);
  let requests = 0;
  const target: CaseTarget = {
    url: plan.url,
    seed: plan.seed,
    config: plan.config,
    send: (request: WebhookRequest): Promise<Exchange> => {
      requests += 1;
      return plan.sender.send(request);
    },
    ...(plan.sign && { sign: plan.sign }),
  };

  await emit(reporters, { type: 'run-started', target: plan.target, seed: plan.seed, plannedCases: cases.length, checks: plan.checks.map((c) => c.id) });
  let done = 0;
  const settled = await mapWithConcurrency(cases, plan.concurrency, async (plannedCase, index) => {
    if (plan.signal?.aborted) return undefined;
    const checks = active.filter((c) => c.scope === 'case' || index === 0);
    const outcome = await evaluateCase(target, plannedCase, checks);
    done += 1;
    const failed = [...outcome.outcomes.values()].some((each) => each.issues.some((i) => failsOn(i.diagnostic.severity, failOn)));
    await emit(reporters, { type: 'case-finished', done, total: cases.length, failed });
    return outcome;
  });
  const outcomes = settled.filter((outcome): outcome is CaseOutcome => outcome !== undefined);

  const findings: Finding[] = [];
  const results: CheckResult[] = [];
  for (const check of plan.checks) {
    const ran = outcomes.flatMap((outcome) => {
      const each = outcome.outcomes.get(check.id);
      return each ? [{ outcome, each }] : [];
    });
    const judgedCases = ran.filter(({ each }) => each.notJudged === undefined).length;
    // A pass means judged: a check that had nothing to judge in any case is skipped, with the first case's reason.
    const skipReason = skipReasons.get(check.id) ?? (judgedCases === 0 ? (ran[0]?.each.notJudged ?? NOTHING_RAN) : undefined);
    if (skipReason !== undefined) {
      results.push({ id: check.id, title: check.title, status: 'skipped', skipReason, exchanges: 0, errors: 0, warnings: 0 });
      continue;
    }
    const occurrences = ran.flatMap(({ outcome, each }) => each.issues.map((issue): Occurrence => ({ outcome, issue })));
    for (const group of groupByCode(occurrences)) {
      findings.push(await findingOf(plan, target, check, group, reporters));
    }
    const errors = occurrences.filter((o) => o.issue.diagnostic.severity === 'error').length;
    const warnings = occurrences.filter((o) => o.issue.diagnostic.severity === 'warning').length;
    const failing = occurrences.some((o) => failsOn(o.issue.diagnostic.severity, failOn));
    results.push({ id: check.id, title: check.title, status: failing ? 'failed' : 'passed', exchanges: judgedCases, errors, warnings });
  }

  const safeFindings = redactSecrets(findings, plan.secrets ?? []);
  for (const finding of safeFindings) await emit(reporters, { type: 'finding', finding });
  for (const result of results) await emit(reporters, { type: 'check-finished', result });
  const report: Report = {
    // A run in which every selected check was skipped judged nothing, and an interrupted run judged only part of
    // the server: neither may pass CI (e.g. an unreachable server checked with --checks content-type only).
    ok: !safeFindings.some((f) => failsOn(f.severity, failOn)) && results.some((r) => r.status !== 'skipped') && !plan.signal?.aborted,
    failOn,
    target: plan.target,
    seed: plan.seed,
    summary: {
      requests,
      checks: results.length,
      passed: results.filter((r) => r.status === 'passed').length,
      failed: results.filter((r) => r.status === 'failed').length,
      skipped: results.filter((r) => r.status === 'skipped').length,
      durationMs: Math.round(performance.now() - started),
    },
    checks: results,
    findings: safeFindings,
    ...(plan.serverLog !== undefined && { serverLog: plan.serverLog }),
    ...(plan.signal?.aborted && { interrupted: true }),
  };
  await emit(reporters, { type: 'run-finished', report });
  return report;
}

// Only when the run was interrupted before the check's first case.
const NOTHING_RAN = 'not run: the run was interrupted first';

/** Occurrences grouped by diagnostic code, in order of first appearance (cases are in plan order). */
function groupByCode(occurrences: readonly Occurrence[]): Occurrence[][] {
  const groups = new Map<string, Occurrence[]>();
  for (const occurrence of occurrences) {
    const code = occurrence.issue.diagnostic.code;
    groups.set(code, [...(groups.get(code) ?? []), occurrence]);
  }
  return [...groups.values()];
}

/**
 * One finding for a (check, code): shown on a fixed example when one fails (they are readable already),
 * otherwise on the first generated case that failed, shrunk.
 */
async function findingOf(plan: RunPlan, target: CaseTarget, check: Check, group: readonly Occurrence[], reporters: readonly Reporter[]): Promise<Finding> {
  const first = group[0] as Occurrence;
  const example = group.find((o) => o.outcome.case.kind === 'example');
  let shown: { case: PlannedCase; issue: CheckIssue } = example ? { case: example.outcome.case, issue: example.issue } : { case: first.outcome.case, issue: first.issue };
  if (!example && plan.shrink !== false && check.scope === 'case' && !plan.signal?.aborted) {
    await emit(reporters, { type: 'shrinking', check: check.id });
    const shrunk = await shrinkFailure(target, check, first.issue.diagnostic.code, { seed: plan.seed, runs: plan.runs, index: first.outcome.case.index }, plan.shrink ?? DEFAULT_SHRINK_BUDGET);
    if (shrunk) shown = shrunk;
  }
  // A check may find the same (check, code) twice in one case (action-callback's two callbacks): count cases.
  const cases = new Set(group.map((o) => o.outcome.case.id)).size;
  return buildFinding(shown.issue, fallbackRequest(target, shown.case), cases, shown.case.label, createRedactor(plan.secrets ?? []), plan.config.timeoutMs);
}

// The sender records every request it sends; this only covers an exchange that failed before its first hop.
function fallbackRequest(target: CaseTarget, plannedCase: PlannedCase): SentRequest {
  const request = baseRequestOf(target, plannedCase);
  const body = encodeParams(request.params);
  return request.method === 'POST'
    ? { method: 'POST', url: withoutCredentials(requestedUrl(request.url)), headers: {}, body }
    : { method: 'GET', url: withoutCredentials(requestedUrl(appendQuery(request.url, body))), headers: {} };
}
