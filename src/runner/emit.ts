import type { Reporter, RunEvent } from '../model/events.js';

/**
 * Delivers one event to every reporter's matching hook, awaiting those that return a promise. Every reporter gets
 * `run-finished` even when an earlier one fails (a report file that cannot be written must not swallow the report
 * on stdout); the first failure is rethrown afterwards.
 */
export async function emit(reporters: readonly Reporter[], event: RunEvent): Promise<void> {
  if (event.type === 'run-finished') {
    // One after the other, in order: reporters may share stdout (pretty, then github's annotations).
    const failures: unknown[] = [];
    for (const reporter of reporters) {
      try {
        await reporter.onRunFinished?.(event);
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length > 0) throw failures[0];
    return;
  }
  for (const reporter of reporters) {
    switch (event.type) {
      case 'run-started':
        reporter.onRunStarted?.(event);
        break;
      case 'case-finished':
        reporter.onCaseFinished?.(event);
        break;
      case 'shrinking':
        reporter.onShrinking?.(event);
        break;
      case 'finding':
        reporter.onFinding?.(event);
        break;
      case 'check-finished':
        reporter.onCheckFinished?.(event);
        break;
    }
  }
}
