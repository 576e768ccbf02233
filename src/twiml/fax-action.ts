import { verbSpec, type TwimlContext } from './context.js';
import type { Problem } from './diagnose.js';
import { quote } from './quote.js';

/**
 * fax-action: `<Response>` holds a fax verb (34106 otherwise, an error: the fax fails), only one (the rest never
 * run: a warning), and nothing but whitespace and comments besides its elements. Content inside the verb that runs
 * is an error (12200; assumption `schema-violation-fails-running-verb`); inside a verb that never runs, a
 * warning.
 */
export function checkFaxAction(context: TwimlContext): Problem[] {
  const { schema, document, runningVerb } = context;
  const problems: Problem[] = [];
  const verbs = schema.verbs.map((verb) => `<${verb.name}/>`).join(' or ');
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
    if (runningVerb && child !== runningVerb) {
      problems.push({
        check: 'fax-action', code: 'extra_verb', severity: 'warning', twilioError: 12200,
        message: `<${child.name}> never runs: only the first fax verb, <${runningVerb.name}> at ${context.where(runningVerb.offset)}, does`,
        hint: `remove <${child.name}>; a fax reply holds one of ${verbs}`, offset: child.offset, path,
      });
    }
    const content = child.firstContent;
    if (content) {
      const what = content.kind === 'element' ? `the element <${content.text}>` : `the text ${quote(content.text)}`;
      problems.push({
        check: 'fax-action', code: 'content_in_verb', severity: child === runningVerb ? 'error' : 'warning', twilioError: 12200,
        message: `<${child.name}> contains ${what}; fax verbs hold nothing`,
        hint: `write <${child.name}/> with its settings as attributes`, offset: content.offset, path: content.kind === 'element' ? `${path}/${content.text}` : path,
      });
    }
  }
  for (const text of document.texts) {
    problems.push({
      check: 'fax-action', code: 'text_in_response', severity: 'error', twilioError: 12200,
      message: `<${schema.root}> contains the text ${quote(text.text)}; it holds only verbs`,
      hint: `remove the text, or turn it into a comment: <!-- ... -->`, offset: text.offset, path: schema.root,
    });
  }
  return problems;
}
