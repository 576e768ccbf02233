import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenOnLoopback } from '../loopback/loopback-server.js';
import type { Exchange, Sender, WebhookRequest } from '../model/exchange.js';
import { TWILIO_PROFILE, type FaxProfile } from '../protocol/profile.js';
import type { SenderBehaviour } from '../protocol/sender-behaviour.js';
import { decodeParams, encodeParams } from '../sender/index.js';

/**
 * Why a proxy, and not pact-js's `Verifier`: in @pact-foundation/pact 16.5 the JS `Verifier` puts an Express proxy
 * between Pact's Rust verifier and the provider; that proxy parses `application/x-www-form-urlencoded` bodies and
 * re-serialises them as JSON (pact-js issue 884), and with `changeOrigin` it rewrites `Host`. A fax webhook then sees
 * a JSON body and a signature that matches nothing.
 *
 * So the kit runs pact-core's Rust verifier directly against this proxy, which hands each request to the kit's own
 * sender: the one `check` uses. The provider gets what `check` would send (the body and query bytes Pact stored,
 * Twilio's headers, an `X-Twilio-Signature` for the exact URL it sees, redirects followed and private addresses
 * refused as Twilio did), and the kit keeps the whole exchange to judge as `check` judges it. The signature depends on
 * each request, so Pact's static `customProviderHeaders` cannot carry it, and rewriting pact files would not work for
 * pacts from a broker.
 */

/** One request Pact's verifier made, as the kit delivered it, and the exchange it came to. */
export interface ProxiedDelivery {
  readonly request: WebhookRequest;
  readonly exchange: Exchange;
}

/** Where the proxy delivers, and with what. */
export interface WebhookProxyOptions {
  /** The provider's base URL, as Twilio would request it (a path prefix is kept). */
  readonly target: string;
  /** The kit's sender, set up for this verification (auth token, timeout, address rule). */
  readonly sender: Sender;
  /**
   * What stands for Twilio's media host: a `MediaUrl` on `https://media.twiliocdn.com` in a request is delivered with
   * this origin instead, so a provider that downloads the fax gets it from the kit's loopback media server.
   */
  readonly mediaBaseUrl?: string;
  /** The fax service the pact plays (default Twilio's): its headers, and the media origin `mediaBaseUrl` replaces. */
  readonly profile?: FaxProfile;
}

/** The running proxy. */
export interface WebhookProxy {
  /** Where Pact's verifier sends requests: `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** Every delivery, in the order the requests arrived. */
  readonly deliveries: readonly ProxiedDelivery[];
  close(): Promise<void>;
}

// Hop-by-hop headers belong to one connection (RFC 9110 §7.6.1); the sender sets the rest of these itself.
const NOT_FORWARDED = new Set([
  'host', 'connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'upgrade', 'trailer', 'content-length',
  'accept-encoding', 'x-twilio-signature', 'i-twilio-idempotency-token', 'user-agent',
]);
// The sender hands over the body decoded; these describe the bytes it received, not the ones passed on.
const NOT_RETURNED = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'set-cookie']);

/** Starts the loopback proxy in front of `target`. */
export async function startWebhookProxy(options: WebhookProxyOptions): Promise<WebhookProxy> {
  const target = new URL(options.target);
  const basePath = target.pathname.replace(/\/+$/, '');
  const deliveries: ProxiedDelivery[] = [];
  const server = http.createServer((incoming, outgoing) => {
    // A client that hangs up mid-body leaves nothing to deliver.
    readBody(incoming).then((body) => deliver(incoming, body, outgoing), () => incoming.destroy());
  });

  async function deliver(incoming: IncomingMessage, body: Buffer, outgoing: ServerResponse): Promise<void> {
    const request = webhookRequestOf(incoming, body, `${target.origin}${basePath}`, options.mediaBaseUrl, options.profile ?? TWILIO_PROFILE);
    const exchange = await options.sender.send(request);
    deliveries.push({ request, exchange });
    const response = exchange.response;
    if (!response) {
      // Pact then reports a status mismatch; the kit's own verdict says what really happened.
      outgoing.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
      outgoing.end(`twiml-fax-kit could not get a reply from the provider: ${exchange.failure?.message ?? 'no reply'}\n`);
      return;
    }
    const headers: Array<[string, string]> = Object.entries(response.headers).filter(([name]) => !NOT_RETURNED.has(name));
    for (const cookie of response.setCookies) headers.push(['set-cookie', cookie]);
    outgoing.writeHead(response.status, headers.flat());
    outgoing.end(Buffer.from(response.body));
  }

  const listening = await listenOnLoopback(server);
  return { url: listening.origin, deliveries, close: listening.close };
}

/**
 * The delivery the kit makes of a request from Pact's verifier: the same method and path under the provider's base
 * URL, the body (or, for a GET, the query) byte for byte as Pact sent it, and Pact's headers on top of Twilio's.
 */
function webhookRequestOf(incoming: IncomingMessage, body: Buffer, base: string, mediaBaseUrl: string | undefined, profile: FaxProfile): WebhookRequest {
  const raw = incoming.url ?? '/';
  const query = raw.indexOf('?');
  const method = incoming.method === 'GET' ? 'GET' : 'POST';
  const withMedia = (encoded: string): string => (mediaBaseUrl === undefined ? encoded : onLoopbackMedia(encoded, mediaBaseUrl, profile.media.origin));
  const headers = forwardedHeaders(incoming.headers, profile.sender);
  if (method === 'GET') {
    const path = query === -1 ? raw : raw.slice(0, query);
    const encodedParams = withMedia(query === -1 ? '' : raw.slice(query + 1));
    return { method, url: `${base}${path}`, params: decodeParams(encodedParams), encodedParams, headers };
  }
  const encodedParams = withMedia(body.toString('utf8'));
  return { method, url: `${base}${raw}`, params: decodeParams(encodedParams), encodedParams, headers };
}

/**
 * Pact's request headers that the provider should see on top of what the sender sends: not those the sender sets
 * itself (the signature, the idempotency token), nor those that say what it says already (Pact's `accept: *\/*`,
 * the form's Content-Type), which would only change the case `check` writes them in.
 */
function forwardedHeaders(headers: IncomingHttpHeaders, sender: SenderBehaviour): Record<string, string> {
  const sent = new Map(Object.entries({ ...sender.headers, 'Content-Type': sender.formContentType }).map(([name, value]) => [name.toLowerCase(), value.toLowerCase()]));
  const forwarded: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || NOT_FORWARDED.has(name)) continue;
    if (sent.get(name) === (Array.isArray(value) ? value.join(', ') : value).toLowerCase()) continue;
    forwarded[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return forwarded;
}

// Both ways a MediaUrl can stand in a form body or query: form-encoded (as the kit and Pact write it), or as it is.

/** `encoded` with every `MediaUrl` on Twilio's media host moved to `mediaBaseUrl`, encoded the same way. */
function onLoopbackMedia(encoded: string, mediaBaseUrl: string, mediaOrigin: string): string {
  const base = mediaBaseUrl.replace(/\/+$/, '');
  const [formEncoded = '', plain = ''] = [encodeParams([['', mediaOrigin]]).slice(1), mediaOrigin];
  return encoded.replace(new RegExp(escapeRegex(formEncoded), 'gi'), encodeParams([['', base]]).slice(1)).replaceAll(plain, base);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function readBody(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}
