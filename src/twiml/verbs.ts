import { verbSpec, verbSpecIgnoringCase, type TwimlContext } from './context.js';
import type { Problem } from './diagnose.js';
import { clip } from './quote.js';

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
  const skipped = runningVerb ? `; Twilio skips it (the fax verb that runs is <${runningVerb.name}> at ${context.where(runningVerb.offset)})` : '; Twilio skips it, leaving no fax verb';
  const problems: Problem[] = [];
  for (const child of document.children) {
    if (verbSpec(schema, child.name)) continue;
    const path = `${schema.root}/${child.name}`;
    const effect = runningVerb ? { effect: { kind: 'ignores', what: `<${clip(child.name)}>` } as const } : {};
    const meant = verbSpecIgnoringCase(schema, child.name);
    if (meant) {
      problems.push({
        check: 'verb-case', code: 'verb_case_mismatch', severity, twilioError: 12200,
        message: `<${child.name}> is not a fax verb: verb names are case-sensitive${skipped}`,
        hint: `rename <${child.name}> to <${meant.name}>`, offset: child.offset, path, ...effect,
      });
      continue;
    }
    const verbs = schema.verbs.map((verb) => `<${verb.name}>`).join(' or ');
    const origin = OTHER_TWIML_VERBS.has(child.name) ? 'a voice or messaging verb, not fax TwiML' : 'not fax TwiML';
    problems.push({
      check: 'known-verbs', code: 'unknown_verb', severity, twilioError: 12200,
      message: `<${child.name}> is ${origin}${skipped}`,
      hint: child.name === 'Hangup' ? 'use <Reject/> to refuse the fax' : `remove <${child.name}>; a fax reply holds ${verbs}`,
      offset: child.offset, path, ...effect,
    });
  }
  return problems;
}
