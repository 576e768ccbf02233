import { parse as parseQuery, stringify as stringifyQuery } from 'node:querystring';

/**
 * The URLs twilio-node's `validateRequest` tries, in its order, so a verifier accepts exactly what twilio-node does.
 * First the URL as received, without any port and with one (the scheme's default added when absent), because
 * proxies add or drop `:443`; then the same after WHATWG normalisation (`'` -> `%27`, host lower-cased), plain and
 * with the query re-encoded by Node's legacy `querystring`, for back ends that rebuild the URL.
 */
export function signatureUrlCandidates(url: string): string[] {
  const candidates = [removePort(url), addPort(url)];
  const normalized = normalizeUrl(url);
  if (normalized !== undefined) {
    const withoutPort = removePort(normalized);
    const withPort = addPort(normalized);
    candidates.push(withoutPort, withPort, withLegacyQuery(withoutPort), withLegacyQuery(withPort));
  }
  return [...new Set(candidates)];
}

interface UrlParts {
  readonly scheme: string;
  readonly userInfo: string;
  readonly host: string;
  readonly port: string;
  readonly rest: string;
}

// Split by hand, not with `new URL()`: the path and query must keep the exact characters Twilio signed.
function splitUrl(url: string): UrlParts | undefined {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)/i.exec(url);
  if (!match) return undefined;
  const [prefix, scheme = '', authority = ''] = match;
  const userInfoEnd = authority.lastIndexOf('@');
  const hostAndPort = authority.slice(userInfoEnd + 1);
  // In an IPv6 literal the colons before `]` belong to the address.
  const portStart = hostAndPort.indexOf(':', hostAndPort.lastIndexOf(']') + 1);
  return {
    scheme,
    userInfo: authority.slice(0, userInfoEnd + 1),
    host: portStart === -1 ? hostAndPort : hostAndPort.slice(0, portStart),
    port: portStart === -1 ? '' : hostAndPort.slice(portStart),
    rest: url.slice(prefix.length),
  };
}

function addPort(url: string): string {
  const parts = splitUrl(url);
  if (!parts || parts.port) return url;
  const port = parts.scheme.toLowerCase() === 'https://' ? ':443' : ':80';
  return parts.scheme + parts.userInfo + parts.host + port + parts.rest;
}

// Any port, not only the default one: that is what twilio-node accepts.
function removePort(url: string): string {
  const parts = splitUrl(url);
  return parts ? parts.scheme + parts.userInfo + parts.host + parts.rest : url;
}

function normalizeUrl(url: string): string | undefined {
  try {
    return new URL(url).toString();
  } catch {
    return undefined; // twilio-node throws here; a verifier answers false instead
  }
}

function withLegacyQuery(url: string): string {
  const queryStart = url.indexOf('?');
  if (queryStart === -1 || queryStart === url.length - 1) return url;
  return url.slice(0, queryStart) + '?' + stringifyQuery(parseQuery(url.slice(queryStart + 1)));
}
