import { appendQuery, decodeParams, encodeParams } from '../../sender/encode-params.js';
import type { FormParams, WebhookRequest } from '../../sender/types.js';

/** What Twilio's signature covers for one request: the URL requested and, for a POST, the form parameters. */
export interface SignedContent {
  readonly url: string;
  readonly params?: FormParams;
}

/**
 * What the sender signs for `request` (see sender/prepare-hop.ts): the URL without its fragment, query string and
 * credentials kept; a POST adds its parameters as the server decodes them, a GET has them in the URL already.
 */
export function signedContentOf(request: WebhookRequest): SignedContent {
  const encoded = request.encodedParams ?? encodeParams(request.params);
  const base = request.url.split('#', 1)[0] as string;
  return request.method === 'POST' ? { url: base, params: decodeParams(encoded) } : { url: appendQuery(base, encoded) };
}
