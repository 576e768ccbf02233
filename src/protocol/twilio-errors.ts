/**
 * The Twilio error codes the kit reports, with Twilio's own titles, letter for letter, and the level Twilio logs
 * them at. Source: Twilio's error dictionary (twilio.com/docs/api/errors); see docs/protocol.md, "Error codes".
 */
export const TWILIO_ERRORS = {
  11100: { title: 'Invalid URL format', level: 'error' },
  11200: { title: 'HTTP retrieval failure', level: 'error' },
  11201: { title: 'TCP connection timed out', level: 'error' },
  11202: { title: 'TCP connection refused', level: 'error' },
  11205: { title: 'HTTP connection failure', level: 'error' },
  11206: { title: 'HTTP protocol violation', level: 'error' },
  11210: { title: 'HTTP bad host name', level: 'error' },
  11215: { title: 'HTTP too many redirects', level: 'error' },
  11216: { title: 'HTTP invalid redirect', level: 'error' },
  // Not Twilio's fax (it postdates it): SignalWire logs a 4xx or 5xx reply as 11217 (SIGNALWIRE_ERROR_MAPPING).
  11217: { title: 'HTTP error response code', level: 'error' },
  11220: { title: 'SSL/TLS Handshake Error', level: 'error' },
  11235: { title: 'Certificate Invalid - Domain Mismatch', level: 'error' },
  11236: { title: 'Certificate Invalid - Certificate Expired', level: 'error' },
  11237: { title: 'Certificate Invalid - Could not find path to certificate', level: 'error' },
  11750: { title: 'TwiML response body too large', level: 'error' },
  11770: { title: 'Empty response body', level: 'error' },
  12100: { title: 'Document parse failure', level: 'error' },
  12101: { title: 'Invalid Twilio Markup XML version', level: 'error' },
  12102: { title: 'The root element must be Response', level: 'error' },
  12200: { title: 'Schema validation warning', level: 'warning' },
  12300: { title: 'Invalid Content-Type', level: 'error' },
  34002: { title: 'Callee Busy', level: 'error' },
  34003: { title: 'Callee did not answer', level: 'error' },
  34004: { title: 'Error during fax transmission', level: 'error' },
  34106: { title: 'No Fax TwiML action specified', level: 'error' },
  34108: { title: 'Other End Incompatible', level: 'error' },
} as const satisfies Record<number, { readonly title: string; readonly level: 'error' | 'warning' }>;

/** A Twilio error code the kit can report. */
export type TwilioErrorCode = keyof typeof TWILIO_ERRORS;

/** Twilio's title for an error code, e.g. `twilioErrorTitle(12300)` is "Invalid Content-Type". */
export function twilioErrorTitle(code: TwilioErrorCode): string {
  return TWILIO_ERRORS[code].title;
}

/** The level Twilio logs a code at: 12200 is a warning (Twilio goes on), the others are errors. */
export function twilioErrorLevel(code: TwilioErrorCode): 'error' | 'warning' {
  return TWILIO_ERRORS[code].level;
}

/** The public documentation page of a Twilio error code. */
export function twilioErrorUrl(code: TwilioErrorCode): string {
  return `https://www.twilio.com/docs/api/errors/${code}`;
}
