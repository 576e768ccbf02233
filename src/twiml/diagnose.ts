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
 * `problem` at `offset`, as an object of one fixed shape: a reply of 15 000 `<a/>` makes 15 000 of them, and objects
 * of one shape are what keep collapsing and judging them cheap (a spread makes each a slow dictionary).
 */
export function problemAt(problem: Omit<Problem, 'offset'>, offset: number | undefined): Problem {
  return {
    check: problem.check, code: problem.code, severity: problem.severity, twilioError: problem.twilioError,
    message: problem.message, hint: problem.hint, offset, path: problem.path, effect: problem.effect,
  };
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
  // Built field by field, in one order, so every diagnostic serialises with the same key order.
  const diagnostic: { -readonly [K in keyof Diagnostic]?: Diagnostic[K] } = { check, code, severity };
  if (twilioError !== undefined) diagnostic.twilioError = twilioError;
  diagnostic.message = message;
  diagnostic.hint = hint;
  if (position) {
    diagnostic.line = position.line;
    diagnostic.column = position.column;
  }
  if (path !== undefined) diagnostic.path = path;
  if (count > 1) diagnostic.count = count;
  return diagnostic as Diagnostic;
}
