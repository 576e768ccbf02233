import type { Diagnostic, Severity } from '../diagnostic.js';
import type { TwilioErrorCode } from '../protocol/twilio-errors.js';
import type { PositionIndex } from './positions.js';
import type { ValidatorCheckId } from './checks.js';

/** What a check says about one problem; `offset` and `path` locate it in the document. */
export interface Problem {
  readonly check: ValidatorCheckId;
  readonly code: string;
  readonly severity: Severity;
  readonly twilioError: TwilioErrorCode;
  readonly message: string;
  readonly hint: string;
  readonly offset?: number;
  readonly path?: string;
}

/** Turns a problem into a diagnostic, with a 1-based line and column when it has an offset. */
export function diagnose(problem: Problem, positions?: PositionIndex): Diagnostic {
  const { check, code, severity, twilioError, message, hint, offset, path } = problem;
  const position = offset !== undefined && positions ? positions.at(offset) : undefined;
  // Built field by field so every diagnostic serialises with the same key order.
  return {
    check, code, severity, twilioError, message, hint,
    ...(position ? { line: position.line, column: position.column } : {}),
    ...(path !== undefined ? { path } : {}),
  };
}
