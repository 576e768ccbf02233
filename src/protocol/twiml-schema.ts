/**
 * The fax TwiML schema as data: what a reply to the fax webhook may contain.
 * Source: twilio.com/docs/fax/twiml and /receive; the enumerations match twilio-node's `FaxResponse`.
 * Names are case-sensitive (Twilio's 12100/12200 pages); values too (assumption `attribute-values-case-sensitive`).
 * A value outside its enumeration is ignored and the `default` used (assumption `invalid-value-uses-default`).
 */

/** One attribute of a verb: its name, the values Twilio accepts and the default it falls back to. */
export interface AttributeSpec {
  readonly name: string;
  /** `enum`: one of `values`, exact case. `url`: a relative URL or an absolute http(s) URL (11100 otherwise). */
  readonly kind: 'enum' | 'url';
  readonly values?: readonly string[];
  readonly default?: string;
  readonly description: string;
}

/** What a fax verb does with the fax: `receive` takes it (and may name an action callback), `reject` refuses it. */
export type VerbEffect = 'receive' | 'reject';

/** One fax verb and its attributes. */
export interface VerbSpec {
  readonly name: string;
  /** What running it does; checks ask the schema for the verb of an effect, never for a name. */
  readonly effect: VerbEffect;
  readonly description: string;
  readonly attributes: readonly AttributeSpec[];
}

/** What a reply to the fax webhook may contain, and how Twilio reads its bytes. */
export interface TwimlSchema {
  /** The only root element Twilio accepts (12102 otherwise). */
  readonly root: string;
  /** Values of `version` on the root that Twilio accepts (12101 otherwise); absent is fine. */
  readonly rootVersions: readonly string[];
  readonly verbs: readonly VerbSpec[];
  /** Largest reply body Twilio reads, in bytes (11750 beyond). */
  readonly maxBodyBytes: number;
  /** Content types Twilio accepts for TwiML, with any charset parameter (12300 otherwise). */
  readonly contentTypes: readonly string[];
  /** Content types Twilio reads as TwiML for voice and messaging but never named for fax: a notice. */
  readonly undocumentedContentTypes: readonly string[];
  /**
   * What a fax verb's name in another case (`<receive>`) does: `skipped`, as any element the service does not know
   * (Twilio: a 12200 warning while another fax verb runs), or `error`: the reply fails (SignalWire).
   */
  readonly miscasedVerb: 'skipped' | 'error';
}

/** `<Receive>`: take the fax. */
export const RECEIVE_VERB: VerbSpec = {
  name: 'Receive',
  effect: 'receive',
  description: 'receive the fax',
  attributes: [
    { name: 'action', kind: 'url', description: 'URL requested when the fax has been received or has failed' },
    { name: 'method', kind: 'enum', values: ['GET', 'POST'], default: 'POST', description: 'HTTP method for `action`' },
    { name: 'mediaType', kind: 'enum', values: ['application/pdf', 'image/tiff'], default: 'application/pdf', description: 'format the fax is stored in' },
    { name: 'pageSize', kind: 'enum', values: ['letter', 'legal', 'a4'], default: 'letter', description: 'page size of the received fax' },
    { name: 'storeMedia', kind: 'enum', values: ['true', 'false'], default: 'true', description: 'whether Twilio stores the fax media' },
  ],
};

/** `<Reject>`: refuse the fax. */
export const REJECT_VERB: VerbSpec = {
  name: 'Reject',
  effect: 'reject',
  description: 'reject the fax; its status becomes canceled',
  attributes: [],
};

/** Twilio Programmable Fax's TwiML. */
export const TWILIO_FAX_TWIML: TwimlSchema = {
  root: 'Response',
  rootVersions: ['2008-08-01', '2010-04-01'],
  verbs: [RECEIVE_VERB, REJECT_VERB],
  maxBodyBytes: 64 * 1024,
  contentTypes: ['text/xml', 'application/xml'],
  undocumentedContentTypes: ['text/html'],
  miscasedVerb: 'skipped',
};

/** The verb of `schema` that has `effect` (`<Receive>` for `receive` in Twilio's), or undefined when it has none. */
export function verbWithEffect(schema: TwimlSchema, effect: VerbEffect): VerbSpec | undefined {
  return schema.verbs.find((verb) => verb.effect === effect);
}

/** What the verb named exactly `name` does in `schema`, or undefined for a name that is not one of its verbs. */
export function effectOfVerb(schema: TwimlSchema, name: string | null | undefined): VerbEffect | undefined {
  return schema.verbs.find((verb) => verb.name === name)?.effect;
}
