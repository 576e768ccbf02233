import type { TwilioErrorCode } from './protocol/twilio-errors.js';

export type Severity = 'error' | 'warning' | 'info';

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
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
