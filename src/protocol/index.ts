/** The fax webhook as typed data: parameters, TwiML schema, sender behaviour, error codes, assumptions, profiles. */
export * from './assumptions.js';
export * from './error-mapping.js';
export { TWILIO_FALLBACK, type FallbackBehaviour } from './fallback.js';
export { idFromHex, idPattern, type IdShape } from './ids.js';
export * from './parameters.js';
export * from './profile.js';
export * from './profiles.js';
export { SIGNALWIRE_PROFILE } from './signalwire-profile.js';
export * from './sender-behaviour.js';
export * from './status-callback.js';
export { TWILIO_SIGNATURE, type SignatureScheme } from './signature-scheme.js';
export * from './twilio-errors.js';
export * from './twiml-schema.js';
export { TWILIO_MEDIA_URL, type MediaUrlTemplate } from './media-url.js';
