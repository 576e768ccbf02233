import type { TwilioErrorCode } from '../protocol/twilio-errors.js';
import type { Check } from './types.js';

/** `status-code`: the final reply is 2xx after following only the redirects Twilio follows (11200, 11215, 11216). */
export const statusCodeCheck: Check = {
  id: 'status-code',
  title: 'the final reply is 2xx, through redirects Twilio follows',
  scope: 'case',
  run({ exchange, config }) {
    const failure = exchange.failure;
    const issue = (code: string, twilioError: TwilioErrorCode, message: string, hint: string) => [
      { exchange, diagnostic: { check: 'status-code', code, severity: 'error' as const, twilioError, message, hint } },
    ];
    if (failure?.kind === 'invalid-redirect') {
      const followed = config.profile.sender.followedRedirects.join(', ');
      return issue('invalid_redirect', failure.twilioError, failure.message, `redirect with ${followed} and an absolute http(s) Location, or serve the webhook at its final URL`);
    }
    if (failure?.kind === 'too-many-redirects') {
      return issue('redirect_loop', failure.twilioError, failure.message, 'point the number at the final URL; the redirects loop or are too many');
    }
    const status = exchange.response?.status;
    if (status === undefined || (status >= 200 && status < 300)) return [];
    if (status >= 300 && status < 400) {
      return issue('invalid_redirect', 11216, `the reply is ${status}, a redirect Twilio does not follow`, 'serve the webhook at its final URL');
    }
    const method = exchange.hops.at(-1)?.request.method ?? 'POST';
    const hint =
      status === 405
        ? `accept ${method} on the webhook URL (the number is configured for ${method})`
        : status >= 500
          ? 'the server failed on this request: look for the exception in its logs and reproduce it with the curl line'
          : 'answer 200 with fax TwiML; refuse only requests with a bad signature (403)';
    const twilioError: TwilioErrorCode = status >= 400 && status < 600 ? 11200 : 11217;
    return issue('error_status', twilioError, `the reply is HTTP ${status}; Twilio fails the fax`, hint);
  },
};
