import type { Diagnostic, Severity } from '../model/diagnostic.js';
import type { TwilioErrorCode } from '../protocol/twilio-errors.js';
import type { PositionIndex } from './positions.js';
import type { ValidatorCheckId } from '../model/validator-checks.js';
import { consequenceOf, type Effect } from './effect.js';

/** What a check says about one problem; `offset` and `path` locate it in the document. */
export interface Problem {
  readonly check: ValidatorCheckId;
  readonly code: string;
  readonly severity: Severity;
  /** Absent for a notice Twilio logs nothing for. */
  readonly twilioError?: TwilioErrorCode;
  readonly message: string;
  readonly hint: string;
  readonly offset?: number;
  readonly path?: string;
  /** What Twilio does instead because of it, when it changes what happens to the fax. */
  readonly effect?: Effect;
}

/**
 * Turns a problem into a diagnostic, with a 1-based line and column when it has an offset. The consequence of its
 * effect, when it has one ("no action callback would ever come"), ends the message: a finding says what follows for
 * the fax, in the words the verdict line uses, from the one place both take them.
 */
export function diagnose(problem: Problem, positions?: PositionIndex, count = 1): Diagnostic {
  const { check, code, severity, twilioError, hint, offset, path } = problem;
  const position = offset !== undefined && positions ? positions.at(offset) : undefined;
  const consequence = consequenceOf(problem.effect);
  const said = consequence !== undefined ? `${problem.message}: ${consequence}` : problem.message;
  const message = count > 1 ? `${said} (${count.toLocaleString('en-US')} times in the reply; the position is the first)` : said;
  // Built field by field so every diagnostic serialises with the same key order.
  return {
    check, code, severity, ...(twilioError !== undefined ? { twilioError } : {}), message, hint,
    ...(position ? { line: position.line, column: position.column } : {}),
    ...(path !== undefined ? { path } : {}),
    ...(count > 1 ? { count } : {}),
  };
}
