import type { CheckResult, Finding, Report } from './report.js';
import type { LatencyHistogram } from './latency.js';

/**
 * What a run tells its reporters as it goes. Reporters are objects of optional hooks (see src/reporters/);
 * the runner never writes output itself.
 */
export type RunEvent =
  | { readonly type: 'run-started'; readonly target: string; readonly seed?: number; readonly plannedCases: number; readonly checks: readonly string[] }
  | { readonly type: 'case-finished'; readonly done: number; readonly total: number; readonly failed: boolean }
  | { readonly type: 'shrinking'; readonly check: string }
  | { readonly type: 'finding'; readonly finding: Finding }
  | { readonly type: 'check-finished'; readonly result: CheckResult }
  | {
      readonly type: 'run-finished';
      readonly report: Report;
      /** How long the exchanges took, against the timeout: for human reports (html), never in the JSON report (it is timing). */
      readonly latency?: LatencyHistogram;
    };

/** A consumer of run events: each hook optional, as vitest's reporters are. */
export interface Reporter {
  onRunStarted?(event: Extract<RunEvent, { type: 'run-started' }>): void;
  onCaseFinished?(event: Extract<RunEvent, { type: 'case-finished' }>): void;
  onShrinking?(event: Extract<RunEvent, { type: 'shrinking' }>): void;
  onFinding?(event: Extract<RunEvent, { type: 'finding' }>): void;
  onCheckFinished?(event: Extract<RunEvent, { type: 'check-finished' }>): void;
  /** The last hook; may write files. Resolves when output is flushed. */
  onRunFinished?(event: Extract<RunEvent, { type: 'run-finished' }>): void | Promise<void>;
}
