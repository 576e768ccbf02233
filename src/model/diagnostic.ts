import type { TwilioErrorCode } from '../protocol/twilio-errors.js';

/**
 * How bad a finding is, defined by what Twilio does (docs/protocol.md, "Severity"):
 * - `error`: Twilio fails the fax or the request;
 * - `warning`: Twilio logs a warning and goes on, ignoring or replacing part of what the reply asked for;
 * - `notice`: legal and documented, but worth knowing.
 */
export type Severity = 'error' | 'warning' | 'notice';

/** Every severity, worst first. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'notice'];

/**
 * Which findings fail a run (`--fail-on`): those of this severity or worse; `never` fails on none. A run that judged
 * nothing, or was interrupted, fails whatever this says.
 */
export type FailOn = Severity | 'never';

/** Every `--fail-on` value, strictest last. */
export const FAIL_ON_LEVELS: readonly FailOn[] = ['error', 'warning', 'notice', 'never'];

/**
 * The default of `--fail-on`: warnings fail CI, because a Twilio warning means part of the reply is ignored (a
 * miscased `Action` means no action callback ever comes).
 */
export const DEFAULT_FAIL_ON: FailOn = 'warning';

/**
 * True when a finding of `severity` fails a run under `failOn`.
 * @example failsOn('warning', 'warning') // true
 * @example failsOn('notice', 'warning') // false
 */
export function failsOn(severity: Severity, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(failOn);
}

/**
 * One finding about a reply or an exchange: plain data, never an exception.
 * `check` is a stable kebab-case check id (`content-type`, `verb-case`, `status-code`, ...);
 * `code` is a finer stable snake_case id (`missing_content_type`, `verb_case_mismatch`, ...).
 * Messages and hints may be reworded; `check` and `code` never change once published.
 */
export interface Diagnostic {
  readonly check: string;
  readonly code: string;
  readonly severity: Severity;
  readonly twilioError?: TwilioErrorCode;
  readonly message: string;
  readonly hint?: string;
  /** 1-based position in the reply body, when the finding points at one. */
  readonly line?: number;
  readonly column?: number;
  /** Where in the document, e.g. `Response/Receive/@pageSize`. */
  readonly path?: string;
  /** How many places in the reply show this finding, when more than one; the position is the first. */
  readonly count?: number;
}

/** True when any diagnostic is an error: Twilio would fail the fax. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** True when any diagnostic fails a run under `failOn`. */
export function hasFailing(diagnostics: readonly Diagnostic[], failOn: FailOn): boolean {
  return diagnostics.some((d) => failsOn(d.severity, failOn));
}
