import { twilioErrorTitle } from '../../src/protocol/twilio-errors.js';

/**
 * Twilio's fax error codes, with its titles as `ErrorMessage` (assumption `failed-fax-error-codes`): 34004 "Error
 * during fax transmission" first, the likely one on receive (it is what shrinking leads to), then 34002 "Callee
 * Busy", 34003 "Callee did not answer", 34108 "Other End Incompatible". Not 15001-15004, which are voice codes.
 */
export const FAILED_FAX_ERRORS = ([34004, 34002, 34003, 34108] as const).map((code) => [String(code), twilioErrorTitle(code)] as const);

