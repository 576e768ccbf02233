import type { TransportFailureKind } from '../model/exchange.js';
import { ABORTED } from './verdicts/exchange-outcome.js';
import { judged, notJudged, type Check } from './check-api/types.js';

/** Failures that mean Twilio could not talk HTTP with the server at all. */
const UNREACHABLE: Partial<Record<TransportFailureKind, { code: string; hint: string }>> = {
  'invalid-url': { code: 'invalid_url', hint: 'give an absolute http:// or https:// URL; Twilio refuses anything else when the number is configured' },
  dns: { code: 'dns_failure', hint: 'check the host name of the webhook URL; it must resolve in public DNS' },
  refused: { code: 'connection_refused', hint: 'start the server, or fix the port of the webhook URL (Twilio tries twice, then gives up)' },
  'connect-timeout': {
    code: 'connect_timeout',
    hint: 'make the server accept connections from the internet (firewall, security group); Twilio waits 5 s per attempt, twice',
  },
  unreachable: { code: 'host_unreachable', hint: 'there is no route to the host: check its address, and that it is reachable from the internet' },
  'private-address': {
    code: 'private_address',
    hint: 'Twilio only requests public addresses: point redirects and action URLs at the public host; to test a server inside a private network, run the kit with --allow-private-addresses (allowPrivateAddresses)',
  },
  reset: { code: 'connection_reset', hint: 'the server closed the connection mid-reply: look for a crash in its logs' },
  protocol: {
    code: 'malformed_http',
    hint: 'the reply breaks HTTP/1.1 as the message says (a malformed status line or header, a Set-Cookie Twilio refuses, a Content-Encoding that does not decode or stacks too many codings); check the server and any proxy in front of it',
  },
  'headers-too-large': {
    code: 'headers_too_large',
    hint: 'the reply headers are far larger than any client reads: look for a header written in a loop (thousands of Set-Cookie, a growing value)',
  },
  tls: { code: 'tls_handshake', hint: 'serve TLS 1.2 or later with a cipher suite modern clients accept' },
  'cert-domain': { code: 'certificate_domain_mismatch', hint: 'serve a certificate whose names include the webhook host' },
  'cert-expired': { code: 'certificate_expired', hint: 'renew the certificate' },
  'cert-untrusted': {
    code: 'certificate_untrusted',
    hint: 'serve a certificate from a public CA with its full chain (Twilio refuses self-signed ones; --insecure accepts them for local testing)',
  },
};

/** Why `reachable` judges nothing when the connection opened and no complete reply came in time. */
export const OPENED_NO_REPLY =
  'the server took the connection but sent no complete reply in time: whether it answers in HTTP was not seen (see response-time)';

/**
 * `reachable`: the server accepts a connection and answers in HTTP (11100, 11201, 11202, 11205, 11206, 11210, 11220,
 * 11235-11237). It passes only a case whose reply it read: a connection that opened and then stayed silent until the
 * timeout is response-time's finding, and says nothing about HTTP, so reachable does not judge it.
 */
export const reachableCheck: Check = {
  id: 'reachable',
  title: 'the server accepts connections and answers in HTTP',
  scope: 'case',
  run({ exchange }) {
    const failure = exchange.failure;
    if (!failure) return judged();
    if (failure.kind === 'aborted') return notJudged(ABORTED);
    if (failure.kind === 'timeout') return notJudged(OPENED_NO_REPLY);
    const known = UNREACHABLE[failure.kind];
    // A redirect Twilio does not follow is status-code's: the server was reached and answered in HTTP.
    if (!known) return judged();
    return judged([
      {
        exchange,
        diagnostic: {
          code: known.code,
          severity: 'error',
          twilioError: failure.twilioError,
          message: failure.message,
          hint: known.hint,
        },
      },
    ]);
  },
};
