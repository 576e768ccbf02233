import { randomUUID } from 'node:crypto';
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import { listenOnLoopback } from '../loopback/loopback-server.js';
import { TWILIO_SENDER } from '../protocol/index.js';
import { signTwilioRequest } from '../signature/index.js';

/**
 * Why a proxy of our own, and not pact-js's `Verifier`: in @pact-foundation/pact 16.5 the JS `Verifier` puts an
 * Express proxy between Pact's Rust verifier and the provider; that proxy parses
 * `application/x-www-form-urlencoded` bodies and re-serialises them as JSON (pact-js issue 884), and with
 * `changeOrigin` it rewrites `Host`. A fax webhook then sees a JSON body and a signature that matches nothing.
 *
 * So the kit runs pact-core's Rust verifier directly against this proxy, which forwards every request byte-exact
 * (body untouched, `Host` set to the provider's) and adds what Pact cannot: an `X-Twilio-Signature` computed for
 * the exact URL and parameters the provider receives. The signature depends on each request, so Pact's static
 * `customProviderHeaders` cannot carry it, and rewriting pact files would not work for pacts from a broker.
 */

/** One request the proxy forwarded, and the reply (absent when the provider could not be reached). */
export interface ProxiedExchange {
  readonly request: { readonly method: string; readonly url: string; readonly headers: Readonly<Record<string, string>>; readonly body: Buffer };
  readonly response?: { readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: Buffer };
  /** Why the provider could not be reached. */
  readonly error?: string;
}

export interface SigningProxyOptions {
  /** The provider's base URL, as Twilio would request it (a path prefix is kept). */
  readonly target: string;
  /** Signs each request when given; without it no `X-Twilio-Signature` is sent. */
  readonly authToken?: string;
}

export interface SigningProxy {
  /** Where Pact's verifier sends requests: `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** Every exchange, in the order the requests arrived. */
  readonly exchanges: readonly ProxiedExchange[];
  close(): Promise<void>;
}

// Hop-by-hop headers belong to one connection (RFC 9110 §7.6.1); `host` is replaced by the provider's.
const NOT_FORWARDED = new Set(['host', 'connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'upgrade', 'trailer']);

/** Starts the loopback proxy in front of `target`. */
export async function startSigningProxy(options: SigningProxyOptions): Promise<SigningProxy> {
  const target = new URL(options.target);
  const basePath = target.pathname.replace(/\/+$/, '');
  const exchanges: ProxiedExchange[] = [];
  const server = http.createServer((incoming, outgoing) => {
    // A client that hangs up mid-body leaves nothing to forward.
    readBody(incoming).then((body) => forward(incoming, body, outgoing), () => incoming.destroy());
  });

  async function forward(incoming: IncomingMessage, body: Buffer, outgoing: ServerResponse): Promise<void> {
    const url = `${target.origin}${basePath}${incoming.url ?? '/'}`;
    const headers = forwardedHeaders(incoming.headers, target.host);
    if (options.authToken !== undefined) {
      headers['x-twilio-signature'] = signTwilioRequest({ authToken: options.authToken, url, params: formParams(headers, body) });
    }
    const request = { method: incoming.method ?? 'GET', url, headers, body };
    try {
      const { response, rawHeaders } = await send(request);
      exchanges.push({ request, response });
      outgoing.writeHead(response.status, rawHeaders);
      outgoing.end(response.body);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      exchanges.push({ request, error: message });
      // Pact then reports a status mismatch; the body says why.
      outgoing.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
      outgoing.end(`twiml-fax-kit could not reach the provider at ${url}: ${message}\n`);
    }
  }

  const listening = await listenOnLoopback(server);
  return { url: listening.origin, exchanges, close: listening.close };
}

/** The request headers for the provider, names lower-cased (Node's own form). */
function forwardedHeaders(headers: IncomingHttpHeaders, host: string): Record<string, string> {
  const forwarded: Record<string, string> = { host };
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || NOT_FORWARDED.has(name)) continue;
    forwarded[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  // Pact's verifier sends no User-Agent and no idempotency token; Twilio always does.
  for (const [name, value] of Object.entries(TWILIO_SENDER.headers)) forwarded[name.toLowerCase()] ??= value;
  forwarded['i-twilio-idempotency-token'] ??= randomUUID();
  // A signature stored in a pact was computed for someone else's URL; the proxy signs for this one.
  delete forwarded['x-twilio-signature'];
  return forwarded;
}

/** The form parameters of a POST body, as the signature covers them; none for anything else. */
function formParams(headers: Readonly<Record<string, string>>, body: Buffer): Array<[string, string]> {
  const contentType = headers['content-type'] ?? '';
  if (!/^application\/x-www-form-urlencoded\b/i.test(contentType)) return [];
  return [...new URLSearchParams(body.toString('utf8'))];
}

function readBody(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/** Sends one request and reads the whole reply; `rawHeaders` keeps repeated headers (`Set-Cookie`) apart. */
function send(request: {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}): Promise<{ response: NonNullable<ProxiedExchange['response']>; rawHeaders: string[] }> {
  const url = new URL(request.url);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const outgoing = client.request(url, { method: request.method, headers: request.headers }, (response) => {
      readBody(response).then((body) => {
        const headers: Record<string, string> = {};
        const rawHeaders: string[] = [];
        for (let i = 0; i + 1 < response.rawHeaders.length; i += 2) {
          const name = response.rawHeaders[i] ?? '';
          const value = response.rawHeaders[i + 1] ?? '';
          if (NOT_FORWARDED.has(name.toLowerCase())) continue;
          rawHeaders.push(name, value);
          const key = name.toLowerCase();
          headers[key] = headers[key] === undefined ? value : `${headers[key]}, ${value}`;
        }
        resolve({ response: { status: response.statusCode ?? 502, headers, body }, rawHeaders });
      }, reject);
    });
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}
