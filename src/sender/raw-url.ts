/**
 * URLs kept as written. Twilio requested and signed "the original URL" (docs/protocol.md, "How Twilio's HTTP client
 * behaves"): a `'` stays a `'`, the host keeps its case, an explicit `:443` stays. WHATWG parsing (`new URL().href`)
 * would rewrite all of that, so the sender splits URLs by hand and uses `new URL()` only to validate them and to find
 * where to connect.
 */

/** A URL cut into its parts, each exactly as written. */
export interface RawUrl {
  /** The scheme and `://`, as written (`HTTPS://` stays upper-case). */
  readonly scheme: string;
  /** `user:password@`, or empty. */
  readonly userInfo: string;
  /** Host and `:port` as written, without user-info. */
  readonly hostAndPort: string;
  /** Path and query as written (may be empty, or start with `?`). */
  readonly pathAndQuery: string;
  /** `#...`, or empty. */
  readonly fragment: string;
}

const PARTS = /^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)([^/?#]*)([^#]*)(#.*)?$/s;

/** The parts of an absolute http(s) URL, or undefined when it is not one (WHATWG and RFC 3986 must both agree). */
export function parseRawUrl(url: string): RawUrl | undefined {
  const match = PARTS.exec(url);
  if (!match) return undefined;
  const [, scheme = '', authority = '', pathAndQuery = '', fragment = ''] = match;
  // WHATWG reads `\` as `/` in http(s) URLs; in the authority that would connect somewhere the raw split does not.
  if (authority.includes('\\') || !/^https?:\/\/$/i.test(scheme)) return undefined;
  try {
    new URL(url);
  } catch {
    return undefined;
  }
  const at = authority.lastIndexOf('@');
  return { scheme, userInfo: authority.slice(0, at + 1), hostAndPort: authority.slice(at + 1), pathAndQuery, fragment };
}

/**
 * The bytes that go on the HTTP request line for a path and query written as `text`: unchanged, except what HTTP/1.1
 * cannot carry (controls, space, DEL, non-ASCII), which is percent-encoded as UTF-8.
 * @example sendable("/fax box?who=o'neil") // "/fax%20box?who=o'neil"
 */
export function sendable(text: string): string {
  // A lone surrogate has no UTF-8 form; it goes out as U+FFFD, as a TextEncoder would write it.
  return text.replace(/[^\u0021-\u007e]/gu, (char) => (char.length === 1 && /[\ud800-\udfff]/.test(char) ? '%EF%BF%BD' : encodeURIComponent(char)));
}

/**
 * The request target for `raw`: its path and query as sent, starting with `/`. Dot segments (`/a/../b`) are removed,
 * as RFC 3986 §5.2.2 does for any absolute URL and as curl, browsers and WHATWG do; nothing else changes.
 */
export function requestTargetOf(raw: RawUrl): string {
  const target = sendable(withoutDotSegments(raw.pathAndQuery));
  return target.startsWith('/') ? target : `/${target}`;
}

/** The path and query of `raw` as Twilio signed them: as written, dot segments removed, only what HTTP cannot carry escaped. */
export function signedPathAndQueryOf(raw: RawUrl): string {
  return sendable(withoutDotSegments(raw.pathAndQuery));
}

/**
 * The URL exactly as the sender requests it: no fragment, no credentials, the path and query as written except what
 * HTTP cannot carry. A string that is no http(s) URL is returned without its fragment.
 * @example requestedUrl("https://u:p@Fax.Example/fax box?who=o'neil#rc=1") // "https://Fax.Example/fax%20box?who=o'neil"
 */
export function requestedUrl(url: string): string {
  const raw = parseRawUrl(url);
  if (!raw) return url.split('#', 1)[0] ?? url;
  return raw.scheme + raw.hostAndPort + requestTargetOf(raw);
}

/** The origin to connect to and the request target to send, for a URL as `requestedUrl` returns it. */
export function splitRequestUrl(url: string): { origin: string; path: string } {
  const raw = parseRawUrl(url);
  return { origin: new URL(url).origin, path: raw ? requestTargetOf(raw) : new URL(url).pathname };
}

/** The URL with its port removed (`https://h:8443/x` -> `https://h/x`), everything else as written. */
export function withoutPort(url: string): string {
  const raw = parseRawUrl(url);
  if (!raw) return url;
  // In an IPv6 literal the colons before `]` belong to the address.
  const portStart = raw.hostAndPort.indexOf(':', raw.hostAndPort.lastIndexOf(']') + 1);
  if (portStart === -1) return url;
  return raw.scheme + raw.userInfo + raw.hostAndPort.slice(0, portStart) + raw.pathAndQuery + raw.fragment;
}

/**
 * Resolves a reference (a `Location` header, a relative `action`) against `base` as RFC 3986 §5.2 does, keeping the
 * bytes of both as written; undefined when the result is not an http(s) URL.
 * @example resolveReference("../done?n=o'neil", 'https://a.example/fax/in') // "https://a.example/done?n=o'neil"
 */
export function resolveReference(reference: string, base: string): string | undefined {
  const baseRaw = parseRawUrl(base);
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(reference)) return parseRawUrl(reference) ? reference : undefined;
  if (!baseRaw) return undefined;
  const origin = baseRaw.scheme + baseRaw.userInfo + baseRaw.hostAndPort;
  let resolved: string;
  if (reference.startsWith('//')) resolved = baseRaw.scheme.slice(0, -2) + reference;
  else if (reference.startsWith('/')) resolved = origin + withoutDotSegments(reference);
  else if (reference === '' || reference.startsWith('#')) resolved = origin + baseRaw.pathAndQuery + reference;
  else if (reference.startsWith('?')) resolved = origin + pathOf(baseRaw.pathAndQuery) + reference;
  else {
    const basePath = pathOf(baseRaw.pathAndQuery);
    const directory = basePath === '' ? '/' : basePath.slice(0, basePath.lastIndexOf('/') + 1);
    resolved = origin + withoutDotSegments(directory + reference);
  }
  return parseRawUrl(resolved) ? resolved : undefined;
}

function pathOf(pathAndQuery: string): string {
  const query = pathAndQuery.indexOf('?');
  return query === -1 ? pathAndQuery : pathAndQuery.slice(0, query);
}

/** RFC 3986 §5.2.4 on the path of `pathAndRest` (query and fragment untouched). */
function withoutDotSegments(pathAndRest: string): string {
  if (!/(^|\/)\.\.?(\/|[?#]|$)/.test(pathAndRest.split(/[?#]/, 1)[0] ?? '')) return pathAndRest;
  const end = pathAndRest.search(/[?#]/);
  const path = end === -1 ? pathAndRest : pathAndRest.slice(0, end);
  const rest = end === -1 ? '' : pathAndRest.slice(end);
  const output: string[] = [];
  const segments = path.split('/');
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (segment === '.') {
      if (last) output.push('');
    } else if (segment === '..') {
      if (output.length > 1) output.pop();
      if (last) output.push('');
    } else {
      output.push(segment);
    }
  });
  return output.join('/') + rest;
}
