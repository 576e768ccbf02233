/**
 * The Twilio error codes the kit reports, with Twilio's own titles.
 * Source: Twilio's error dictionary (twilio.com/docs/api/errors), see ../shared/protocol.md §5.
 */
export const TWILIO_ERRORS = {
  11200: 'HTTP retrieval failure',
  11205: 'HTTP connection failure',
  11206: 'HTTP protocol violation',
  11210: 'HTTP bad host name',
  11215: 'HTTP too many redirects',
  11216: 'HTTP invalid redirect',
  11217: 'HTTP error response code',
  11220: 'SSL/TLS handshake error',
  11235: 'Certificate invalid - domain mismatch',
  11236: 'Certificate invalid - certificate expired',
  11237: 'Certificate invalid - could not find path to certificate',
  11750: 'TwiML response body too large',
  12100: 'Document parse failure',
  12101: 'Invalid Twilio Markup XML version',
  12102: 'The root element must be Response',
  12200: 'Schema validation warning',
  12300: 'Invalid Content-Type',
  34106: 'Fax: No Fax TwiML action specified',
} as const;

/** A Twilio error code the kit can report. */
export type TwilioErrorCode = keyof typeof TWILIO_ERRORS;

/** Twilio's title for an error code, e.g. `twilioErrorTitle(12300)` is "Invalid Content-Type". */
export function twilioErrorTitle(code: TwilioErrorCode): string {
  return TWILIO_ERRORS[code];
}

/** The public documentation page of a Twilio error code. */
export function twilioErrorUrl(code: TwilioErrorCode): string {
  return `https://www.twilio.com/docs/api/errors/${code}`;
}
