import type { Exchange } from '../../model/exchange.js';
import type { CheckConfig } from '../check-api/types.js';

/** What a signature check answers when it refuses a request (400 is twilio-node's webhook() without the header). */
const REFUSALS = new Set([401, 403]);

/** How a server refused a request: over its signature, or by HTTP authentication (a 401 with a challenge). */
export type Refusal = 'signature' | 'http-auth';

/**
 * Why the server refused `exchange`, or undefined when it did not refuse it as unauthorised. A 401 with a
 * `WWW-Authenticate` challenge is HTTP authentication, which Twilio answers with the URL's credentials: it says
 * nothing about signatures. A 401/403 without one, or twilio-node's 400 that names the signature, is a signature
 * refusal.
 */
export function refusalOf(exchange: Exchange): Refusal | undefined {
  const response = exchange.response;
  if (!response) return undefined;
  const status = response.status;
  if (status === 401 && response.headers['www-authenticate'] !== undefined) return 'http-auth';
  // twilio-node's webhook() answers a request without its signature header 400 and says so in the body.
  const saysSignature = status === 400 && /signature/i.test(Buffer.from(response.body).toString('utf8'));
  return REFUSALS.has(status) || saysSignature ? 'signature' : undefined;
}

/**
 * The hint for a delivery the server refused as unauthorised, or undefined when it was not refused that way: HTTP
 * authentication wants credentials in the URL; with a token, a correctly signed request was refused, which
 * `signature-accepted` explains; without one, the server wants a signature the kit was given no token to make.
 */
export function refusalHint(exchange: Exchange, config: CheckConfig): string | undefined {
  const refusal = refusalOf(exchange);
  if (refusal === 'http-auth') {
    const sentCredentials = exchange.hops.some((hop) => Object.keys(hop.request.headers).some((name) => name.toLowerCase() === 'authorization'));
    return sentCredentials
      ? 'the server asks for HTTP authentication and refused the credentials of the webhook URL: check the user name and password in the URL the number is configured with'
      : 'the server asks for HTTP authentication: put the credentials in the webhook URL (https://user:password@host/path), which Twilio sends after this challenge';
  }
  if (refusal !== 'signature') return undefined;
  const { signature } = config.profile;
  if (config.hasAuthToken) {
    return 'the server refused a correctly signed request: validate the signature against the URL exactly as requested (query string as sent) and the parameters as a form decoder reads them (signature-accepted names the mistake when it can tell)';
  }
  return `the server refused an unsigned request: if it validates ${signature.header}, give the kit the server's ${signature.keyName} (${['--auth-token', ...signature.keyVariables].join(' or ')})`;
}
