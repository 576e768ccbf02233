import { createHash, randomBytes } from 'node:crypto';
import { splitRequestUrl } from './raw-url.js';
import type { UrlCredentials } from '../model/exchange.js';

/** What the sender needs to answer a 401 challenge for one request. */
export interface ChallengedRequest {
  readonly method: string;
  /** The URL requested (credentials removed, as `requestedUrl` gives it); Digest signs its path and query as sent. */
  readonly url: string;
  readonly wwwAuthenticate: string;
  readonly credentials: UrlCredentials;
}

/**
 * The `Authorization` header answering a `WWW-Authenticate` challenge with the call's credentials, as Twilio does
 * (Basic or Digest, docs/protocol.md "HTTP authentication"); undefined when the challenge offers neither in a form the
 * kit speaks.
 * Basic wins when both are offered: it is what Twilio's documentation recommends.
 */
export function authorizationFor(request: ChallengedRequest): string | undefined {
  const { wwwAuthenticate, credentials } = request;
  if (/(^|[\s,])Basic(\s|,|$)/i.test(wwwAuthenticate)) {
    return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64')}`;
  }
  const digest = /(^|[\s,])Digest\s+(.*)$/is.exec(wwwAuthenticate)?.[2];
  return digest === undefined ? undefined : digestAuthorization(request, parseAuthParams(digest));
}

const DIGEST_HASHES: Readonly<Record<string, string>> = { md5: 'md5', 'sha-256': 'sha256' };

// RFC 7616 §3.4, qop "auth" only: "auth-int" would hash the body, which no webhook server asks for.
function digestAuthorization(request: ChallengedRequest, challenge: Map<string, string>): string | undefined {
  const realm = challenge.get('realm') ?? '';
  const nonce = challenge.get('nonce');
  const algorithm = challenge.get('algorithm') ?? 'MD5';
  const session = /-sess$/i.test(algorithm);
  const hashName = DIGEST_HASHES[algorithm.toLowerCase().replace(/-sess$/, '')];
  const qops = challenge.get('qop')?.split(',').map((each) => each.trim().toLowerCase());
  if (nonce === undefined || hashName === undefined || (qops !== undefined && !qops.includes('auth'))) return undefined;

  const hash = (text: string): string => createHash(hashName).update(text, 'utf8').digest('hex');
  const { username, password } = request.credentials;
  const uri = splitRequestUrl(request.url).path;
  const cnonce = randomBytes(8).toString('hex');
  const nc = '00000001';
  const secret = hash(`${username}:${realm}:${password}`);
  const ha1 = session ? hash(`${secret}:${nonce}:${cnonce}`) : secret;
  const ha2 = hash(`${request.method}:${uri}`);
  const response = qops ? hash(`${ha1}:${nonce}:${nc}:${cnonce}:auth:${ha2}`) : hash(`${ha1}:${nonce}:${ha2}`);

  const fields = [
    `username=${quote(username)}`,
    `realm=${quote(realm)}`,
    `nonce=${quote(nonce)}`,
    `uri=${quote(uri)}`,
    `algorithm=${algorithm}`,
    `response=${quote(response)}`,
  ];
  if (qops) fields.push('qop=auth', `nc=${nc}`, `cnonce=${quote(cnonce)}`);
  const opaque = challenge.get('opaque');
  if (opaque !== undefined) fields.push(`opaque=${quote(opaque)}`);
  return `Digest ${fields.join(', ')}`;
}

/** `realm="a b", nonce=xyz, ...` as a map with lower-cased names and unquoted values. */
function parseAuthParams(text: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const match of text.matchAll(/([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g)) {
    const name = match[1];
    if (name === undefined) continue;
    params.set(name.toLowerCase(), match[2]?.replace(/\\(.)/g, '$1') ?? match[3] ?? '');
  }
  return params;
}

function quote(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}
