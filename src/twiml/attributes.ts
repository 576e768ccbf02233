import type { AttributeSpec } from '../protocol/twiml-schema.js';
import { verbSpec, type TwimlContext } from './context.js';
import type { Problem } from './diagnose.js';
import { quote } from './quote.js';
import type { XmlAttribute, XmlElement } from './xml/parse.js';

/**
 * verb-case, known-attributes and attribute-values for the attributes of `<Response>` and of each fax verb.
 * Severity: Twilio skips an attribute it does not know (12200, a warning: the fax works, with the default value).
 * A known attribute with a value outside its enumeration, or an action that is not an http(s) URL, is an error on
 * the verb that runs (assumption `schema-violation-fails-running-verb`: Twilio documents no fallback) and a warning on a verb that
 * never runs. Attributes of unknown elements are not judged: known-verbs already reports the element.
 */
export function checkAttributes(context: TwimlContext): Problem[] {
  const { schema, document } = context;
  const problems: Problem[] = [];
  // `version` is judged by twiml-root; here it only needs to be a known name.
  const rootAttributes: AttributeSpec[] = [{ name: 'version', kind: 'enum', description: 'TwiML version' }];
  checkNames(document.root, schema.root, rootAttributes, problems);
  for (const child of document.children) {
    const verb = verbSpec(schema, child.name);
    if (!verb) continue;
    const path = `${schema.root}/${child.name}`;
    checkNames(child, path, verb.attributes, problems);
    const severity = child === context.runningVerb ? 'error' : 'warning';
    for (const attribute of child.attributes) {
      const spec = verb.attributes.find((a) => a.name === attribute.name);
      const problem = spec && checkValue(spec, attribute, child);
      if (problem) problems.push({ ...problem, severity, offset: attribute.valueOffset, path: `${path}/@${attribute.name}` });
    }
  }
  return problems;
}

// Appends to `problems` rather than returning an array: spreading 100 000 findings into push() overflows the stack.
function checkNames(element: XmlElement, path: string, specs: readonly AttributeSpec[], problems: Problem[]): void {
  for (const attribute of element.attributes) {
    if (specs.some((spec) => spec.name === attribute.name)) continue;
    const lower = attribute.name.toLowerCase();
    const meant = specs.find((spec) => spec.name.toLowerCase() === lower);
    const at = { offset: attribute.offset, path: `${path}/@${attribute.name}` };
    if (meant) {
      problems.push({
        check: 'verb-case', code: 'attribute_case_mismatch', severity: 'warning', twilioError: 12200,
        message: `${attribute.name} on <${element.name}> is not ${meant.name}: attribute names are case-sensitive, so Twilio ignores it${meant.default ? ` and uses ${meant.name}="${meant.default}"` : ''}`,
        hint: `rename ${attribute.name} to ${meant.name}`, ...at,
      });
      continue;
    }
    const known = specs.map((spec) => spec.name);
    // `media_type` or `page-size`: the helper libraries' argument names, written into the XML by hand.
    const spelled = specs.find((spec) => spelling(spec.name) === spelling(attribute.name));
    problems.push({
      check: 'known-attributes', code: 'unknown_attribute', severity: 'warning', twilioError: 12200,
      message: `<${element.name}> has no attribute ${attribute.name}; Twilio ignores it${spelled?.default ? ` and uses ${spelled.name}="${spelled.default}"` : ''}`,
      hint: spelled ? `rename ${attribute.name} to ${spelled.name}: TwiML attribute names are camelCase`
        : known.length > 0 ? `remove ${attribute.name}; <${element.name}> takes ${known.join(', ')}` : `remove ${attribute.name}; <${element.name}> takes no attributes`,
      ...at,
    });
  }
}

/** A name with case, `_` and `-` ignored: `media_type`, `Media-Type` and `mediaType` spell the same. */
function spelling(name: string): string {
  return name.replace(/[_-]/g, '').toLowerCase();
}

type ValueProblem = Omit<Problem, 'severity' | 'offset' | 'path'>;

function checkValue(spec: AttributeSpec, attribute: XmlAttribute, element: XmlElement): ValueProblem | undefined {
  const { value } = attribute;
  const base = { check: 'attribute-values', twilioError: 12200 } as const;
  if (spec.kind === 'url') {
    const why = urlProblem(value);
    if (!why) return undefined;
    return { ...base, code: 'invalid_url', message: `${spec.name}=${quote(value)} on <${element.name}> ${why.message}`, hint: why.hint ?? 'use a relative URL such as /fax/received or an absolute https:// URL' };
  }
  const values = spec.values ?? [];
  if (values.includes(value)) return undefined;
  const meant = values.find((v) => v.toLowerCase() === value.toLowerCase());
  return meant
    ? { ...base, code: 'value_case_mismatch', message: `${spec.name}=${quote(value)} on <${element.name}> has the wrong case: values are case-sensitive`, hint: `use ${meant}` }
    : { ...base, code: 'invalid_value', message: `${spec.name}=${quote(value)} on <${element.name}> is not one of ${values.join(', ')}`, hint: `use one of ${values.join(', ')}` };
}

/** Why an `action` is neither a relative URL nor an absolute http(s) URL (and, when it helps, a better hint). */
function urlProblem(value: string): { readonly message: string; readonly hint?: string } | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return { message: 'is empty' };
  // `localhost:3000/fax` or `example.com:8080/fax`: a host and port with the scheme left out, which URL syntax
  // reads as the scheme `localhost:`. Saying "the localhost: scheme" would only puzzle the author.
  if (/^(?:localhost|[A-Za-z][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)+):[0-9]+(?:[/?#]|$)/i.test(trimmed)) {
    return { message: 'has no scheme (http:// or https://), so Twilio cannot request it', hint: `write https://${trimmed}, or a relative URL such as /fax/received` };
  }
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(trimmed)?.[1];
  if (scheme !== undefined) {
    if (!/^https?$/i.test(scheme)) return { message: `uses the ${scheme}: scheme; Twilio requests only http and https URLs` };
    return URL.canParse(trimmed) && new URL(trimmed).host !== '' ? undefined : { message: 'is not a valid URL' };
  }
  return URL.canParse(trimmed, 'https://webhook.invalid/fax') ? undefined : { message: 'is not a valid relative URL' };
}
