import type { Check, CheckConfig, PlannedCase } from '../checks/check-api/types.js';
import { DEFAULT_FAIL_ON, failsOn, type FailOn } from '../model/diagnostic.js';
import { firstRequest } from '../sender/planned-request.js';
import { requestedUrl } from '../sender/requested-url.js';
import type { Exchange, Sender, SentRequest, WebhookRequest } from '../model/exchange.js';
import { createCheckTally, type CheckTally, type IssueGroup } from './check-tally.js';
import { emit } from './emit.js';
import { baseRequestOf, evaluateCase, type CaseTarget } from './evaluate.js';
import type { Reporter } from '../model/events.js';
import { buildFinding } from './finding.js';
import { EXAMPLE_CASE_IDS, planCases } from './plan.js';
import { firstRequestOut } from './first-request-out.js';
import { forEachWithConcurrency } from './pool.js';
import { createRedactor } from '../secrets/redact.js';
import { caseAtPath, plannedPath, replayCommand, type CommandWord } from './replay.js';
import type { CheckResult, Finding, Report } from '../model/report.js';
import { finishRun } from './finish-run.js';
import { createLatencyRecorder } from './latency-histogram.js';
import { BASE_REQUESTS, createRunControl, type RunControl } from './run-control.js';
import type { StampedIssue } from './run-check.js';
import { withoutCredentials } from '../secrets/hide-credentials.js';
import type { ShrinkBudget } from './shrink.js';
import { loadOnce } from '../model/load-once.js';
import { timeoutsToStop } from './timeout-breaker.js';
import { timeoutWording } from './timeout-wording.js';

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
  /**
   * Aborted (e.g. Ctrl-C): no new case starts, requests in flight are cut (never findings) and nothing is shrunk;
   * the report covers the cases that finished.
   */
  readonly signal?: AbortSignal;
  /** Called once when the run stops (interrupted, or the server timed out on every base request): abort the sender. */
  readonly onStop?: () => void;
  /** Where the started server's output goes (`--start`), named in the report. */
  readonly serverLog?: string;
  /** Sends only the case at this path of the seed's run (`--replay`): no other case, no shrinking. */
  readonly replay?: string;
  /**
   * The command line that repeats the run's configuration (`twiml-fax-kit check URL --method GET`); each finding's
   * replay command is it plus seed, path and check. Absent (an in-process handler): findings carry seed and path only.
   */
  readonly commandLine?: readonly CommandWord[];
  /**
   * Checks `commandLine` cannot run (the custom checks of a library run, which the command does not load): their
   * findings carry seed and path only, never a command that would fail with "unknown check".
   */
  readonly commandLineOmits?: ReadonlySet<string>;
}

/** Shrinking (and with it fast-check), loaded when a generated case first fails. */
const loadShrink = loadOnce(() => import('./shrink.js'));

/** The case the checks of scope `run` look at: the first fixed example. */
const RUN_SCOPE_CASE = EXAMPLE_CASE_IDS[0];

/**
 * Runs a conformance check: plans the cases (or takes the one to replay), sends each through the sender with bounded
 * concurrency, runs the checks, keeps per check only what the report needs, shrinks generated failures, reports one
 * finding per (check, code, distinct), emits events and returns the report.
 */
export async function runConformance(plan: RunPlan): Promise<Report> {
  const started = performance.now();
  const reporters = plan.reporters ?? [];
  const failOn = plan.failOn ?? DEFAULT_FAIL_ON;
  const replayed = plan.replay === undefined ? undefined : await caseAtPath(plan.seed, plan.replay, plan.config.profile, plan.config.endpoint);
  const firstOut = firstRequestOut();
  const cases = replayed ? [Promise.resolve(replayed)] : planCases(plan.seed, plan.runs, plan.config.profile, plan.config.endpoint, { drawAfter: firstOut.promise });
  const skipReasons = new Map(plan.checks.map((c) => [c.id, c.skipReason?.(plan.config)] as const));
  const active = plan.checks.filter((c) => skipReasons.get(c.id) === undefined);
  const stopAfter = timeoutsToStop(plan.concurrency);
  const control = createRunControl({ timeoutsToStop: stopAfter, ...(plan.signal && { signal: plan.signal }), ...(plan.onStop && { onStop: plan.onStop }) });
  let requests = 0;
  const latency = createLatencyRecorder(plan.config.timeoutMs);
  const target: CaseTarget = {
    url: plan.url,
    seed: plan.seed,
    config: plan.config,
    control,
    send: (request: WebhookRequest): Promise<Exchange> => {
      requests += 1;
      // An exchange that is over releases the generators too (an in-process handler writes no headers through undici).
      return plan.sender.send(request).finally(firstOut.release).then((exchange) => {
        latency.add(exchange);
        return exchange;
      });
    },
    ...(plan.sign && { sign: plan.sign }),
  };
  const tallies = new Map<string, CheckTally>(active.map((c) => [c.id, createCheckTally()]));

  try {
    await emit(reporters, { type: 'run-started', target: plan.target, seed: plan.seed, plannedCases: cases.length, checks: plan.checks.map((c) => c.id) });
    let done = 0;
    // A broken check (one that threw) stops the run at once: going on without it would pass on what it never judged.
    // Of the cases that broke before the stop, the earliest in the plan is reported.
    let broken: { readonly position: number; readonly error: unknown } | undefined;
    await forEachWithConcurrency(
      cases,
      plan.concurrency,
      async (planned, position) => {
        const plannedCase = await planned;
        const checks = active.filter((c) => c.scope === 'case' || plannedCase.id === RUN_SCOPE_CASE);
        const outcome = await evaluateCase(target, plannedCase, checks).catch((error: unknown) => {
          if (!broken || position < broken.position) broken = { position, error };
          control.halt();
          return undefined;
        });
        // A case is over, so the examples no longer wait on the generators: they may load (if nothing released them).
        firstOut.release();
        if (!outcome) return;
        let failed = false;
        for (const [id, each] of outcome.outcomes) {
          tallies.get(id)?.add(position, plannedCase, each);
          failed ||= each.issues.some((i) => failsOn(i.diagnostic.severity, failOn));
        }
        done += 1;
        await emit(reporters, { type: 'case-finished', done, total: cases.length, failed });
      },
      () => control.stop.aborted,
    );
    if (broken) throw broken.error;
    const casesRun = done;
    const baseBreaker = control.breaker(BASE_REQUESTS);
    const stoppedEarly =
      !control.interrupted && baseBreaker.tripped
        ? `the server let ${stopAfter} requests in a row ${timeoutWording(baseBreaker.timedOut, plan.config).stopped}, as a server that is down does, so the kit stopped sending: ` +
          `${cases.length - casesRun} of ${cases.length} cases were not sent`
        : undefined;

    const findings: Finding[] = [];
    const results: CheckResult[] = [];
    for (const check of plan.checks) {
      const tally = tallies.get(check.id);
      const checkBreaker = control.breaker(check.id);
      const note = checkBreaker.tripped
        ? `stopped sending after ${stopAfter} of its requests in a row ${timeoutWording(checkBreaker.timedOut, plan.config).got}; later cases were not judged by it`
        : undefined;
      // A pass means judged: a check that had nothing to judge in any case is skipped, with the earliest case's reason.
      const skipReason = skipReasons.get(check.id) ?? (!tally || tally.judgedCases === 0 ? (tally?.firstNotJudged ?? nothingRan(plan, control, check)) : undefined);
      if (skipReason !== undefined || !tally) {
        results.push({ id: check.id, title: check.title, status: 'skipped', skipReason: skipReason ?? 'not run', exchanges: 0, errors: 0, warnings: 0, ...(note && { note }) });
        continue;
      }
      let failing = false;
      for (const group of tally.groups()) {
        findings.push(await findingOf(plan, target, check, group, reporters));
        failing ||= failsOn(group.first.issue.diagnostic.severity, failOn);
      }
      const { error: errors, warning: warnings } = tally.issues;
      results.push({ id: check.id, title: check.title, status: failing ? 'failed' : 'passed', exchanges: tally.judgedCases, errors, warnings, ...(note && { note }) });
    }

    const cutShort = control.stop.aborted || results.some((r) => r.note !== undefined);
    return await finishRun(reporters, {
      target: plan.target,
      failOn,
      seed: plan.seed,
      ...(plan.replay !== undefined && { replay: plan.replay }),
      requests,
      plannedCases: cases.length,
      cases: casesRun,
      startedAt: started,
      results,
      findings,
      secrets: plan.secrets ?? [],
      cutShort,
      latency: latency.histogram(),
      ...(plan.serverLog !== undefined && { serverLog: plan.serverLog }),
      ...(control.interrupted && { interrupted: true }),
      ...(stoppedEarly !== undefined && { stoppedEarly }),
    });
  } finally {
    firstOut.release();
    control.dispose();
  }
}

/** Why a check judged no case, when no case said why: the run stopped before, or never gave it its case. */
function nothingRan(plan: RunPlan, control: RunControl, check: Check): string {
  if (control.interrupted) return 'not run: the run was interrupted first';
  if (control.stop.aborted) return 'not judged: the kit stopped sending first, as the server let every request time out';
  if (control.breaker(check.id).tripped) return 'not judged: every request it sent timed out';
  if (plan.replay !== undefined && check.scope === 'run') return `not run: it runs once per run, on ${RUN_SCOPE_CASE}, and the replay is of ${plan.replay}`;
  return 'not run';
}

/**
 * One finding for a (check, code, distinct): shown on the earliest case that showed it (a fixed example when one
 * did: they are readable already), a generated one shrunk; with what replays that case.
 */
async function findingOf(plan: RunPlan, target: CaseTarget, check: Check, group: IssueGroup, reporters: readonly Reporter[]): Promise<Finding> {
  const { first } = group;
  let shown: { case: PlannedCase; issue: StampedIssue; path: string } = { case: first.case, issue: first.issue, path: plan.replay ?? plannedPath(first.case) };
  const shrinkable = first.case.kind === 'generated' && plan.replay === undefined && check.scope === 'case';
  if (shrinkable && plan.shrink !== false && !target.control.stop.aborted) {
    await emit(reporters, { type: 'shrinking', check: check.id });
    const failure = { code: group.code, severity: first.issue.diagnostic.severity, ...(group.distinct !== undefined && { distinct: group.distinct }) };
    const { shrinkFailure } = await loadShrink();
    const shrunk = await shrinkFailure(target, check, failure, { seed: plan.seed, runs: plan.runs, index: first.case.index }, plan.shrink);
    if (shrunk) shown = shrunk;
  }
  const caseLabel = shown.issue.label === undefined ? shown.case.label : `${shown.issue.label}, in ${shown.case.label}`;
  const finding = buildFinding(shown.issue, fallbackRequest(target, shown.case), group.cases, caseLabel, createRedactor(plan.secrets ?? []), plan.config.timeoutMs);
  const point = { seed: plan.seed, path: shown.path };
  const replayable = plan.commandLine && !plan.commandLineOmits?.has(check.id);
  return { ...finding, replay: { ...point, ...(replayable && plan.commandLine && { command: replayCommand(plan.commandLine, point, check.id) }) } };
}

// The sender records every request it sends; this only covers an exchange that failed before its first hop.
function fallbackRequest(target: CaseTarget, plannedCase: PlannedCase): SentRequest {
  // Encoded as the sender encodes it (a GET's parameters as Twilio appended them), so the curl line is the same.
  const planned = firstRequest(baseRequestOf(target, plannedCase));
  const url = withoutCredentials(requestedUrl(planned.url));
  return planned.body !== undefined ? { method: 'POST', url, headers: {}, body: planned.body } : { method: 'GET', url, headers: {} };
}
