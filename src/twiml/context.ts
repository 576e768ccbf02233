import type { TwimlSchema, VerbSpec } from '../protocol/twiml-schema.js';
import type { PositionIndex } from './positions.js';
import type { XmlDocument, XmlElement } from './xml/parse.js';

/** What the TwiML checks share about a well-formed reply whose root is `<Response>`. */
export interface TwimlContext {
  readonly schema: TwimlSchema;
  readonly document: XmlDocument;
  /** The first fax verb in `<Response>`: the one Twilio runs. */
  readonly runningVerb: XmlElement | undefined;
  /** `line:column` of an offset, for messages that mention another place. */
  where(offset: number): string;
}

/** Builds the context for the TwiML checks. */
export function createTwimlContext(schema: TwimlSchema, document: XmlDocument, positions: PositionIndex): TwimlContext {
  // Messages name the running verb's place again and again; remembering it keeps lookups in document order.
  let seen: Map<number, string> | undefined;
  return {
    schema,
    document,
    runningVerb: document.children.find((child) => verbSpec(schema, child.name) !== undefined),
    where(offset) {
      let place = seen?.get(offset);
      if (place === undefined) {
        const p = positions.at(offset);
        place = `${p.line}:${p.column}`;
        (seen ??= new Map()).set(offset, place);
      }
      return place;
    },
  };
}

// Asked once per element, several times over: 15 000 elements make a lookup table worth it.
const verbsByName = new WeakMap<TwimlSchema, ReadonlyMap<string, VerbSpec>>();

/** The verb named exactly `name`, if the schema has one. */
export function verbSpec(schema: TwimlSchema, name: string): VerbSpec | undefined {
  let verbs = verbsByName.get(schema);
  if (!verbs) verbsByName.set(schema, (verbs = new Map(schema.verbs.map((verb) => [verb.name, verb]))));
  return verbs.get(name);
}

/** The verb whose name matches `name` only when case is ignored. */
export function verbSpecIgnoringCase(schema: TwimlSchema, name: string): VerbSpec | undefined {
  const lower = name.toLowerCase();
  return schema.verbs.find((verb) => verb.name !== name && verb.name.toLowerCase() === lower);
}
