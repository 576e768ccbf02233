import type { MediaUrlTemplate } from './media-url.js';

/**
 * SignalWire's `MediaUrl` of a received fax: its shape was never published. The kit uses the Media link of its Fax
 * resource (`/api/laml/2010-04-01/Accounts/{AccountSid}/Faxes/{FaxSid}/Media`) on a space's host, with no query
 * (assumption `signalwire-media-url`).
 */
export const SIGNALWIRE_MEDIA_URL: MediaUrlTemplate = {
  origin: 'https://example.signalwire.com',
  path: '/api/laml/2010-04-01/Accounts/{AccountSid}/Faxes/{FaxSid}/Media/{key}',
  query: 'none',
};
