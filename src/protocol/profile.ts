import { TWILIO_ERROR_MAPPING, type ErrorMapping } from './error-mapping.js';
import { TWILIO_FALLBACK, type FallbackBehaviour } from './fallback.js';
import { TWILIO_MEDIA_URL, type MediaUrlTemplate } from './media-url.js';
import { TWILIO_PARAMETERS, type FaxParameters } from './parameters.js';
import { TWILIO_SENDER, type SenderBehaviour } from './sender-behaviour.js';
import { TWILIO_SIGNATURE, type SignatureScheme } from './signature-scheme.js';
import { twilioStatusCallback, type StatusCallbackProtocol } from './status-callback.js';
import { TWILIO_FAX_TWIML, type TwimlSchema } from './twiml-schema.js';

/**
 * A fax service the kit can play, as data: everything that is the service's own rather than HTTP's. The sender, the
 * checks (through `config.profile`), the validator and the generators read it from the profile they are given; a
 * second implementation (SignalWire's compatible API) is another value of this type, not more code.
 */
export interface FaxProfile {
  /** What `--profile` and the config file's `profile` call it (`twilio`, `signalwire`). */
  readonly id: string;
  readonly name: string;
  /** The service's short name, as hints say it ("Twilio's FX… ids"). */
  readonly service: string;
  /** What a reply may contain: root, verbs and what each does (`effect`), attributes, size and content types. */
  readonly twiml: TwimlSchema;
  /** How its HTTP client behaves: timeouts, limits, redirects, cookie expiry, the headers of every request. */
  readonly sender: SenderBehaviour;
  /** Which headers carry the request signature, and its HMAC. */
  readonly signature: SignatureScheme;
  /** The request parameters' names, the shape of its ids, its `ApiVersion`. */
  readonly parameters: FaxParameters;
  /** What a failed request comes to: the error of each way of failing and of a status that is not 2xx. */
  readonly errors: ErrorMapping;
  /** The shape of the `MediaUrl` of a received fax. */
  readonly media: MediaUrlTemplate;
  /** The status callbacks of a fax the app sent: method, parameters, the order of statuses, what a failure comes to. */
  readonly statusCallback: StatusCallbackProtocol;
  /** How the number's fallback URL is requested when the fax URL fails: its parameters, method and triggers. */
  readonly fallback: FallbackBehaviour;
}

/** Twilio Programmable Fax as it behaved until 2021: the profile every run uses unless told otherwise. */
export const TWILIO_PROFILE: FaxProfile = {
  id: 'twilio',
  name: 'Twilio Programmable Fax',
  service: 'Twilio',
  twiml: TWILIO_FAX_TWIML,
  sender: TWILIO_SENDER,
  signature: TWILIO_SIGNATURE,
  parameters: TWILIO_PARAMETERS,
  errors: TWILIO_ERROR_MAPPING,
  media: TWILIO_MEDIA_URL,
  statusCallback: twilioStatusCallback(TWILIO_PARAMETERS),
  fallback: TWILIO_FALLBACK,
};
