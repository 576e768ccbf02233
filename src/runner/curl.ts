import type { SentRequest } from '../sender/types.js';

/** What a curl line needs of a request: a `SentRequest`, or any request whose method is not GET or POST. */
export type CurlRequest = Omit<SentRequest, 'method'> & { readonly method: string };

/** Quotes a string for POSIX shells: single quotes, with each `'` written as `'\''`. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_\-.,/:=@%+]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * A `curl` command that sends exactly the bytes of `request`: method, URL (already as requested, which curl sends
 * unchanged), every header in order (signature and idempotency token included) and the body. `-H 'Expect:'` stops
 * curl from adding a header of its own to large bodies; `--globoff` keeps `[]{}` in URLs literal. `-i` prints the
 * status line and headers of the reply.
 * `maxTimeMs` adds `--max-time`, so that a reply too slow for Twilio fails under curl too.
 * @example toCurl({ method: 'GET', url: 'http://127.0.0.1:3000/fax?From=%2B1', headers: {} })
 */
export function toCurl(request: CurlRequest, options: { readonly maxTimeMs?: number } = {}): string {
  const parts = ['curl', '-sS', '-i', '--globoff'];
  if (options.maxTimeMs !== undefined) parts.push('--max-time', String(options.maxTimeMs / 1000));
  if (request.method !== 'GET' || request.body !== undefined) parts.push('-X', request.method);
  parts.push(shellQuote(request.url));
  // curl reads `Name:` as "remove the header" and `Name;` as "send it empty".
  for (const [name, value] of Object.entries(request.headers)) parts.push('-H', shellQuote(value === '' ? `${name};` : `${name}: ${value}`));
  if (request.body !== undefined) {
    // --data-binary would read a body starting with `@` as a file name; --data-raw sends it as written.
    const flag = request.body.startsWith('@') ? '--data-raw' : '--data-binary';
    parts.push('-H', shellQuote('Expect:'), flag, shellQuote(request.body));
  }
  return parts.join(' ');
}
