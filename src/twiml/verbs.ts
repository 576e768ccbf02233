import { verbSpec, verbSpecIgnoringCase, type TwimlContext } from './context.js';
import { problemAt, type Problem } from './diagnose.js';
import type { Severity } from '../model/diagnostic.js';
import type { TwimlSchema } from '../protocol/twiml-schema.js';
import { clipName } from './quote.js';

// Voice and messaging verbs people paste into fax replies, to say where they come from.
const OTHER_TWIML_VERBS = new Set([
  'Say', 'Play', 'Dial', 'Gather', 'Hangup', 'Pause', 'Record', 'Redirect', 'Message', 'Sms', 'Enqueue', 'Leave',
  'Connect', 'Pay', 'Refer', 'Start', 'Stop', 'Prompt', 'Echo', 'Queue',
]);

/**
 * verb-case and known-verbs: every element in `<Response>` must be a fax verb, spelled exactly.
 * Severity: Twilio skips an element it does not know (12200, a warning). When no fax verb is left the fax fails
 * (fax-action reports 34106), and then the element that should have been the verb is an error too: it is the cause.
 * While another fax verb still runs, the fax works and the element is a warning.
 */
export function checkVerbs(context: TwimlContext): Problem[] {
  const { schema, document, runningVerb } = context;
  const severity = runningVerb ? 'warning' : 'error';
  // Said the same way whether the element comes before the fax verb or after it ("runs <Receive> instead" would be
  // odd after it), so that repeats of one element stay one finding.
  // Built at the first element that needs it: naming the verb's place costs a position lookup, which a reply with
  // nothing to report should not pay.
  let skipped: string | undefined;
  const problems: Problem[] = [];
  // 15 000 `<a/>` say the same 15 000 times: what a name says is built once, and each place only adds its offset.
  let said: Map<string, Omit<Problem, 'offset'>> | undefined;
  for (const child of document.children) {
    let problem = said?.get(child.name);
    if (problem === undefined) {
      if (verbSpec(schema, child.name)) continue;
      skipped ??= runningVerb ? `; Twilio skips it (the fax verb that runs is <${runningVerb.name}> at ${context.where(runningVerb.offset)})` : '; Twilio skips it, leaving no fax verb';
      problem = unknownElement(child.name, schema, severity, skipped, runningVerb !== undefined);
      (said ??= new Map()).set(child.name, problem);
    }
    problems.push(problemAt(problem, child.offset));
  }
  return problems;
}

/** What verb-case or known-verbs says about an element named `name` that is not a fax verb, wherever it is. */
function unknownElement(name: string, schema: TwimlSchema, severity: Severity, skipped: string, verbRuns: boolean): Omit<Problem, 'offset'> {
  const path = `${schema.root}/${name}`;
  const shown = `<${clipName(name)}>`;
  const effect = verbRuns ? { effect: { kind: 'ignores', what: shown } as const } : {};
  const meant = verbSpecIgnoringCase(schema, name);
  // A service that fails the reply on a miscased verb (schema.miscasedVerb, SignalWire's) makes it an error wherever it is.
  if (meant && schema.miscasedVerb === 'error') {
    return {
      check: 'verb-case', code: 'verb_case_mismatch', severity: 'error', twilioError: 12200,
      message: `${shown} is not a fax verb: verb names are case-sensitive, and a verb in the wrong case is an error`,
      hint: `rename ${shown} to <${meant.name}>`, path,
    };
  }
  if (meant) {
    return {
      check: 'verb-case', code: 'verb_case_mismatch', severity, twilioError: 12200,
      message: `${shown} is not a fax verb: verb names are case-sensitive${skipped}`,
      hint: `rename ${shown} to <${meant.name}>`, path, ...effect,
    };
  }
  const verbs = schema.verbs.map((verb) => `<${verb.name}>`).join(' or ');
  const origin = OTHER_TWIML_VERBS.has(name) ? 'a voice or messaging verb, not fax TwiML' : 'not fax TwiML';
  return {
    check: 'known-verbs', code: 'unknown_verb', severity, twilioError: 12200,
    message: `${shown} is ${origin}${skipped}`,
    hint: name === 'Hangup' ? 'use <Reject/> to refuse the fax' : `remove ${shown}; a fax reply holds ${verbs}`,
    path, ...effect,
  };
}
