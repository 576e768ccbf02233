import { TWILIO_ERROR_MAPPING, type ErrorMapping } from './error-mapping.js';

/**
 * How SignalWire logs a failed webhook request, from its Compatibility API's error codes: a 4xx or 5xx reply is 11217,
 * a request that timed out 11200, a bad host name 11210, too many redirects 11215, an invalid URL 11100. The other
 * ways of failing keep Twilio's codes: assumption `signalwire-as-twilio`.
 */
export const SIGNALWIRE_ERROR_MAPPING: ErrorMapping = {
  failures: {
    ...TWILIO_ERROR_MAPPING.failures,
    'connect-timeout': 11200,
    timeout: 11200,
  },
  errorStatus: 11217,
};
