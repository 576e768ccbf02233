import { toCurl } from '../runner/curl.js';
import type { ProxiedExchange } from './signing-proxy.js';

// Headers curl sets itself or that only matter to one connection.
const LEFT_TO_CURL = new Set(['host', 'content-length', 'accept-encoding']);

/** A `curl` line that sends the same bytes the provider received, signature included (the check command's `toCurl`). */
export function toCurlCommand(request: ProxiedExchange['request']): string {
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !LEFT_TO_CURL.has(name.toLowerCase())));
  return toCurl({ method: request.method, url: request.url, headers, ...(request.body.length > 0 && { body: request.body.toString('utf8') }) });
}
