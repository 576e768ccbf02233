import type { Exchange } from '../sender/types.js';
import type { CheckConfig } from './types.js';

/** What a signature check answers when it refuses a request (400 is twilio-node's webhook() without the header). */
const REFUSALS = new Set([401, 403]);

/**
 * The hint for a delivery the server refused as unauthorised, or undefined when it was not refused that way: with
 * a token, a correctly signed request was refused, which `signature-accepted` explains; without one, the server
 * wants a signature the kit was given no token to make.
 */
export function refusalHint(exchange: Exchange, config: CheckConfig): string | undefined {
  const response = exchange.response;
  if (!response) return undefined;
  const status = response.status;
  // twilio-node's webhook() answers a request with no X-Twilio-Signature 400 and says so in the body.
  const saysSignature = status === 400 && /signature/i.test(Buffer.from(response.body).toString('utf8'));
  if (!REFUSALS.has(status) && !saysSignature) return undefined;
  if (config.hasAuthToken) {
    return 'the server refused a correctly signed request: validate the signature against the URL exactly as requested (query string as sent) and the parameters as a form decoder reads them (signature-accepted names the mistake when it can tell)';
  }
  return "the server refused an unsigned request: if it validates X-Twilio-Signature, give the kit the server's auth token (--auth-token or TWILIO_AUTH_TOKEN)";
}
