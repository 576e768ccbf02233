import type { TwilioErrorCode } from './twilio-errors.js';

/** Why an exchange ended without a usable reply, classified as Twilio would. */
export type TransportFailureKind =
  | 'invalid-url' // 11100: not an absolute http(s) URL, nothing sent
  | 'dns' // 11210
  | 'refused' // 11202: refused on both connection attempts
  | 'connect-timeout' // 11201: no connection on either attempt
  | 'unreachable' // 11205: no route to the host
  | 'private-address' // 11205: a loopback, private or link-local address the run may not reach
  | 'timeout' // 11205: no complete reply in time
  | 'reset' // 11206
  | 'protocol' // 11206: malformed HTTP, bad Set-Cookie, undecodable or too many content codings
  | 'headers-too-large' // 11206: the reply's headers passed the size limit
  | 'tls' // 11220
  | 'cert-domain' // 11235
  | 'cert-expired' // 11236
  | 'cert-untrusted' // 11237
  | 'invalid-redirect' // 11216
  | 'too-many-redirects' // 11215
  | 'aborted'; // the run was stopped (Ctrl-C): never a finding, the exchange proves nothing about the server

/** What a failed request comes to in the service's error log: the error of each way of failing, and of a bad status. */
export interface ErrorMapping {
  /** The error each way of failing maps to. */
  readonly failures: Readonly<Record<TransportFailureKind, TwilioErrorCode>>;
  /** The error of a final reply that is not 2xx, whatever its status (and of an exchange with no reply at all). */
  readonly errorStatus: TwilioErrorCode;
}

/**
 * How Twilio's fax service logged a failed webhook request (docs/protocol.md, "Error codes" and "How Twilio's HTTP
 * client behaves"). A final status that is not 2xx is 11200, whatever it is: Twilio's 11200 covers "a 4xx or 5xx",
 * and any other final status (a 304 nobody asked for, a 1xx) is no reply either; the newer 11217 postdates fax.
 */
export const TWILIO_ERROR_MAPPING: ErrorMapping = {
  failures: {
    'invalid-url': 11100,
    dns: 11210,
    refused: 11202,
    'connect-timeout': 11201,
    unreachable: 11205,
    // 11205 lists "URLs that reference private IP addresses or localhost" among its causes.
    'private-address': 11205,
    timeout: 11205,
    reset: 11206,
    protocol: 11206,
    'headers-too-large': 11206,
    tls: 11220,
    'cert-domain': 11235,
    'cert-expired': 11236,
    'cert-untrusted': 11237,
    'invalid-redirect': 11216,
    'too-many-redirects': 11215,
    // An aborted exchange never becomes a finding; the code only keeps the mapping total.
    aborted: 11205,
  },
  errorStatus: 11200,
};
