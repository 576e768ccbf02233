import { afterAll, beforeAll, describe, test } from 'vitest';
import { selectRunChecks } from '../checks/registry.js';
import { failsOn, SEVERITIES } from '../model/diagnostic.js';
import { TWILIO_PROFILE } from '../protocol/profile.js';
import { checkServer, type CheckServerOptions, type CheckTarget } from '../harness/check-server.js';
import { describeCheckOptionsProblem, MAX_TIMEOUT_MS } from '../runner/check-options.js';
import { BrokenCheckError } from '../runner/broken-check-error.js';
import type { Report } from '../model/report.js';
import { formatCheckFailure } from './check-failure.js';

/**
 * Options of `describeFaxConformance`: those of `checkServer` (same defaults, `failOn` included: a check's test fails
 * on a finding at or above it, `warning` by default, as the CLI's exit code does) plus the run's time limit.
 */
export interface FaxConformanceOptions extends Omit<CheckServerOptions, 'reporters'> {
  /**
   * Longest time for the whole run (every case of every check), in ms. Default 120000. Past it no new case starts,
   * and once the cases in flight end the suite fails with a message naming this option.
   * Not to be confused with `timeoutMs`, the limit per request (Twilio's 15 s), as in `checkServer`.
   */
  readonly runTimeoutMs?: number;
}

const DEFAULT_RUN_TIMEOUT_MS = 120_000;
/** Slack for the hook beyond the run and its last requests, so vitest's own timeout only catches a hung kit. */
const HOOK_SLACK_MS = 5_000;

/** An Error without the kit's stack: vitest would otherwise print a code frame of this file, not of the user's. */
function failureOf(message: string): Error {
  const error = new Error(message);
  error.stack = `Error: ${message}`;
  return error;
}

/**
 * Runs the checks, stopping the run (no new case starts, requests in flight are cut) once `runTimeoutMs` has passed.
 * A stopped run fails the suite with a message naming the option to raise (rather than vitest's hook timeout while
 * the run goes on), and so does one the caller's `signal` stopped: an interrupted run is never a verdict.
 */
async function runWithinTime(name: string, target: CheckTarget, options: Omit<FaxConformanceOptions, 'runTimeoutMs'>, runTimeoutMs: number): Promise<Report> {
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(), runTimeoutMs);
  const stopWithCaller = () => stop.abort();
  options.signal?.addEventListener('abort', stopWithCaller, { once: true });
  if (options.signal?.aborted) stop.abort();
  try {
    const report = await checkServer(target, { ...options, signal: stop.signal }).catch((error: unknown) => {
      // A custom check's bug: its message names the check, the case and the line of the user's file that threw.
      throw error instanceof BrokenCheckError ? failureOf(`describeFaxConformance('${name}'): ${error.message}`) : error;
    });
    if (options.signal?.aborted) {
      throw failureOf(`describeFaxConformance('${name}'): the run was stopped by its signal after ${report.summary.requests} requests; an interrupted run is not a verdict`);
    }
    if (stop.signal.aborted) {
      throw failureOf(
        `describeFaxConformance('${name}'): the run took longer than runTimeoutMs (${runTimeoutMs} ms) and was stopped after ` +
          `${report.summary.requests} requests; raise runTimeoutMs, lower runs, or look for a slow reply`,
      );
    }
    return report;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', stopWithCaller);
  }
}

/**
 * Why a run that is not ok failed no check's test, or undefined when some test carries the verdict: every check
 * was skipped (nothing judged), or the kit stopped sending early. The suite then fails with this, as the CLI exits 1.
 */
function runLevelFailure(name: string, report: Report): string | undefined {
  if (report.ok || report.checks.some((c) => c.status === 'failed' || c.note !== undefined)) return undefined;
  if (report.stoppedEarly) return `describeFaxConformance('${name}'): the run stopped early: ${report.stoppedEarly}`;
  return `describeFaxConformance('${name}'): no selected check judged anything, so the run proves nothing (each skipped test says why)`;
}

/**
 * Registers a vitest suite with one test per conformance check, custom checks (`customChecks`, made with
 * `defineCheck`) included. The checks run once (in `beforeAll`); each test
 * then fails with its check's findings (id, Twilio code, message, hint, curl line), passes, or is skipped with the
 * report's reason (e.g. "needs --method both"). A check's test fails under the same `failOn` rule as the CLI's exit
 * code (a warning fails by default; a notice only with `failOn: 'notice'`), and so does a check that stopped sending
 * early; findings below `failOn` become test annotations. A run that is not ok but failed no check (nothing judged,
 * or stopped early) fails the suite. Bad options (an unknown check id, a custom check with a built-in's id, a NaN
 * number) throw a TypeError at collection time; a custom check that throws fails the suite with its message.
 * @example
 * describeFaxConformance('fax webhook', { handler: app.fetch, url: 'http://localhost/fax' }, { runs: 20, seed: 1 });
 * describeFaxConformance('running server', { url: 'http://127.0.0.1:3000/fax' }, { authToken: 'test-token' });
 * describeFaxConformance('our own rules too', { handler: app.fetch, url: 'http://localhost/fax' }, { customChecks: [rejectsUnknownNumbers] });
 */
export function describeFaxConformance(name: string, target: CheckTarget, options: FaxConformanceOptions = {}): void {
  const problem = describeCheckOptionsProblem(options) ?? runTimeoutProblem(options.runTimeoutMs);
  if (problem) throw new TypeError(`describeFaxConformance('${name}'): ${problem}`);
  const selection = selectRunChecks({
    ...(options.customChecks && { custom: options.customChecks }),
    ...(options.checks && { only: options.checks }),
    ...(options.skipChecks && { skip: options.skipChecks }),
  });
  if (!selection.ok) throw new TypeError(`describeFaxConformance('${name}'): ${selection.message}`);
  const { runTimeoutMs = DEFAULT_RUN_TIMEOUT_MS, ...checkOptions } = options;
  // Cases already in flight when the run is stopped may take a whole request's time to end.
  const requestTimeoutMs = checkOptions.timeoutMs ?? (checkOptions.profile ?? TWILIO_PROFILE).sender.totalTimeoutMs;

  describe(name, () => {
    let report: Report | undefined;
    beforeAll(async () => {
      report = await runWithinTime(name, target, checkOptions, runTimeoutMs);
    }, runTimeoutMs + requestTimeoutMs + HOOK_SLACK_MS);

    for (const check of selection.checks) {
      test(`${check.id}: ${check.title}`, async (context) => {
        // beforeAll failing already fails the suite; this only satisfies the type.
        if (!report) throw new Error('the conformance run did not complete (see the error of the suite)');
        const result = report.checks.find((c) => c.id === check.id);
        if (result?.status === 'skipped') context.skip(result.skipReason ?? 'skipped by the run');
        // The runner judged the status under failOn, as the CLI's exit code does; a check that stopped early never passes.
        if (result?.status === 'failed' || result?.note !== undefined) throw failureOf(formatCheckFailure(report, check.id));
        const below = SEVERITIES.filter((s) => !failsOn(s, report?.failOn ?? 'warning'));
        const worst = below.find((s) => report?.findings.some((f) => f.check === check.id && f.severity === s));
        if (worst) await context.annotate(formatCheckFailure(report, check.id, below), worst);
      });
    }

    afterAll(() => {
      const failure = report && runLevelFailure(name, report);
      if (failure) throw failureOf(failure);
    });
  });
}

function runTimeoutProblem(value: unknown): string | undefined {
  if (value === undefined || (typeof value === 'number' && value >= 1 && value <= MAX_TIMEOUT_MS)) return undefined;
  return `runTimeoutMs must be a number of milliseconds from 1 to ${MAX_TIMEOUT_MS}, not ${typeof value === 'number' ? value : typeof value}`;
}
