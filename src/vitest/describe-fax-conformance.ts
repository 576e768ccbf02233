import { beforeAll, describe, test } from 'vitest';
import { CHECKS, selectChecks } from '../checks/registry.js';
import { checkServer, type CheckServerOptions, type CheckTarget } from '../runner/check-server.js';
import type { Report } from '../runner/report.js';
import { formatCheckFailure } from './check-failure.js';

/** Options of `describeFaxConformance`: those of `checkServer` (same defaults) plus the run's time limit. */
export interface FaxConformanceOptions extends Omit<CheckServerOptions, 'reporters'> {
  /**
   * Longest time for the whole run (every case of every check), in ms; the suite fails past it. Default 120000.
   * Not to be confused with `timeoutMs`, the limit per request (Twilio's 15 s), as in `checkServer`.
   */
  readonly runTimeoutMs?: number;
}

const DEFAULT_RUN_TIMEOUT_MS = 120_000;

/** An Error without the kit's stack: vitest would otherwise print a code frame of this file, not of the user's. */
function failureOf(message: string): Error {
  const error = new Error(message);
  error.stack = `Error: ${message}`;
  return error;
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

  describe(name, () => {
    let report: Report | undefined;
    beforeAll(async () => {
      report = await checkServer(target, checkOptions);
    }, runTimeoutMs);

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
