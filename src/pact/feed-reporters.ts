import type { Reporter } from '../model/events.js';
import type { Report } from '../model/report.js';

/**
 * Replays a finished verification through the kit's reporters (pretty, json, junit, github), in the order a run
 * emits its events: started, each finding and check, finished. Resolves when every reporter has flushed.
 */
export async function feedReporters(report: Report, reporters: readonly Reporter[]): Promise<void> {
  const checkIds = report.checks.map((check) => check.id);
  for (const reporter of reporters) reporter.onRunStarted?.({ type: 'run-started', target: report.target, seed: report.seed, plannedCases: report.checks.length, checks: checkIds });
  report.checks.forEach((check, index) => {
    for (const reporter of reporters) {
      for (const finding of report.findings.filter((f) => f.check === check.id)) reporter.onFinding?.({ type: 'finding', finding });
      reporter.onCaseFinished?.({ type: 'case-finished', done: index + 1, total: report.checks.length, failed: check.status === 'failed' });
      reporter.onCheckFinished?.({ type: 'check-finished', result: check });
    }
  });
  for (const reporter of reporters) await reporter.onRunFinished?.({ type: 'run-finished', report });
}
