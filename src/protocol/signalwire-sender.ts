import { TWILIO_SENDER, type SenderBehaviour } from './sender-behaviour.js';

/**
 * How SignalWire requests webhooks, from its "Common Webhook Errors" guide: 4.5 s to connect and 5 s to read, and a
 * connection that times out is retried twice (three attempts). The total is both. Everything it did not publish
 * (limits, redirects, cookies, the headers) stays Twilio's: assumption `signalwire-as-twilio`; that the total is
 * the sum of the two is assumption `signalwire-total-timeout`.
 */
export const SIGNALWIRE_SENDER: SenderBehaviour = {
  ...TWILIO_SENDER,
  connectTimeoutMs: 4_500,
  connectAttempts: 3,
  totalTimeoutMs: 9_500,
};
