import type { SentRequest } from '../sender/types.js';

/** Quotes a string for POSIX shells: single quotes, with each `'` written as `'\''`. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_\-.,/:=@%+]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * A `curl` command that sends exactly the bytes of `request`: method, URL, every header in order (signature and
 * idempotency token included) and the body. `-H 'Expect:'` stops curl from adding a header of its own to large
 * bodies; `--globoff` keeps `[]{}` in URLs literal. `-i` prints the status line and headers of the reply.
 * @example toCurl({ method: 'GET', url: 'http://127.0.0.1:3000/fax?From=%2B1', headers: {} })
 */
export function toCurl(request: SentRequest): string {
  const parts = ['curl', '-sS', '-i', '--globoff'];
  if (request.method !== 'GET' || request.body !== undefined) parts.push('-X', request.method);
  parts.push(shellQuote(wireUrl(request.url)));
  // curl reads `Name:` as "remove the header" and `Name;` as "send it empty".
  for (const [name, value] of Object.entries(request.headers)) parts.push('-H', shellQuote(value === '' ? `${name};` : `${name}: ${value}`));
  if (request.body !== undefined) {
    // --data-binary would read a body starting with `@` as a file name; --data-raw sends it as written.
    const flag = request.body.startsWith('@') ? '--data-raw' : '--data-binary';
    parts.push('-H', shellQuote('Expect:'), flag, shellQuote(request.body));
  }
  return parts.join(' ');
}

// HTTP clients send the WHATWG-serialized URL (a space in a configured URL goes out as %20); curl would send a
// raw space, which servers refuse.
function wireUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}
