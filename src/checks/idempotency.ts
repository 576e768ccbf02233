import type { WebhookRequest } from '../model/exchange.js';
import { freshFaxSid, withParams } from './conversation/fresh-ids.js';
import { ABORTED } from './verdicts/exchange-outcome.js';
import { describeSummary, summarizeReply } from './verdicts/reply-summary.js';
import { judged, notJudged, type Check } from './check-api/types.js';

const HINT =
  'treat a repeated FaxSid (same I-Twilio-Idempotency-Token) as a repeat: answer it as the first time, e.g. with the stored reply, and do not fail on a duplicate key';

/** What the request shown is: not the case's own, but a new fax sent twice. */
const LABEL = 'a new fax delivered twice (same FaxSid and I-Twilio-Idempotency-Token)';

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
    const profile = context.config.profile;
    const request: WebhookRequest = {
      method: context.request.method,
      url: context.request.url,
      params: withParams(context.request.params, { FaxSid: freshFaxSid(context.random) }),
      idempotencyToken: context.random.uuid(),
    };
    const first = summarizeReply(await context.send(request), profile);
    // A first delivery that fails is the base checks' finding; there is nothing to repeat.
    if (first.outcome === 'aborted') return notJudged(ABORTED);
    if (first.outcome === 'failed') return notJudged(`the first delivery failed (${first.reason}); there is nothing to repeat`);
    const retry = await context.send(request);
    const second = summarizeReply(retry, profile);
    if (second.outcome === 'aborted') return notJudged(ABORTED);
    if (second.outcome === 'failed') {
      return judged([
        {
          exchange: retry,
          label: LABEL,
          diagnostic: {
            code: 'retry_fails',
            severity: 'warning',
            ...(second.twilioError ? { twilioError: second.twilioError } : {}),
            message: `the same webhook delivered a second time (same FaxSid and I-Twilio-Idempotency-Token, as a fallback URL or a retry override would): the server ${describeSummary(second)}, where the first delivery got ${describeSummary(first)}`,
            hint: HINT,
          },
        },
      ]);
    }
    if (second.verb === first.verb) return judged();
    return judged([
      {
        exchange: retry,
        label: LABEL,
        diagnostic: {
          code: 'retry_changes_verb',
          severity: 'warning',
          message: `the same webhook delivered a second time answers <${second.verb}>, where the first delivery got <${first.verb}>: a repeated delivery would change what happens to the fax`,
          hint: HINT,
        },
      },
    ]);
  },
};
