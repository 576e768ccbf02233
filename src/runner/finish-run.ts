import { failsOn, type FailOn } from '../model/diagnostic.js';
import type { Reporter } from '../model/events.js';
import type { LatencyHistogram } from '../model/latency.js';
import type { CheckResult, Finding, Report } from '../model/report.js';
import { redactSecrets } from '../secrets/redact.js';
import { emit } from './emit.js';

/** What a finished run hands over to be reported: its checks' results and findings, and what the report says of it. */
export interface FinishedRun {
  readonly target: string;
  readonly failOn: FailOn;
  /** Absent for runs no seed repeats (`pact verify`). */
  readonly seed?: number;
  readonly replay?: string;
  readonly requests: number;
  readonly plannedCases: number;
  readonly cases: number;
  /** `performance.now()` when the run started. */
  readonly startedAt: number;
  readonly results: readonly CheckResult[];
  /** Built by `buildFinding`; redacted here once more, with `secrets`, before any reporter sees them. */
  readonly findings: readonly Finding[];
  readonly secrets?: readonly string[];
  /** The run did not judge all it planned (stopped, a check's breaker): never ok. */
  readonly cutShort?: boolean;
  readonly serverLog?: string;
  readonly interrupted?: boolean;
  readonly stoppedEarly?: string;
  /** How long the exchanges took (for human reports, with the `run-finished` event; never in the JSON report). */
  readonly latency?: LatencyHistogram;
}

/**
 * Ends a run the one way every command ends it: emits each finding, then each check's result, then `run-finished`
 * with the report, in that order, and returns the report. `ok` follows one rule: no finding fails under `failOn`, at
 * least one check judged something, and the run was not cut short.
 */
export async function finishRun(reporters: readonly Reporter[], run: FinishedRun): Promise<Report> {
  const findings = redactSecrets(run.findings, run.secrets ?? []);
  for (const finding of findings) await emit(reporters, { type: 'finding', finding });
  for (const result of run.results) await emit(reporters, { type: 'check-finished', result });
  const judged = run.results.filter((r) => r.status !== 'skipped').length;
  const report: Report = {
    version: 1,
    // A run in which every selected check was skipped judged nothing, and a run cut short judged only part of the
    // server: neither may pass CI (e.g. an unreachable server checked with --checks content-type only).
    ok: !findings.some((f) => failsOn(f.severity, run.failOn)) && judged > 0 && run.cutShort !== true,
    failOn: run.failOn,
    target: run.target,
    ...(run.seed !== undefined && { seed: run.seed }),
    ...(run.replay !== undefined && { replay: run.replay }),
    summary: {
      requests: run.requests,
      plannedCases: run.plannedCases,
      cases: run.cases,
      checks: run.results.length,
      judged,
      passed: run.results.filter((r) => r.status === 'passed').length,
      failed: run.results.filter((r) => r.status === 'failed').length,
      skipped: run.results.filter((r) => r.status === 'skipped').length,
      durationMs: Math.round(performance.now() - run.startedAt),
    },
    checks: run.results,
    findings,
    ...(run.serverLog !== undefined && { serverLog: run.serverLog }),
    ...(run.interrupted === true && { interrupted: true }),
    ...(run.stoppedEarly !== undefined && { stoppedEarly: run.stoppedEarly }),
  };
  await emit(reporters, { type: 'run-finished', report, ...(run.latency && { latency: run.latency }) });
  return report;
}
