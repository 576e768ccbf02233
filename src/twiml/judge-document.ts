import type { Diagnostic } from '../model/diagnostic.js';
import type { TwimlSchema } from '../protocol/twiml-schema.js';
import { checkAttributes } from './attributes.js';
import { VALIDATOR_CHECKS } from '../model/validator-checks.js';
import { collapseRepeats } from './collapse.js';
import { createTwimlContext } from './context.js';
import { declaredNonUtf8Encoding, decodeBody } from './decode.js';
import { diagnose, type Problem } from './diagnose.js';
import type { ReplyEffect } from './effect.js';
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
  for (const { problem, count } of collapseRepeats(inDocumentOrder(problems))) {
    const diagnostic = diagnose(problem, positions, count);
    diagnostics.push(diagnostic);
    if (problem.effect) effects.push({ ...problem.effect, cause: diagnostic });
  }
  const verb = context.runningVerb;
  return {
    diagnostics,
    effects,
    verb: verb ? (verb.name as 'Receive' | 'Reject') : null,
    attributes: verb ? Object.fromEntries(verb.attributes.map((a) => [a.name, a.value])) : {},
  };
}

const CHECK_ORDER = new Map(VALIDATOR_CHECKS.map((check, index) => [check.id as string, index]));

function inDocumentOrder(problems: Problem[]): Problem[] {
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) =>
      (a.problem.offset ?? 0) - (b.problem.offset ?? 0) ||
      (CHECK_ORDER.get(a.problem.check) ?? 0) - (CHECK_ORDER.get(b.problem.check) ?? 0) ||
      a.index - b.index)
    .map(({ problem }) => problem);
}
