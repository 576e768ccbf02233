import type { ProxiedExchange } from './signing-proxy.js';

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

// Headers curl sets itself or that only matter to one connection.
const LEFT_TO_CURL = new Set(['host', 'content-length', 'accept-encoding']);

/** A `curl` line that sends the same bytes the provider received, signature included. */
export function toCurlCommand(request: ProxiedExchange['request']): string {
  const parts = ['curl', '-i', '-X', request.method, shellQuote(request.url)];
  for (const [name, value] of Object.entries(request.headers)) {
    if (!LEFT_TO_CURL.has(name.toLowerCase())) parts.push('-H', shellQuote(`${name}: ${value}`));
  }
  if (request.body.length > 0) parts.push('--data-binary', shellQuote(request.body.toString('utf8')));
  return parts.join(' ');
}
