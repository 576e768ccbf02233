import type fc from 'fast-check';
import { TWILIO_FAX_TWIML, type TwimlSchema } from '../src/protocol/twiml-schema.js';
import { generatedReply } from './_internals/fax-verb.js';
import { renderTwiml } from './_internals/twiml-document.js';

/** A valid fax TwiML reply and what a validator must read from it. */
export interface FaxTwimlReply {
  readonly xml: string;
  readonly verb: 'Receive' | 'Reject';
  /** The verb's attributes as a parser reports them (entities resolved). */
  readonly attributes: Record<string, string>;
}

/** Options of {@link faxTwimlReply}. */
export interface FaxTwimlReplyOptions {
  /** Only this verb; absent: either. */
  readonly verb?: 'Receive' | 'Reject';
  /** The TwiML to draw from (a profile's `twiml`); Twilio's by default. */
  readonly schema?: TwimlSchema;
}

/**
 * Valid fax TwiML replies: both verbs, every combination and order of attributes (taken from the schema data),
 * relative and absolute action URLs, and any legal formatting (declaration or none, CRLF, indentation, either
 * quote, comments, `<Receive/>` or `<Receive></Receive>`). Shrinks toward twilio-node's own output.
 */
export function faxTwimlReply(options: FaxTwimlReplyOptions = {}): fc.Arbitrary<FaxTwimlReply> {
  const schema = options.schema ?? TWILIO_FAX_TWIML;
  const verbs = schema.verbs.filter((verb) => (options.verb ? verb.name === options.verb : true));
  if (verbs.length === 0) throw new Error(`faxTwimlReply: the schema has no verb ${options.verb ?? ''}`.trim());
  return generatedReply(schema, verbs).map(({ document, verb, attributes }) => ({
    xml: renderTwiml(document),
    verb: verb as FaxTwimlReply['verb'],
    attributes,
  }));
}
