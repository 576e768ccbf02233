import type { TwilioErrorCode } from '../protocol/twilio-errors.js';
import type { Exchange } from '../model/exchange.js';
import { ABORTED, exchangeOutcome } from './verdicts/exchange-outcome.js';
import { refusalHint } from './hints/refusal-hint.js';
import { otherProfileHint, profileTheServerFits } from './hints/other-profile-hint.js';
import { failureOwner, whyNotJudged } from './hints/failure-owner.js';
import { faxFails } from './hints/fax-fails.js';
import { judged, NO_REPLY_TO_JUDGE, notJudged, type Check, type CheckConfig } from './check-api/types.js';

/**
 * `status-code`: the final reply is 2xx after following only the redirects Twilio follows (11200, 11215, 11216). With
 * an auth token, a correctly signed request refused over its signature (401/403) is a validation mistake, which
 * `signature-accepted` judges and names: status-code does not judge it when that check runs. Without a token, it
 * reports the refusal with the hint to give the kit the token.
 */
export const statusCodeCheck: Check = {
  id: 'status-code',
  title: 'the final reply is 2xx, through redirects Twilio follows',
  scope: 'case',
  async run(context) {
    const { exchange, config } = context;
    const outcome = exchangeOutcome(exchange, config.profile);
    const issue = (code: string, twilioError: TwilioErrorCode, message: string, hint: string) =>
      judged([{ exchange, diagnostic: { code, severity: 'error' as const, twilioError, message, hint } }]);
    if (outcome.kind === 'aborted') return notJudged(ABORTED);
    if (outcome.kind === 'ok') return judged();
    if (outcome.failure === 'invalid-redirect') {
      const followed = config.profile.sender.followedRedirects.join(', ');
      return issue('invalid_redirect', outcome.twilioError, outcome.description, `redirect with ${followed} and an absolute http(s) Location, or serve the webhook at its final URL`);
    }
    if (outcome.failure === 'too-many-redirects') {
      return issue('redirect_loop', outcome.twilioError, outcome.description, 'point the number at the final URL; the redirects loop or are too many');
    }
    if (outcome.status === undefined || failureOwner(exchange, config) === 'signature-accepted') return notJudged(whyNotJudged(exchange, config) ?? NO_REPLY_TO_JUDGE);
    // The profile's error for any final status that is not 2xx (Twilio's 11200: docs/protocol.md, "Error codes").
    const message = `the reply is HTTP ${outcome.status}${describeRedirects(exchange)}; ${faxFails(config)}`;
    // A refusal of a well-formed fax is what an app written for another service answers: asked as that service asks,
    // does it accept the fax?
    const fits = REFUSAL_STATUSES.has(outcome.status) ? await profileTheServerFits(context.request, context) : undefined;
    if (fits) return issue('error_status', outcome.twilioError, `${message}, while it accepts the same fax as ${fits.service} sends it`, otherProfileHint(fits));
    return issue('error_status', outcome.twilioError, message, hintFor(exchange, outcome.status, config));
  },
};

/** Statuses an app gives a request it will not take (a bad signature, an id it does not know the shape of). */
const REFUSAL_STATUSES: ReadonlySet<number> = new Set([400, 401, 403, 422]);

function hintFor(exchange: Exchange, status: number, config: CheckConfig): string {
  const refused = refusalHint(exchange, config);
  if (refused) return refused;
  const first = exchange.hops[0]?.request.method ?? 'POST';
  const method = exchange.hops.at(-1)?.request.method ?? first;
  if ((status === 404 || status === 405) && method !== first) {
    return `Twilio followed the redirect with ${method} (the parameters in the query): redirect with 307 to keep the ${first}, or serve ${method} at the redirect's target`;
  }
  if (status === 404) return `nothing answers ${method} at this URL: check the path of the webhook URL and that the route accepts ${method}`;
  if (status === 405) return `accept ${method} on the webhook URL (the number is configured for ${method})`;
  if (status >= 500 && config.endpoint === 'fallback') {
    const { errorCodeParam, errorUrlParam } = config.profile.fallback;
    return `the fallback handler failed on a fallback request: it carries ${errorCodeParam} and ${errorUrlParam} after the fax's parameters; accept them as two more parameters of the same fax (look for the exception in its logs and reproduce it with the curl line)`;
  }
  if (status >= 500) return 'the server failed on this request: look for the exception in its logs and reproduce it with the curl line';
  return 'answer 200 with fax TwiML; refuse only requests with a bad signature (403)';
}

// The curl line reproduces the last hop; the message says how the kit got there.
function describeRedirects(exchange: Exchange): string {
  const redirects = exchange.hops.filter((hop) => hop.response && hop.response.status >= 300 && hop.response.status < 400);
  const first = exchange.hops[0];
  const last = exchange.hops.at(-1);
  if (redirects.length === 0 || !first || !last) return '';
  const statuses = redirects.map((hop) => hop.response?.status).join(', ');
  const method = last.request.method === first.request.method ? '' : `, followed by ${last.request.method}`;
  return ` after ${redirects.length === 1 ? 'a redirect' : `${redirects.length} redirects`} (${statuses}) from ${first.request.method} ${first.request.url}${method}`;
}
