import type { Reporter, RunEvent } from './events.js';

/** Delivers one event to every reporter's matching hook, awaiting those that return a promise. */
export async function emit(reporters: readonly Reporter[], event: RunEvent): Promise<void> {
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
      case 'run-finished':
        await reporter.onRunFinished?.(event);
        break;
    }
  }
}
