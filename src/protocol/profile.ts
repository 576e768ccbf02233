import { TWILIO_SENDER, type SenderBehaviour } from './sender-behaviour.js';
import { TWILIO_FAX_TWIML, type TwimlSchema } from './twiml-schema.js';

/**
 * A fax service the kit can play: its TwiML and how its HTTP client behaves. A second implementation
 * (SignalWire's compatible API) is another value of this type, not more code.
 */
export interface FaxProfile {
  readonly id: string;
  readonly name: string;
  readonly twiml: TwimlSchema;
  readonly sender: SenderBehaviour;
}

/** Twilio Programmable Fax as it behaved until 2021: the profile every run uses unless told otherwise. */
export const TWILIO_PROFILE: FaxProfile = {
  id: 'twilio',
  name: 'Twilio Programmable Fax',
  twiml: TWILIO_FAX_TWIML,
  sender: TWILIO_SENDER,
};
