import type { SentRequest } from '../model/exchange.js';

/** What a curl line needs of a request: a `SentRequest`, or any request whose method is not GET or POST. */
export type CurlRequest = Omit<SentRequest, 'method'> & { readonly method: string };

/**
 * The environment variables a curl line reads the webhook URL's HTTP-auth credentials from: a finding's curl line
 * reproduces an authenticated request without holding the password.
 */
export const CURL_CREDENTIAL_VARIABLES = { user: 'FAX_USER', password: 'FAX_PASSWORD' } as const;

/** How a curl line authenticates: as the request did, Basic or Digest, with the credentials from the environment. */
export type CurlHttpAuth = 'basic' | 'digest';

/** Whether a curl line reads the credentials from `CURL_CREDENTIAL_VARIABLES` (a report says their names once). */
export function readsCredentialVariables(line: string): boolean {
  return line.includes(CREDENTIALS_ARGUMENT);
}

// Double quotes: the shell expands the variables.
const CREDENTIALS_ARGUMENT = `-u "$${CURL_CREDENTIAL_VARIABLES.user}:$${CURL_CREDENTIAL_VARIABLES.password}"`;

/** Quotes a string for POSIX shells: single quotes, with each `'` written as `'\''`. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_\-.,/:=@%+]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * A `curl` command that sends exactly the bytes of `request`: method, URL (already as requested, which curl sends
 * unchanged), every header in order (signature and idempotency token included) and the body. `-H 'Expect:'` stops
 * curl from adding a header of its own to large bodies; `--globoff` keeps `[]{}` in URLs literal. `-i` prints the
 * status line and headers of the reply.
 * `maxTimeMs` adds `--max-time`, so that a reply too slow for Twilio fails under curl too. `httpAuth` replaces the
 * request's `Authorization` header with `-u "$FAX_USER:$FAX_PASSWORD"` (`--digest` first for Digest, whose header
 * holds a one-time nonce curl must answer afresh).
 * @example toCurl({ method: 'GET', url: 'http://127.0.0.1:3000/fax?From=%2B1', headers: {} })
 */
export function toCurl(request: CurlRequest, options: { readonly maxTimeMs?: number; readonly httpAuth?: CurlHttpAuth } = {}): string {
  const parts = ['curl', '-sS', '-i', '--globoff'];
  if (options.maxTimeMs !== undefined) parts.push('--max-time', String(options.maxTimeMs / 1000));
  if (options.httpAuth === 'digest') parts.push('--digest');
  if (options.httpAuth !== undefined) parts.push(CREDENTIALS_ARGUMENT);
  if (request.method !== 'GET' || request.body !== undefined) parts.push('-X', request.method);
  parts.push(shellQuote(request.url));
  // curl reads `Name:` as "remove the header" and `Name;` as "send it empty".
  const headers = Object.entries(request.headers).filter(([name]) => options.httpAuth === undefined || name.toLowerCase() !== 'authorization');
  for (const [name, value] of headers) parts.push('-H', shellQuote(value === '' ? `${name};` : `${name}: ${value}`));
  if (request.body !== undefined) {
    // --data-binary would read a body starting with `@` as a file name; --data-raw sends it as written.
    const flag = request.body.startsWith('@') ? '--data-raw' : '--data-binary';
    parts.push('-H', shellQuote('Expect:'), flag, shellQuote(request.body));
  }
  return parts.join(' ');
}
