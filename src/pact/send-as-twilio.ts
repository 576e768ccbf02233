import { TWILIO_SENDER } from '../protocol/index.js';
import type { FormParams, HttpMethod } from '../sender/types.js';

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

/** Sends the request with `fetch` and returns the status and body of the reply. */
export async function sendAsTwilio(request: TwilioStyleRequest): Promise<{ status: number; contentType: string | null; body: string }> {
  const init: RequestInit = { method: request.method, headers: request.headers, redirect: 'manual' };
  if (request.body !== undefined) init.body = request.body;
  const response = await fetch(request.url, init);
  return { status: response.status, contentType: response.headers.get('content-type'), body: await response.text() };
}
