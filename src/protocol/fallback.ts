import type { TwilioErrorCode } from './twilio-errors.js';

/**
 * How a fax service requests a number's fallback URL when the fax URL failed (docs/protocol.md, "Fallback URL").
 * Twilio's "Availability and Reliability" page: "If Twilio is unable to retrieve or execute TwiML from your web server,
 * a request is immediately made to the number's Fallback URL", with `ErrorCode` and `ErrorUrl` "indicating the error
 * code of the failure and what URL the failure occurred on". Fax numbers are IncomingPhoneNumbers, whose
 * `VoiceFallbackUrl` and `VoiceFallbackMethod` (GET or POST, default POST) configure it (Twilio's api_v2010 OpenAPI).
 */
export interface FallbackBehaviour {
  /** The parameter carrying the Twilio error code of the fax URL's failure. */
  readonly errorCodeParam: string;
  /** The parameter carrying the URL the failure occurred on. */
  readonly errorUrlParam: string;
  /** The number's `VoiceFallbackMethod` when none is configured. */
  readonly defaultMethod: 'GET' | 'POST';
  /**
   * The failures of the fax URL after which the fallback is requested, as Twilio logs them: every failure to retrieve
   * the TwiML (connection, timeout, a status that is not 2xx, a broken reply) and every TwiML error that stops it
   * executing. The kit draws the `ErrorCode` of a fallback request from these.
   */
  readonly requestedAfter: readonly TwilioErrorCode[];
  /**
   * Where the two parameters go: after the fax URL's own parameters, in this order (assumption
   * `fallback-params-appended`).
   */
  readonly paramsOrder: 'appended';
  /**
   * Which URL `ErrorUrl` names: the URL the failure occurred on (after redirects), without credentials (assumption
   * `fallback-error-url`).
   */
  readonly errorUrl: 'failed-url';
  /**
   * The fallback request carries the fax URL's `FaxSid` and idempotency token: it is the same fax delivered again
   * (assumption `fallback-same-fax`), so a server behind both URLs sees one fax twice.
   */
  readonly sameFax: true;
}

/**
 * Twilio's fallback, as published and as assumed (docs/protocol.md, "Fallback URL"). The request is signed as every
 * webhook: with the URL requested, here the fallback URL, and all its parameters, `ErrorCode` and `ErrorUrl` included.
 */
export const TWILIO_FALLBACK: FallbackBehaviour = {
  errorCodeParam: 'ErrorCode',
  errorUrlParam: 'ErrorUrl',
  defaultMethod: 'POST',
  // 11200 first: the likeliest failure (a 4xx or 5xx), where shrinking leads. Then the other failures to retrieve the
  // TwiML (11205's page: "try your fallback URL"), a reply too large or empty (11750, 11770), and the TwiML errors
  // that stop Twilio executing it (12100, 12101, 12102, 12300).
  requestedAfter: [11200, 11205, 11201, 11202, 11206, 11210, 11215, 11216, 11220, 11235, 11236, 11237, 11750, 11770, 12100, 12101, 12102, 12300],
  paramsOrder: 'appended',
  errorUrl: 'failed-url',
  sameFax: true,
};
