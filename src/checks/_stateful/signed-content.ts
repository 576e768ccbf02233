import { appendQuery, decodeParams, encodeParams } from '../../sender/encode-params.js';
import { requestedUrl } from '../../sender/requested-url.js';
import type { FormParams, WebhookRequest } from '../../sender/types.js';

/** What Twilio's signature covers for one request: the URL requested and, for a POST, the form parameters. */
export interface SignedContent {
  readonly url: string;
  readonly params?: FormParams;
}

/**
 * What the sender signs for `request` (see sender/prepare-hop.ts): the URL as requested (no fragment, query string
 * and credentials kept); a POST adds its parameters as the server decodes them, a GET has them in the URL already.
 */
export function signedContentOf(request: WebhookRequest): SignedContent {
  const encoded = request.encodedParams ?? encodeParams(request.params);
  return request.method === 'POST'
    ? { url: requestedUrl(request.url), params: decodeParams(encoded) }
    : { url: requestedUrl(appendQuery(request.url, encoded)) };
}
