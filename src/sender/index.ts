/** The sender: an HTTP client that delivers fax webhooks exactly as Twilio's fax service does. */
export type * from '../model/exchange.js';
export { createSender, type SenderOptions } from './create-sender.js';
export { networkTransport, type NetworkTransportOptions } from './network-transport.js';
export { inProcessTransport, type FetchHandler, type InProcessTransportOptions } from './in-process-transport.js';
export type { Transport, TransportRequest, TransportReply, TransportError } from './transport.js';
export { TransportFailureError } from './transport.js';
export { encodeParams, decodeParams, appendQuery, twilioQuery, type TwilioQuery } from './encode-params.js';
export { requestedUrl } from './requested-url.js';
export { resolveReference } from './raw-url.js';
export { receivedContentOf, signedContentOf, type SignedContent } from './planned-request.js';
export { classifyAddress, type AddressKind, type ClassifyAddress } from './address-rule.js';
