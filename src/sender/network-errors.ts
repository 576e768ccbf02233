import type { TransportError } from './transport.js';
import type { TransportFailureKind } from '../model/exchange.js';

/** The code of the error the network transport raises for an address its rule refuses. */
export const PRIVATE_ADDRESS = 'ERR_TWIML_FAX_KIT_PRIVATE_ADDRESS';

// Error codes from Node (net, dns, tls / OpenSSL) and undici, by the failure Twilio would report.
const KIND_BY_CODE: Readonly<Record<string, TransportFailureKind>> = {
  [PRIVATE_ADDRESS]: 'private-address',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EAI_NONAME: 'dns',
  EAI_FAIL: 'dns',
  ECONNREFUSED: 'refused',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  UND_ERR_CONNECT_TIMEOUT: 'connect-timeout',
  ETIMEDOUT: 'connect-timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  UND_ERR_ABORTED: 'timeout',
  ABORT_ERR: 'timeout',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  UND_ERR_SOCKET: 'reset',
  UND_ERR_CLOSED: 'reset',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'protocol',
  UND_ERR_HEADERS_OVERFLOW: 'headers-too-large',
  HPE_HEADER_OVERFLOW: 'headers-too-large',
  CERT_HAS_EXPIRED: 'cert-expired',
  CERT_NOT_YET_VALID: 'cert-expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'cert-domain',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'cert-untrusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'cert-untrusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'cert-untrusted',
  UNABLE_TO_GET_ISSUER_CERT: 'cert-untrusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'cert-untrusted',
  CERT_UNTRUSTED: 'cert-untrusted',
  CERT_SIGNATURE_FAILURE: 'cert-untrusted',
  CERT_REJECTED: 'cert-untrusted',
  EPROTO: 'tls',
};

const SUMMARY: Readonly<Record<TransportFailureKind, string>> = {
  'invalid-url': 'not an http(s) URL',
  dns: 'the host name does not resolve',
  refused: 'the connection was refused',
  'connect-timeout': 'no connection within the connect timeout',
  unreachable: 'no route to the host',
  'private-address': 'the address is not one the run may reach',
  timeout: 'no complete reply within the timeout',
  reset: 'the connection closed before the reply was complete',
  protocol: 'the reply is not valid HTTP',
  'headers-too-large': 'the reply headers are too large',
  tls: 'the TLS handshake failed',
  'cert-domain': "the certificate does not match the host name",
  'cert-expired': 'the certificate has expired or is not yet valid',
  'cert-untrusted': 'the certificate is not signed by a trusted authority (self-signed?)',
  'invalid-redirect': 'invalid redirect',
  'too-many-redirects': 'too many redirects',
  aborted: 'the run was stopped before the reply came',
};

/**
 * Classifies an error from undici or Node's sockets as the failure Twilio would report for it. `maxHeaderBytes` is the
 * header limit the request was sent with, named when the headers passed it.
 */
export function classifyNetworkError(error: unknown, url: string, maxHeaderBytes?: number): TransportError {
  const codes = errorChain(error).flatMap((each) => (typeof each.code === 'string' ? [each.code] : []));
  const kind = kindOf(codes, error);
  const detail = errorChain(error).map((each) => each.message).filter((message) => message !== '').at(-1);
  const origin = originOf(url);
  // The address rule's own message already says what happened and why.
  if (kind === 'private-address' && detail) return { kind, message: detail };
  if (kind === 'headers-too-large' && maxHeaderBytes !== undefined) {
    return { kind, message: `the reply's status line and headers are larger than ${Math.round(maxHeaderBytes / 1024)} KB, the most the kit reads (${origin})` };
  }
  const code = codes.at(-1);
  return { kind, message: `${SUMMARY[kind]} (${origin}${code ? `, ${code}` : ''}${detail ? `: ${detail}` : ''})` };
}

function kindOf(codes: readonly string[], error: unknown): TransportFailureKind {
  // The innermost cause is the most specific (undici wraps socket errors).
  for (const code of [...codes].reverse()) {
    const kind = KIND_BY_CODE[code];
    if (kind) return kind;
    if (code.startsWith('HPE_')) return 'protocol';
    if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) return 'tls';
  }
  const names = errorChain(error).map((each) => each.name);
  if (names.includes('HTTPParserError')) return 'protocol';
  if (names.includes('AbortError') || names.includes('TimeoutError')) return 'timeout';
  return 'reset';
}

interface ErrorLike {
  readonly code?: unknown;
  readonly name?: string;
  readonly message: string;
}

function errorChain(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  let current: unknown = error;
  while (current instanceof Error && chain.length < 8) {
    chain.push(current as ErrorLike);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

function originOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
