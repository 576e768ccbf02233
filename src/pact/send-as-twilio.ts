import http from 'node:http';
import { TWILIO_SENDER } from '../protocol/index.js';
import type { FormParams, HttpMethod } from '../model/exchange.js';

/** A request as Twilio's fax service puts it on the wire. */
export interface TwilioStyleRequest {
  readonly method: HttpMethod;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** Encodes fax parameters as Twilio does: a form body for POST, the query string for GET. */
export function toTwilioStyleRequest(baseUrl: string, method: HttpMethod, path: string, params: FormParams): TwilioStyleRequest {
  const encoded = new URLSearchParams(params.map(([name, value]) => [name, value])).toString();
  const url = new URL(path, baseUrl);
  if (method === 'GET') {
    url.search = url.search ? `${url.search}&${encoded}` : encoded;
    return { method, url: url.href, headers: { ...TWILIO_SENDER.headers } };
  }
  return { method, url: url.href, headers: { ...TWILIO_SENDER.headers, 'Content-Type': TWILIO_SENDER.formContentType }, body: encoded };
}

/**
 * Sends the request on a connection of its own and returns the status and body of the reply.
 * Not `fetch`: its pool keeps connections alive per origin, and Pact's mock servers come and go on loopback ports
 * that the OS hands out again, so a pooled connection to a finished mock server could carry the next interaction's
 * request, which the new mock server then reports as "expected but not received".
 */
export function sendAsTwilio(request: TwilioStyleRequest): Promise<{ status: number; contentType: string | null; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(request.url, { method: request.method, headers: request.headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const contentType = response.headers['content-type'];
        resolve({ status: response.statusCode ?? 0, contentType: contentType ?? null, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}
