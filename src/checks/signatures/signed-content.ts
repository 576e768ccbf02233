/**
 * What the sender signs for a request (the URL as Twilio signed it: credentials dropped, GET parameters with `'`, `@`
 * and `:` as they are; for a POST the form parameters): one definition, the sender's.
 */
export { receivedContentOf, signedContentOf, type SignedContent } from '../../sender/planned-request.js';
