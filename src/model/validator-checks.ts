import type { TwilioErrorCode } from '../protocol/twilio-errors.js';

/** One check of the fax TwiML validator: a stable kebab-case id and what it catches. */
export interface ValidatorCheck {
  readonly id: ValidatorCheckId;
  readonly title: string;
  /** The Twilio error codes its diagnostics carry. */
  readonly twilioErrors: readonly TwilioErrorCode[];
}

/** The ids of the validator's checks, in the order Twilio meets the problems (header, bytes, XML, TwiML). */
export type ValidatorCheckId =
  | 'content-type'
  | 'body-size'
  | 'xml-well-formed'
  | 'twiml-root'
  | 'verb-case'
  | 'known-verbs'
  | 'known-attributes'
  | 'attribute-values'
  | 'fax-action';

/**
 * Every check of `validateFaxTwiml`, in order. Each check's scope is crisp: breaking a valid reply in one way is
 * flagged by exactly that check (a misspelled or unknown verb that leaves no fax verb also yields `fax-action`).
 */
export const VALIDATOR_CHECKS: readonly ValidatorCheck[] = [
  { id: 'content-type', title: 'the reply is text/xml or application/xml', twilioErrors: [12300] },
  { id: 'body-size', title: 'the reply body is at most 64 kB', twilioErrors: [11750] },
  { id: 'xml-well-formed', title: 'the reply is a well-formed XML document in UTF-8, with no DOCTYPE', twilioErrors: [12100, 11200, 11770] },
  { id: 'twiml-root', title: 'the root element is <Response> with a known version', twilioErrors: [12102, 12101] },
  { id: 'verb-case', title: 'verb and attribute names have the right case', twilioErrors: [12200] },
  { id: 'known-verbs', title: 'every element in <Response> is a fax verb', twilioErrors: [12200] },
  { id: 'known-attributes', title: 'every attribute belongs to its verb', twilioErrors: [12200] },
  { id: 'attribute-values', title: 'attribute values are among those Twilio accepts', twilioErrors: [12200, 11100] },
  { id: 'fax-action', title: 'exactly one fax verb, <Receive> or <Reject>, with nothing inside it', twilioErrors: [34106, 12200] },
];
