import type CachePolicy from 'http-cache-semantics';
import type { Exchange } from '../../model/exchange.js';

/** The final request and reply of an exchange in the shape `http-cache-semantics` reads. */
export interface CacheView {
  readonly request: CachePolicy.HttpRequest;
  readonly response: CachePolicy.HttpResponse;
}

/** The exchange's last hop as a cache sees it, or undefined when no reply came. */
export function cacheViewOf(exchange: Exchange): CacheView | undefined {
  const hop = exchange.hops.at(-1);
  const response = exchange.response;
  if (!hop || !response) return undefined;
  const headers = Object.fromEntries(Object.entries(hop.request.headers).map(([name, value]) => [name.toLowerCase(), value]));
  return {
    request: { url: hop.request.url, method: hop.request.method, headers },
    response: { status: response.status, headers: { ...response.headers } },
  };
}

/** True when two replies have different bodies. */
export function bodiesDiffer(a: Exchange, b: Exchange): boolean {
  const x = a.response?.body;
  const y = b.response?.body;
  return !x || !y || !Buffer.from(x).equals(Buffer.from(y));
}
