import { faxFails } from './hints/fax-fails.js';
import { whyNotJudged } from './hints/failure-owner.js';
import { judged, NO_REPLY_TO_JUDGE, notJudged, type Check } from './check-api/types.js';

/** A reply slower than this share of the timeout works today and times out on a busy day. */
const SLOW_SHARE = 0.5;

/** `response-time`: every reply arrives complete within the timeout (the profile's error for a timeout: Twilio's 11205); a slow one is a warning. */
export const responseTimeCheck: Check = {
  id: 'response-time',
  title: 'the reply arrives complete within the timeout',
  scope: 'case',
  run({ exchange, config }) {
    const seconds = (config.timeoutMs / 1000).toLocaleString('en-US');
    if (exchange.failure?.kind === 'timeout') {
      return judged([
        {
          exchange,
          diagnostic: {
            code: 'reply_timeout',
            severity: 'error',
            twilioError: config.profile.errors.failures.timeout,
            message: `no complete reply within ${seconds} s; ${faxFails(config)}`,
            hint: 'answer with TwiML at once and do slow work (downloads, OCR, e-mail) after replying, e.g. in the action callback or a queue',
          },
        },
      ]);
    }
    // Any other failure left no reply to time: the reason names the check that reports it.
    if (!exchange.response) return notJudged(whyNotJudged(exchange, config) ?? NO_REPLY_TO_JUDGE);
    if (exchange.durationMs > config.timeoutMs * SLOW_SHARE) {
      return judged([
        {
          exchange,
          diagnostic: {
            code: 'slow_reply',
            severity: 'warning',
            message: `the reply took ${Math.round(exchange.durationMs)} ms, more than half of the ${seconds} s Twilio waits`,
            hint: 'answer with TwiML at once and do slow work after replying',
          },
        },
      ]);
    }
    return judged();
  },
};
