import type { WebhookRequest } from '../model/exchange.js';
import type { FaxProfile } from '../protocol/profile.js';
import { asNewFax } from './conversation/fresh-ids.js';
import { ABORTED } from './verdicts/exchange-outcome.js';
import { describeSummary, summarizeReply } from './verdicts/reply-summary.js';
import { whyNotJudged } from './hints/failure-owner.js';
import { judged, notJudged, type Check } from './check-api/types.js';

/** What stays the same on a repeat, as the profile names it: "same FaxSid and I-Twilio-Idempotency-Token". */
function sameIds(profile: FaxProfile): string {
  return `same ${profile.parameters.names.faxSid} and ${profile.sender.idempotencyHeader}`;
}

function hintFor(profile: FaxProfile): string {
  return `treat a repeated ${profile.parameters.names.faxSid} (same ${profile.sender.idempotencyHeader}) as a repeat: answer it as the first time, e.g. with the stored reply, and do not fail on a duplicate key`;
}

/** What the request shown is: not the case's own, but a new fax sent twice. */
function labelFor(profile: FaxProfile): string {
  return `a new fax delivered twice (${sameIds(profile)})`;
}

/**
 * `idempotency`: the same webhook delivered twice, same `FaxSid` and same `I-Twilio-Idempotency-Token`. Twilio's
 * default retry policy only repeats a request that never reached the server (a connect timeout), so a second
 * delivery comes from the fallback URL pointing at the same server or from connection overrides (`#rc`, `#rp`):
 * a server that fails it is a warning, not a failed fax (docs/protocol.md, "Stateful behaviour"). Uses a new fax,
 * so the checks that repeat the case's own request cannot have delivered it already.
 */
export const idempotencyCheck: Check = {
  id: 'idempotency',
  title: 'a repeated delivery (same FaxSid) gets the same answer',
  scope: 'run',
  async run(context) {
    // A webhook that fails the case's own request would fail the new fax alike: nothing is sent.
    const baseFailed = whyNotJudged(context.exchange, context.config);
    if (baseFailed) return notJudged(baseFailed);
    const profile = context.config.profile;
    const request: WebhookRequest = {
      method: context.request.method,
      url: context.request.url,
      params: asNewFax(context.request.params, context.random, profile),
      idempotencyToken: context.random.uuid(),
    };
    const delivered = await context.send(request);
    // A first delivery that fails is the finding of the check that owns its failure; there is nothing to repeat.
    const firstFailed = whyNotJudged(delivered, context.config, 'the first delivery');
    if (firstFailed) return notJudged(firstFailed === ABORTED ? ABORTED : `${firstFailed}: there is nothing to repeat`);
    const first = summarizeReply(delivered, profile);
    if (first.outcome !== 'answered') return notJudged('the first delivery got no reply to compare');
    const retry = await context.send(request);
    const second = summarizeReply(retry, profile);
    if (second.outcome === 'aborted') return notJudged(ABORTED);
    if (second.outcome === 'failed') {
      return judged([
        {
          exchange: retry,
          label: labelFor(profile),
          diagnostic: {
            code: 'retry_fails',
            severity: 'warning',
            ...(second.twilioError ? { twilioError: second.twilioError } : {}),
            message: `the same webhook delivered a second time (${sameIds(profile)}, as a fallback URL or a retry override would): the server ${describeSummary(second)}, where the first delivery got ${describeSummary(first)}`,
            hint: hintFor(profile),
          },
        },
      ]);
    }
    if (second.verb === first.verb) return judged();
    return judged([
      {
        exchange: retry,
        label: labelFor(profile),
        diagnostic: {
          code: 'retry_changes_verb',
          severity: 'warning',
          message: `the same webhook delivered a second time answers <${second.verb}>, where the first delivery got <${first.verb}>: a repeated delivery would change what happens to the fax`,
          hint: hintFor(profile),
        },
      },
    ]);
  },
};
