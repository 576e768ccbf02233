import type { Exchange } from '../model/exchange.js';
import { judged, notJudged, type Check, type CheckContext, type CheckIssue } from './check-api/types.js';
import { ABORTED } from './verdicts/exchange-outcome.js';
import {
  acceptHint,
  callbackFailure,
  callbackRequest,
  callbacksOf,
  consequence,
  isUnsuccessfulEnding,
  signatureOwnsFailure,
  statusOf,
} from './status-callback-replies.js';

/** The id of the check that owns the last callback of a fax that was not delivered, when it runs. */
const FAILED_FAX_CHECK = 'status-callback-failed-fax';

/**
 * `status-callback-accepted`: every status callback of a fax the app sent gets a 2xx within the timeout, sent in
 * order as the service sends them (`queued`, maybe `processing` and `sending`, then the ending). The body of the reply
 * is ignored, as Twilio ignored it. The last callback of a fax that was not delivered is
 * `status-callback-failed-fax`'s when that check runs (one cause, one finding); a correctly signed callback refused
 * over its signature is `signature-accepted`'s.
 */
export const statusCallbackAcceptedCheck: Check = {
  id: 'status-callback-accepted',
  title: 'every status callback gets a 2xx within the timeout',
  scope: 'case',
  endpoints: ['status-callback'],
  async run(context) {
    const [, ...rest] = callbacksOf(context);
    const issues: CheckIssue[] = [];
    const base = judgeCallback(context, context.exchange, 0);
    if (base === 'aborted') return notJudged(ABORTED);
    if (base === 'signature') return notJudged('the first callback was refused over its signature (see signature-accepted)');
    if (base) issues.push(base);
    for (const [offset, params] of rest.entries()) {
      const leftToFailedFax = isUnsuccessfulEnding(params, context.config) && context.config.runningChecks?.has(FAILED_FAX_CHECK) === true;
      if (leftToFailedFax) continue;
      const issue = judgeCallback(context, await context.send(callbackRequest(context, params)), offset + 1);
      if (issue === 'aborted') return notJudged(ABORTED);
      // One issue per kind of failure on a case: a server that fails every callback says so once.
      if (issue && issue !== 'signature' && !issues.some((known) => known.diagnostic.code === issue.diagnostic.code)) issues.push(issue);
    }
    return judged(issues);
  },
};

/** The issue of the callback at `position` of the case's fax, if it got no 2xx in time. */
function judgeCallback(context: CheckContext, exchange: Exchange, position: number): CheckIssue | 'aborted' | 'signature' | undefined {
  const failure = callbackFailure(exchange, context.config);
  if (failure === undefined || failure === 'aborted') return failure;
  if (signatureOwnsFailure(exchange, context.config)) return 'signature';
  const callbacks = callbacksOf(context);
  const status = statusOf(callbacks[position] ?? [], context.config);
  const which = `the ${status} callback (${position + 1} of ${callbacks.length} for this fax)`;
  const got = failure.kind === 'error_status' ? `was answered ${failure.description}` : failure.kind === 'timeout' ? `got no reply in time (${failure.description})` : `failed (${failure.description})`;
  return {
    exchange,
    label: `the ${status} callback`,
    diagnostic: {
      code: `status_callback_${failure.kind}`,
      severity: context.config.profile.statusCallback.failure.severity,
      twilioError: failure.twilioError,
      message: `${which} ${got}: ${consequence(context.config, failure)}`,
      hint: acceptHint(failure),
    },
  };
}
