import type { TransportFailureKind } from '../sender/types.js';
import { judged, type Check } from './types.js';

/** Failures that mean Twilio could not talk HTTP with the server at all. */
const UNREACHABLE: Partial<Record<TransportFailureKind, { code: string; hint: string }>> = {
  dns: { code: 'dns_failure', hint: 'check the host name of the webhook URL; it must resolve in public DNS' },
  refused: { code: 'connection_refused', hint: 'start the server, or fix the port of the webhook URL' },
  'connect-timeout': { code: 'connect_timeout', hint: 'make the server accept connections from the internet (firewall, security group)' },
  reset: { code: 'connection_reset', hint: 'the server closed the connection mid-reply: look for a crash in its logs' },
  protocol: { code: 'malformed_http', hint: 'the reply is not valid HTTP/1.1 (or a Set-Cookie is malformed); check any proxy in front of the server' },
  tls: { code: 'tls_handshake', hint: 'serve TLS 1.2 or later with a cipher suite modern clients accept' },
  'cert-domain': { code: 'certificate_domain_mismatch', hint: 'serve a certificate whose names include the webhook host' },
  'cert-expired': { code: 'certificate_expired', hint: 'renew the certificate' },
  'cert-untrusted': {
    code: 'certificate_untrusted',
    hint: 'serve a certificate from a public CA with its full chain (Twilio refuses self-signed ones; --insecure accepts them for local testing)',
  },
};

/** `reachable`: the server accepts a connection and answers in HTTP (11205, 11206, 11210, 11220, 11235-11237). */
export const reachableCheck: Check = {
  id: 'reachable',
  title: 'the server accepts connections and answers in HTTP',
  scope: 'case',
  run({ exchange }) {
    const failure = exchange.failure;
    const known = failure && UNREACHABLE[failure.kind];
    // Every delivery judges reachability: a reply, or a timeout after connecting, means it was reached.
    if (!failure || !known) return judged();
    return judged([
      {
        exchange,
        diagnostic: {
          check: 'reachable',
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
