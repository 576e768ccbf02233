import type { SignatureScheme } from './signature-scheme.js';

/**
 * SignalWire's signature: the same base64 HMAC-SHA1 over the URL and the sorted parameters as Twilio's (its
 * `@signalwire/compatibility-api`, a fork of twilio-node, computes it with `createHmac('sha1', …)`), keyed by the
 * project's Signing Key (its Webhook Security guide), sent in `X-SignalWire-Signature` with `X-Twilio-Signature` as
 * an alias for Compatibility callbacks (its Python SDK's `signalwire.core.security`). docs/protocol.md, "SignalWire".
 */
export const SIGNALWIRE_SIGNATURE: SignatureScheme = {
  header: 'X-SignalWire-Signature',
  aliases: ['X-Twilio-Signature'],
  hmac: 'sha1',
  validators: "SignalWire's request validator (@signalwire/compatibility-api's validateRequest or webhook(), signalwire-python's validate_request)",
  keyName: 'signing key',
  // The compatibility SDK's webhook() reads TWILIO_AUTH_TOKEN, so apps ported from Twilio keep the key there.
  keyVariables: ['SIGNALWIRE_SIGNING_KEY', 'TWILIO_AUTH_TOKEN'],
};
