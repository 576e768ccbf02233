import type { Exchange, HttpMethod, WebhookRequest } from '../sender/types.js';
import { freshFaxSid, withParams } from './_stateful/fresh-ids.js';
import { findSignatureMistake } from './_stateful/find-signature-mistake.js';
import { httpOutcomeOf } from './_stateful/http-outcome.js';
import { TRICKY_ADDRESSES } from './_stateful/tricky-values.js';
import { judged, notJudged, type Check, type CheckContext, type CheckIssue } from './types.js';

/** Statuses that mean "your request is not allowed" rather than "I broke": what a failing signature check answers. */
const REFUSED = new Set([400, 401, 403]);

export const NEEDS_AUTH_TOKEN = 'needs --auth-token or TWILIO_AUTH_TOKEN';

const GENERIC_HINT =
  'validate with the exact URL Twilio requested (the public URL, query string and port included, not one rebuilt from the Host header) and the form parameters as decoded by a real form decoder; check that the server uses the same auth token as --auth-token';

/**
 * `signature-accepted`: correctly signed requests are accepted, including values that are easy to mis-encode and the
 * webhook URL's own query string and port, by each method the number may use. When one is refused, the check finds
 * out what the server signs instead (by asking it to accept signatures made its way) and names the mistake.
 */
export const signatureAcceptedCheck: Check = {
  id: 'signature-accepted',
  title: 'correctly signed requests are accepted',
  scope: 'run',
  skipReason: (config) => (config.hasAuthToken ? undefined : NEEDS_AUTH_TOKEN),
  async run(context) {
    const base = httpOutcomeOf(context.exchange);
    // A base request that fails for another reason is status-code's finding, not a signature problem.
    if (!base.ok && !REFUSED.has(base.status ?? 0)) return notJudged(`the base request failed for another reason (${base.description}; see status-code)`);
    if (!base.ok) return judged([await issueFor(context, context.request, context.exchange, 'the base request of this case')]);
    for (const method of methodsOf(context)) {
      for (const address of TRICKY_ADDRESSES) {
        const request: WebhookRequest = {
          method,
          url: context.request.url,
          params: withParams(context.request.params, { FaxSid: freshFaxSid(context.random), From: address.From, To: address.To }),
        };
        const exchange = await context.send(request);
        if (!httpOutcomeOf(exchange).ok) return judged([await issueFor(context, request, exchange, `${address.label}, by ${method}`)]);
      }
    }
    return judged();
  },
};

function methodsOf(context: CheckContext): HttpMethod[] {
  const { method } = context.config;
  return method === 'both' ? ['POST', 'GET'] : [method];
}

async function issueFor(context: CheckContext, request: WebhookRequest, exchange: Exchange, described: string): Promise<CheckIssue> {
  const outcome = httpOutcomeOf(exchange);
  const refused = REFUSED.has(outcome.status ?? 0);
  const mistake = refused ? await findSignatureMistake(context, request) : undefined;
  const opening = `the server ${refused ? 'refused' : 'failed on'} a correctly signed request (${described}; ${outcome.description})`;
  // Twilio logs a refusal like any other error status (11200): the real fax fails the same way.
  const twilioError = outcome.twilioError ? { twilioError: outcome.twilioError } : {};
  if (mistake) {
    return { exchange, diagnostic: { check: 'signature-accepted', code: mistake.code, severity: 'error', ...twilioError, message: `${opening}: it ${mistake.behaviour}`, hint: mistake.hint } };
  }
  return {
    exchange,
    diagnostic: {
      check: 'signature-accepted',
      code: refused ? 'signed_request_refused' : 'signed_request_fails',
      severity: 'error',
      ...twilioError,
      message: refused ? `${opening}; Twilio's real faxes would be refused the same way` : opening,
      hint: refused ? GENERIC_HINT : 'the server failed on this request: look for the exception in its logs and reproduce it with the curl line',
    },
  };
}
