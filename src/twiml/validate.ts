import { hasErrors, type Diagnostic } from '../diagnostic.js';
import { TWILIO_PROFILE, type FaxProfile } from '../protocol/profile.js';
import { checkAttributes } from './attributes.js';
import { checkBodySize } from './body-size.js';
import { VALIDATOR_CHECKS } from './checks.js';
import { checkContentType } from './content-type.js';
import { createTwimlContext } from './context.js';
import { declaredNonUtf8Encoding, decodeBody, replyBodyOf, type ReplyBody } from './decode.js';
import { diagnose, type Problem } from './diagnose.js';
import { checkFaxAction } from './fax-action.js';
import { indexPositions } from './positions.js';
import { checkRoot } from './root.js';
import { checkVerbs } from './verbs.js';
import { parseXml } from './xml/parse.js';

/** How to judge a reply. */
export interface ValidateOptions {
  /** The reply's Content-Type: `undefined` = not known (not judged), `null` = the reply had none. */
  readonly contentType?: string | null;
  /** The fax service to judge against; Twilio by default. */
  readonly profile?: FaxProfile;
}

/** The verdict on a fax TwiML reply. */
export interface TwimlValidation {
  /** No diagnostic of error severity. */
  readonly ok: boolean;
  /** The fax verb Twilio would run, or null when there is none (or the reply is not readable TwiML). */
  readonly verb: 'Receive' | 'Reject' | null;
  /** The attributes of `verb` as written (values with references replaced). */
  readonly attributes: Record<string, string>;
  /** Header and size findings first, then the document's in document order. */
  readonly diagnostics: Diagnostic[];
}

/**
 * Validates a reply to the fax webhook as Twilio would read it. Never throws on any text or bytes (only on a body of
 * another type, a TypeError); time is linear in the body.
 * @example validateFaxTwiml('<Response><Receive pageSize="a4"/></Response>', { contentType: 'text/xml' }).ok // true
 */
export function validateFaxTwiml(reply: ReplyBody, options: ValidateOptions = {}): TwimlValidation {
  const body = replyBodyOf(reply);
  const schema = (options.profile ?? TWILIO_PROFILE).twiml;
  const byteLength = typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.byteLength;
  const diagnostics = [...checkContentType(options.contentType, schema), ...checkBodySize(byteLength, schema)];
  const finish = (problems: Diagnostic[], verb: TwimlValidation['verb'] = null, attributes: Record<string, string> = {}): TwimlValidation => {
    const all = [...diagnostics, ...problems];
    return { ok: !hasErrors(all), verb, attributes, diagnostics: all };
  };

  const decoded = decodeBody(body);
  if (!decoded.ok) {
    const position = indexPositions(decoded.validPrefix).at(decoded.validPrefix.length);
    const declared = declaredNonUtf8Encoding(decoded.validPrefix);
    return finish([{
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
    return finish([diagnose({ check: 'xml-well-formed', code, severity: 'error', twilioError: 12100, message, hint, offset }, positions)]);
  }
  const { document } = parsed;
  const rootProblems = checkRoot(document.root, schema);
  if (rootProblems.some((p) => p.code === 'root_not_response')) return finish(rootProblems.map((p) => diagnose(p, positions)));

  const context = createTwimlContext(schema, document, positions);
  const problems: Problem[] = [...rootProblems, ...checkVerbs(context), ...checkAttributes(context), ...checkFaxAction(context)];
  const verb = context.runningVerb;
  return finish(
    inDocumentOrder(problems).map((p) => diagnose(p, positions)),
    verb ? (verb.name as 'Receive' | 'Reject') : null,
    verb ? Object.fromEntries(verb.attributes.map((a) => [a.name, a.value])) : {},
  );
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
