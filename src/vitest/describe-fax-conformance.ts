import { beforeAll, describe, test } from 'vitest';
import { CHECKS, selectChecks } from '../checks/registry.js';
import { TWILIO_PROFILE } from '../protocol/profile.js';
import { checkServer, type CheckServerOptions, type CheckTarget } from '../runner/check-server.js';
import type { Report } from '../runner/report.js';
import { formatCheckFailure } from './check-failure.js';

/** Options of `describeFaxConformance`: those of `checkServer` (same defaults) plus the run's time limit. */
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
 * Runs the checks, stopping the run (no new case starts) once `runTimeoutMs` has passed; a stopped run fails the
 * suite with a message naming the option to raise, rather than vitest's hook timeout while the run goes on.
 */
async function runWithinTime(name: string, target: CheckTarget, options: Omit<FaxConformanceOptions, 'runTimeoutMs'>, runTimeoutMs: number): Promise<Report> {
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(), runTimeoutMs);
  const stopWithCaller = () => stop.abort();
  options.signal?.addEventListener('abort', stopWithCaller, { once: true });
  try {
    const report = await checkServer(target, { ...options, signal: stop.signal });
    if (stop.signal.aborted && !options.signal?.aborted) {
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
 * Registers a vitest suite with one test per conformance check. The checks run once (in `beforeAll`); each test
 * then fails with its check's findings (id, Twilio code, message, hint, curl line), passes, or is skipped with the
 * report's reason (e.g. "needs --method both"). Warnings of a passing check become test annotations.
 * Bad options (an unknown check id) throw at collection time.
 * @example
 * describeFaxConformance('fax webhook', { handler: app.fetch, url: 'http://localhost/fax' }, { runs: 20, seed: 1 });
 * describeFaxConformance('running server', { url: 'http://127.0.0.1:3000/fax' }, { authToken: 'test-token' });
 */
export function describeFaxConformance(name: string, target: CheckTarget, options: FaxConformanceOptions = {}): void {
  const selection = selectChecks(CHECKS, { ...(options.checks && { only: options.checks }), ...(options.skipChecks && { skip: options.skipChecks }) });
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
        const errors = report.findings.filter((f) => f.check === check.id && f.severity === 'error');
        if (result?.status === 'failed' || errors.length > 0) throw failureOf(formatCheckFailure(report, check.id));
        if (report.findings.some((f) => f.check === check.id && f.severity === 'warning')) {
          await context.annotate(formatCheckFailure(report, check.id, ['warning']), 'warning');
        }
      });
    }
  });
}
