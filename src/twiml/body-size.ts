import type { Diagnostic } from '../diagnostic.js';
import type { TwimlSchema } from '../protocol/twiml-schema.js';

/** Flags a body longer than Twilio reads (11750). */
export function checkBodySize(byteLength: number, schema: TwimlSchema): Diagnostic[] {
  if (byteLength <= schema.maxBodyBytes) return [];
  return [{
    check: 'body-size',
    code: 'body_too_large',
    severity: 'error',
    twilioError: 11750,
    message: `the body is ${byteLength.toLocaleString('en-US')} bytes; Twilio reads at most ${schema.maxBodyBytes.toLocaleString('en-US')}`,
    hint: 'reply with just the TwiML: <Response><Receive/></Response> is all a fax needs',
  }];
}
