import { verbSpec, type TwimlContext } from './context.js';
import type { Problem } from './diagnose.js';
import { clipName, quote } from './quote.js';

/**
 * fax-action: `<Response>` holds a fax verb (34106 otherwise, an error: the fax fails), only one (the rest never
 * run: a warning, assumption `first-verb-runs`), and nothing but whitespace and comments besides its elements.
 * Text in `<Response>` and content inside a verb are 12200 warnings ("unexpected nested elements"): Twilio skips
 * them and the verb runs as written.
 */
export function checkFaxAction(context: TwimlContext): Problem[] {
  const { schema, document, runningVerb } = context;
  const problems: Problem[] = [];
  if (!runningVerb) {
    problems.push({
      check: 'fax-action', code: 'no_fax_action', severity: 'error', twilioError: 34106,
      message: `<${schema.root}> holds no fax verb, so Twilio has nothing to do with the fax`,
      hint: `add <Receive/> to receive the fax, or <Reject/> to refuse it`, offset: document.root.offset, path: schema.root,
    });
  }
  for (const child of document.children) {
    if (!verbSpec(schema, child.name)) continue;
    const path = `${schema.root}/${child.name}`;
    const runs = child === runningVerb;
    if (runningVerb && !runs) {
      problems.push({
        check: 'fax-action', code: 'extra_verb', severity: 'warning', twilioError: 12200,
        message: `<${child.name}> never runs: only the first fax verb, <${runningVerb.name}> at ${context.where(runningVerb.offset)}, does`,
        hint: `remove <${child.name}>; a fax reply holds one of ${schema.verbs.map((verb) => `<${verb.name}/>`).join(' or ')}`, offset: child.offset, path,
        effect: { kind: 'ignores', what: `<${child.name}> after <${runningVerb.name}>` },
      });
    }
    const content = child.firstContent;
    if (content) {
      const shown = content.kind === 'element' ? `<${clipName(content.text)}>` : `the text ${quote(content.text)}`;
      const what = content.kind === 'element' ? `the element ${shown}` : shown;
      problems.push({
        check: 'fax-action', code: 'content_in_verb', severity: 'warning', twilioError: 12200,
        message: `<${child.name}> contains ${what}; fax verbs hold nothing, so Twilio ignores it`,
        hint: `write <${child.name}/> with its settings as attributes`, offset: content.offset, path: content.kind === 'element' ? `${path}/${content.text}` : path,
        ...(runs ? { effect: { kind: 'ignores', what: `${shown} inside <${child.name}>` } as const } : {}),
      });
    }
  }
  for (const text of document.texts) {
    problems.push({
      check: 'fax-action', code: 'text_in_response', severity: 'warning', twilioError: 12200,
      message: `<${schema.root}> contains the text ${quote(text.text)}; it holds only verbs, so Twilio ignores it`,
      hint: `remove the text, or turn it into a comment: <!-- ... -->`, offset: text.offset, path: schema.root,
      ...(runningVerb ? { effect: { kind: 'ignores', what: `the text ${quote(text.text)}` } as const } : {}),
    });
  }
  return problems;
}
