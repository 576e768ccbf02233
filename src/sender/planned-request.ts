import { appendQuery, decodeParams, encodeParams, twilioQuery, type TwilioQuery } from './encode-params.js';
import { parseRawUrl, signedPathAndQueryOf, withoutPort } from './raw-url.js';
import type { FormParams, HttpMethod, WebhookRequest } from '../model/exchange.js';
import { stripCredentials } from '../secrets/url-credentials.js';

/** The next request of an exchange before headers: the first delivery, a redirect target or an auth retry. */
export interface PlannedRequest {
  readonly method: HttpMethod;
  /** As configured or resolved, written as Twilio wrote it: may carry credentials and a fragment, never sent. */
  readonly url: string;
  /** The same URL as Twilio signed it: differs from `url` only in the `@` and `:` of the parameters Twilio appended. */
  readonly signedUrl: string;
  /** The encoded form body (POST). */
  readonly body?: string;
  /** The parameters as Twilio appends them to a URL: for a GET, and for the GET that follows a 301/302/303 of a POST. */
  readonly query: TwilioQuery;
}

/** What Twilio's signature covers for one request: the URL as signed and, for a POST, the form parameters. */
export interface SignedContent {
  readonly url: string;
  readonly params?: FormParams;
}

/**
 * The first request of a delivery. POST: the form body (`encodedParams` as given, else the canonical encoding). GET:
 * the parameters appended to the URL's own query, as Twilio appended them (see `twilioQuery`), or `encodedParams`
 * exactly as given, sent and signed alike.
 */
export function firstRequest(webhook: WebhookRequest): PlannedRequest {
  const query: TwilioQuery =
    webhook.encodedParams === undefined ? twilioQuery(webhook.params) : { sent: webhook.encodedParams, signed: webhook.encodedParams };
  return webhook.method === 'POST'
    ? { method: 'POST', url: webhook.url, signedUrl: webhook.url, body: webhook.encodedParams ?? encodeParams(webhook.params), query }
    : { method: 'GET', url: appendQuery(webhook.url, query.sent), signedUrl: appendQuery(webhook.url, query.signed), query };
}

/**
 * What the sender signs for a planned request: the URL as Twilio signed it (credentials dropped, as Twilio's security
 * notes say; the fragment dropped; the rest as written, only what HTTP cannot carry escaped; the port dropped when
 * `signedPort` is `dropped`) and, for a POST, the parameters as the server decodes them from the body sent.
 */
export function signedContent(planned: PlannedRequest, signedPort: WebhookRequest['signedPort'] = 'as-requested'): SignedContent {
  const url = signedUrl(planned.signedUrl);
  return {
    url: signedPort === 'dropped' ? withoutPort(url) : url,
    ...(planned.body !== undefined && { params: decodeParams(planned.body) }),
  };
}

/**
 * What the sender signs for the first request of `request` (redirects and auth retries are signed the same way over
 * their own URLs): use it to sign or verify a request the way the kit does.
 * @example signedContentOf({ method: 'GET', url: 'https://u:p@a.example/fax', params: [['From', 'sip:a@b']] })
 * // { url: 'https://a.example/fax?From=sip:a@b' }
 */
export function signedContentOf(request: WebhookRequest): SignedContent {
  return signedContent(firstRequest(request), request.signedPort);
}

/**
 * What the server receives of the first request of `request`, in the same shape: the URL as sent (credentials and
 * fragment dropped) and, for a POST, the parameters. It differs from `signedContentOf` only where Twilio signed
 * something other than what it sent: a GET's `@` and `:`, and a port the signature leaves out.
 */
export function receivedContentOf(request: WebhookRequest): SignedContent {
  const planned = firstRequest(request);
  return signedContent({ ...planned, signedUrl: planned.url });
}

function signedUrl(url: string): string {
  const raw = parseRawUrl(stripCredentials(url));
  if (!raw) return url.split('#', 1)[0] ?? url;
  return raw.scheme + raw.hostAndPort + signedPathAndQueryOf(raw);
}
