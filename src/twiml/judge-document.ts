import type { Diagnostic } from '../model/diagnostic.js';
import type { TwimlSchema } from '../protocol/twiml-schema.js';
import { checkAttributes } from './attributes.js';
import { VALIDATOR_CHECKS } from '../model/validator-checks.js';
import { collapseRepeats, type RepeatedProblem } from './collapse.js';
import { createTwimlContext } from './context.js';
import { declaredNonUtf8Encoding, decodeBody } from './decode.js';
import { diagnose, type Problem } from './diagnose.js';
import type { Effect, ReplyEffect } from './effect.js';
import { checkFaxAction } from './fax-action.js';
import { indexPositions } from './positions.js';
import { checkRoot } from './root.js';
import { checkVerbs } from './verbs.js';
import { parseXml } from './xml/parse.js';

/** What the body's document says: its findings, what Twilio does instead, and the verb that runs. */
export interface DocumentJudgement {
  readonly diagnostics: Diagnostic[];
  readonly effects: ReplyEffect[];
  readonly verb: 'Receive' | 'Reject' | null;
  readonly attributes: Record<string, string>;
}

/** A body that is not TwiML Twilio can run: its one finding, and no verb. */
function nothingRuns(diagnostics: Diagnostic[]): DocumentJudgement {
  return { diagnostics, effects: [], verb: null, attributes: {} };
}

/**
 * Judges a body as a TwiML document: UTF-8, XML, root, verbs, attributes, in document order, with repeated findings
 * collapsed. Linear in the body, whatever its size; `validateFaxTwiml` calls it only for bodies Twilio would read.
 */
export function judgeDocument(body: string | Uint8Array, schema: TwimlSchema): DocumentJudgement {
  const decoded = decodeBody(body);
  if (!decoded.ok) {
    const position = indexPositions(decoded.validPrefix).at(decoded.validPrefix.length);
    const declared = declaredNonUtf8Encoding(decoded.validPrefix);
    return nothingRuns([{
      check: 'xml-well-formed', code: 'invalid_utf8', severity: 'error', twilioError: 12100,
      message: `byte 0x${decoded.invalidByte.toString(16).toUpperCase().padStart(2, '0')} at offset ${decoded.byteOffset} is not UTF-8${declared ? `; the XML declaration says ${declared}, but Twilio reads TwiML as UTF-8` : ''}`,
      hint: declared ? 'save and send the reply as UTF-8, and declare encoding="UTF-8"' : 'save and send the reply as UTF-8',
      line: position.line, column: position.column,
    }]);
  }
  const positions = indexPositions(decoded.text);
  const parsed = parseXml(decoded.text, positions);
  if (!parsed.ok) {
    const { code, offset, message, hint } = parsed.error;
    return nothingRuns([diagnose({ check: 'xml-well-formed', code, severity: 'error', twilioError: 12100, message, hint, offset }, positions)]);
  }
  const { document } = parsed;
  const rootProblems = checkRoot(document.root, schema);
  if (rootProblems.some((p) => p.code === 'root_not_response')) return nothingRuns(rootProblems.map((p) => diagnose(p, positions)));

  const context = createTwimlContext(schema, document, positions);
  const problems: Problem[] = [...rootProblems, ...checkVerbs(context), ...checkAttributes(context), ...checkFaxAction(context)];
  const diagnostics: Diagnostic[] = [];
  const effects: ReplyEffect[] = [];
  // Collapsed first, then ordered: each check reports in document order, so the first of repeats is the first place,
  // and sorting the few merged findings costs far less than sorting 15 000 repeats.
  for (const { problem, count } of inDocumentOrder(collapseRepeats(problems))) {
    const diagnostic = diagnose(problem, positions, count);
    diagnostics.push(diagnostic);
    if (problem.effect) effects.push(withCause(problem.effect, diagnostic));
  }
  const verb = context.runningVerb;
  return {
    diagnostics,
    effects,
    verb: verb ? (verb.name as 'Receive' | 'Reject') : null,
    attributes: verb ? Object.fromEntries(verb.attributes.map((a) => [a.name, a.value])) : {},
  };
}

/** An effect with its cause, built as a literal of its kind's shape: thousands of spreads cost more than judging. */
function withCause(effect: Effect, cause: Diagnostic): ReplyEffect {
  switch (effect.kind) {
    case 'ignores':
      return { kind: 'ignores', what: effect.what, ...(effect.uses && { uses: effect.uses }), ...(effect.consequence !== undefined && { consequence: effect.consequence }), cause };
    case 'replaces':
      return { kind: 'replaces', attribute: effect.attribute, written: effect.written, uses: effect.uses, cause };
    case 'cannot-request':
      return { kind: 'cannot-request', attribute: effect.attribute, url: effect.url, consequence: effect.consequence, cause };
  }
}

const CHECK_ORDER = new Map(VALIDATOR_CHECKS.map((check, index) => [check.id as string, index]));

function inDocumentOrder(repeated: readonly RepeatedProblem[]): readonly RepeatedProblem[] {
  return repeated
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) =>
      (a.entry.problem.offset ?? 0) - (b.entry.problem.offset ?? 0) ||
      (CHECK_ORDER.get(a.entry.problem.check) ?? 0) - (CHECK_ORDER.get(b.entry.problem.check) ?? 0) ||
      a.index - b.index)
    .map(({ entry }) => entry);
}
