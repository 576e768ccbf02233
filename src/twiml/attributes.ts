import type { AttributeSpec } from '../protocol/twiml-schema.js';
import { verbSpec, type TwimlContext } from './context.js';
import { problemAt, type Problem } from './diagnose.js';
import { noCallbackWouldCome, type Effect } from './effect.js';
import { clip, clipName, quote } from './quote.js';
import type { XmlAttribute, XmlElement } from './xml/parse.js';

/**
 * verb-case, known-attributes and attribute-values for the attributes of `<Response>` and of each fax verb.
 * Severity follows Twilio (docs/protocol.md, "The reply: fax TwiML"):
 * - an unknown or miscased name is a 12200 warning: Twilio ignores it and uses the default;
 * - a value outside its enumeration is a 12200 warning: Twilio ignores it and uses the default (assumption
 *   `invalid-value-uses-default`; values are case-sensitive, assumption `attribute-values-case-sensitive`);
 * - an `action` Twilio cannot request is 11100, an error, on the verb that runs: the fax is received, the action
 *   request fails. On a verb that never runs Twilio never requests it: a notice.
 * Effects are given only for `<Response>` and the verb that runs: what a skipped verb says changes nothing.
 * Attributes of unknown elements are not judged: known-verbs already reports the element.
 */
export function checkAttributes(context: TwimlContext): Problem[] {
  const { schema, document } = context;
  const problems: Problem[] = [];
  checkNames(document.root, schema.root, ROOT_ATTRIBUTES, true, problems);
  for (const child of document.children) {
    const verb = verbSpec(schema, child.name);
    if (!verb) continue;
    const path = `${schema.root}/${child.name}`;
    const runs = child === context.runningVerb;
    checkNames(child, path, verb.attributes, runs, problems);
    for (const attribute of child.attributes) {
      const spec = verb.attributes.find((a) => a.name === attribute.name);
      const problem = spec && checkValue(spec, attribute, child, runs);
      if (problem) problems.push({ ...problem, offset: attribute.valueOffset, path: `${path}/@${attribute.name}` });
    }
  }
  return problems;
}

// `version` is judged by twiml-root; here it only needs to be a known name.
const ROOT_ATTRIBUTES: readonly AttributeSpec[] = [{ name: 'version', kind: 'enum', description: 'TwiML version' }];

/** An element's attribute specs, indexed once so that judging each of 7 000 attributes costs a few lookups. */
interface SpecIndex {
  readonly byName: ReadonlyMap<string, AttributeSpec>;
  readonly byLowerName: ReadonlyMap<string, AttributeSpec>;
  readonly bySpelling: ReadonlyMap<string, AttributeSpec>;
  /** The hint's list of what the element takes. */
  readonly known: string;
}

// A schema's spec lists live as long as the schema: each is indexed once, not once per element of every reply.
const indexes = new WeakMap<readonly AttributeSpec[], SpecIndex>();

function specIndexOf(specs: readonly AttributeSpec[]): SpecIndex {
  let index = indexes.get(specs);
  if (!index) indexes.set(specs, (index = indexSpecs(specs)));
  return index;
}

function indexSpecs(specs: readonly AttributeSpec[]): SpecIndex {
  // The first spec of a lower-case name or spelling wins, as `find` over the specs would.
  const first = (key: (spec: AttributeSpec) => string): Map<string, AttributeSpec> => {
    const map = new Map<string, AttributeSpec>();
    for (const spec of specs) if (!map.has(key(spec))) map.set(key(spec), spec);
    return map;
  };
  return {
    byName: new Map(specs.map((spec) => [spec.name, spec])),
    byLowerName: first((spec) => spec.name.toLowerCase()),
    bySpelling: first((spec) => spelling(spec.name)),
    known: specs.map((spec) => spec.name).join(', '),
  };
}

// Appends to `problems` rather than returning an array: spreading thousands of findings into push() overflows the stack.
function checkNames(element: XmlElement, elementPath: string, specs: readonly AttributeSpec[], runs: boolean, problems: Problem[]): void {
  const index = specIndexOf(specs);
  // Both only for an element with an attribute to report: most have none.
  let written: ReadonlySet<string> | undefined;
  let shownElement: string | undefined;
  for (const attribute of element.attributes) {
    if (index.byName.has(attribute.name)) continue;
    written ??= new Set(element.attributes.map((a) => a.name));
    shownElement ??= clipName(element.name);
    const meant = index.byLowerName.get(attribute.name.toLowerCase());
    const path = `${elementPath}/@${attribute.name}`;
    const shown = clipName(attribute.name);
    // `media_type` or `page-size`: the helper libraries' argument names, written into the XML by hand.
    const spelled = meant ?? index.bySpelling.get(spelling(attribute.name));
    // When the right attribute is there too, Twilio reads that one: nothing falls back to a default.
    const lost = spelled && !written.has(spelled.name) ? spelled : undefined;
    const uses = lost?.default !== undefined ? ` and uses ${lost.name}="${lost.default}"` : '';
    const effect = runs ? ignoredAttribute(shown, lost) : undefined;
    if (meant) {
      problems.push(problemAt({
        check: 'verb-case', code: 'attribute_case_mismatch', severity: 'warning', twilioError: 12200,
        message: `${shown} on <${shownElement}> is not ${meant.name}: attribute names are case-sensitive, so Twilio ignores it${uses}`,
        hint: `rename ${shown} to ${meant.name}`, path, effect,
      }, attribute.offset));
      continue;
    }
    problems.push(problemAt({
      check: 'known-attributes', code: 'unknown_attribute', severity: 'warning', twilioError: 12200,
      message: `<${shownElement}> has no attribute ${shown}; Twilio ignores it${uses}`,
      hint: spelled ? `rename ${shown} to ${spelled.name}: TwiML attribute names are camelCase`
        : index.known !== '' ? `remove ${shown}; <${shownElement}> takes ${index.known}` : `remove ${shown}; <${shownElement}> takes no attributes`,
      path, effect,
    }, attribute.offset));
  }
}

/** What ignoring an attribute does: the default takes its place, or a callback never comes. */
function ignoredAttribute(what: string, lost: AttributeSpec | undefined): Effect {
  if (lost?.kind === 'url') return { kind: 'ignores', what, consequence: noCallbackWouldCome(lost.name) };
  if (lost?.default !== undefined) return { kind: 'ignores', what, uses: { attribute: lost.name, value: lost.default } };
  return { kind: 'ignores', what };
}

/** A name with case, `_` and `-` ignored: `media_type`, `Media-Type` and `mediaType` spell the same. */
function spelling(name: string): string {
  // Most names hold neither: no copy for them.
  return (name.includes('_') || name.includes('-') ? name.replace(/[_-]/g, '') : name).toLowerCase();
}

type ValueProblem = Omit<Problem, 'offset' | 'path'>;

function checkValue(spec: AttributeSpec, attribute: XmlAttribute, element: XmlElement, runs: boolean): ValueProblem | undefined {
  const { value } = attribute;
  const written = `${spec.name}=${quote(value)} on <${clipName(element.name)}>`;
  if (spec.kind === 'url') {
    const why = urlProblem(value);
    if (!why) return undefined;
    const hint = why.hint ?? 'use a relative URL such as /fax/received or an absolute https:// URL';
    if (!runs) {
      return { check: 'attribute-values', code: 'invalid_url', severity: 'notice', message: `${written} ${why.message}; this <${element.name}> never runs, so Twilio never requests it`, hint };
    }
    return {
      check: 'attribute-values', code: 'invalid_url', severity: 'error', twilioError: 11100, message: `${written} ${why.message}`, hint,
      effect: { kind: 'cannot-request', attribute: spec.name, url: clip(value), consequence: noCallbackWouldCome(spec.name) },
    };
  }
  const values = spec.values ?? [];
  if (values.includes(value)) return undefined;
  const meant = values.find((v) => v.toLowerCase() === value.toLowerCase());
  const uses = runs && spec.default !== undefined ? `, so Twilio ignores it and uses ${spec.name}="${spec.default}"` : '';
  const effect: Effect | undefined = !runs ? undefined
    : spec.default !== undefined ? { kind: 'replaces', attribute: spec.name, written: clip(value), uses: spec.default }
    : { kind: 'ignores', what: `${spec.name}=${quote(value)}` };
  const base = { check: 'attribute-values', severity: 'warning', twilioError: 12200, ...(effect ? { effect } : {}) } as const;
  return meant
    ? { ...base, code: 'value_case_mismatch', message: `${written} has the wrong case: values are case-sensitive${uses}`, hint: `use ${meant}` }
    : { ...base, code: 'invalid_value', message: `${written} is not one of ${values.join(', ')}${uses}`, hint: `use one of ${values.join(', ')}` };
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
