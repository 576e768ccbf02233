import type { Reporter } from '../model/events.js';
import type { Redactor } from '../secrets/redact.js';

/**
 * `reporter`, seeing every event with the secrets removed from every string in it: the guard at the door of every
 * output, behind the redaction where findings are built, for whatever else an event may carry (a skip reason, a
 * field added later).
 */
export function redactingReporter(reporter: Reporter, redactor: Redactor): Reporter {
  const wrapped: Reporter = {};
  if (reporter.onRunStarted) wrapped.onRunStarted = (event) => reporter.onRunStarted?.(redactor.redactDeep(event));
  if (reporter.onCaseFinished) wrapped.onCaseFinished = (event) => reporter.onCaseFinished?.(event);
  if (reporter.onShrinking) wrapped.onShrinking = (event) => reporter.onShrinking?.(redactor.redactDeep(event));
  if (reporter.onFinding) wrapped.onFinding = (event) => reporter.onFinding?.(redactor.redactDeep(event));
  if (reporter.onCheckFinished) wrapped.onCheckFinished = (event) => reporter.onCheckFinished?.(redactor.redactDeep(event));
  if (reporter.onRunFinished) wrapped.onRunFinished = (event) => reporter.onRunFinished?.(redactor.redactDeep(event));
  return wrapped;
}
