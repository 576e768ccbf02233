import type { SenderBehaviour } from '../protocol/sender-behaviour.js';
import { appendQuery } from './encode-params.js';
import { transportFailure } from './failures.js';
import type { TransportError } from './transport.js';
import type { PlannedRequest } from './planned-request.js';
import { resolveReference } from './raw-url.js';

/** True for a status the sender treats as a redirect: any 3xx except 304, which answers a conditional GET. */
export function isRedirectStatus(status: number): boolean {
  return status >= 300 && status < 400 && status !== 304;
}

/**
 * The request that follows a redirect, as Twilio makes it, or the failure Twilio reports (`invalid-redirect`, 11216).
 * 301/302/303 turn a POST into a GET with the parameters in the query; 307 repeats the request as it was. The
 * `Location` is resolved against the current URL as written (RFC 3986), never re-encoded.
 */
export function followRedirect(
  current: PlannedRequest,
  status: number,
  location: string | undefined,
  behaviour: SenderBehaviour,
): PlannedRequest | TransportError {
  if (!behaviour.followedRedirects.includes(status)) {
    return transportFailure('invalid-redirect', `status ${status} is a redirect Twilio does not follow (only ${behaviour.followedRedirects.join(', ')})`);
  }
  if (location === undefined || location.trim() === '') {
    return transportFailure('invalid-redirect', `status ${status} without a Location header`);
  }
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(location.trim())?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
    return transportFailure('invalid-redirect', `status ${status} to a ${scheme}: URL; only http and https are followed`);
  }
  const target = resolveReference(location.trim(), current.url);
  if (target === undefined) {
    return transportFailure('invalid-redirect', `status ${status} with a Location that is not a URL: ${JSON.stringify(location)}`);
  }
  if (current.method === 'POST' && behaviour.redirectsToGet.includes(status)) {
    return { method: 'GET', url: appendQuery(target, current.query.sent), signedUrl: appendQuery(target, current.query.signed), query: current.query };
  }
  return { method: current.method, url: target, signedUrl: target, query: current.query, ...(current.body !== undefined && { body: current.body }) };
}

/** Whether a value returned by `followRedirect` is a failure. */
export function isFailure(value: PlannedRequest | TransportError): value is TransportError {
  return 'kind' in value;
}
