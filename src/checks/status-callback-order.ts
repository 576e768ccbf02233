import type { FormParams } from '../model/exchange.js';
import { freshFaxSid, withParams } from './conversation/fresh-ids.js';
import { judged, notJudged, type Check, type CheckContext, type CheckIssue } from './check-api/types.js';
import { ABORTED } from './verdicts/exchange-outcome.js';
import { acceptHint, callbackFailure, callbackRequest, callbacksOf, consequence, signatureOwnsFailure, statusOf } from './status-callback-replies.js';

/** One callback of the disordered delivery, and how to say what was odd about it. */
interface Delivery {
  readonly params: FormParams;
  readonly code: 'out_of_order_callback' | 'duplicate_callback';
  /** "the queued callback after the delivered one" */
  readonly describe: string;
}

/**
 * `status-callback-order`: callbacks that arrive out of order or twice are accepted. Callbacks were separate
 * asynchronous requests with no ordering promise, so the ending may come before `queued`, and a delivery can be
 * repeated (assumption `status-callback-order-not-guaranteed`). The check first sends a new fax's callbacks in order
 * (a control: when they are not all accepted, a refusal out of order would prove nothing), then another new fax's
 * ending first, its first callback after it, and its ending again.
 */
export const statusCallbackOrderCheck: Check = {
  id: 'status-callback-order',
  title: 'callbacks that arrive out of order or twice are accepted',
  scope: 'case',
  endpoints: ['status-callback'],
  async run(context) {
    const callbacks = callbacksOf(context);
    const [first, ending] = [callbacks[0], callbacks.at(-1)];
    if (!first || !ending || callbacks.length < 2) return notJudged('this case has a single callback');
    const base = callbackFailure(context.exchange, context.config);
    if (base === 'aborted') return notJudged(ABORTED);
    if (base) return notJudged(`the ${statusOf(first, context.config)} callback got no 2xx in order either (see status-callback-accepted)`);
    const control = newFax(context, callbacks);
    for (const params of control) {
      const failure = callbackFailure(await context.send(callbackRequest(context, params)), context.config);
      if (failure === 'aborted') return notJudged(ABORTED);
      if (failure) return notJudged(`the ${statusOf(params, context.config)} callback of a new fax, in order, got no 2xx either (${failure.description}): see status-callback-accepted and status-callback-failed-fax`);
    }
    const [queued, last] = newFax(context, [first, ending]) as [FormParams, FormParams];
    const [s0, s1] = [statusOf(queued, context.config), statusOf(last, context.config)];
    const deliveries: Delivery[] = [
      { params: last, code: 'out_of_order_callback', describe: `the ${s1} callback of a new fax before its ${s0} callback` },
      { params: queued, code: 'out_of_order_callback', describe: `the ${s0} callback after the ${s1} one of the same fax` },
      { params: last, code: 'duplicate_callback', describe: `the ${s1} callback of a fax a second time` },
    ];
    const issues: CheckIssue[] = [];
    for (const delivery of deliveries) {
      const exchange = await context.send(callbackRequest(context, delivery.params));
      const failure = callbackFailure(exchange, context.config);
      if (failure === 'aborted') return notJudged(ABORTED);
      if (!failure || signatureOwnsFailure(exchange, context.config) || issues.some((i) => i.diagnostic.code === `${delivery.code}_${failure.kind}`)) continue;
      issues.push({
        exchange,
        label: delivery.describe,
        diagnostic: {
          code: `${delivery.code}_${failure.kind}`,
          severity: context.config.profile.statusCallback.failure.severity,
          twilioError: failure.twilioError,
          message: `${delivery.describe} ${failure.kind === 'error_status' ? `was answered ${failure.description}` : `failed (${failure.description})`}, though the same callbacks in order are accepted: ${consequence(context.config, failure)}`,
          hint:
            failure.kind === 'error_status'
              ? 'accept callbacks in any order and more than once: record a status only when it is newer than the one stored (an ending is final), and answer 200 to a repeat'
              : acceptHint(failure),
        },
      });
    }
    return judged(issues);
  },
};

/** `callbacks` as those of a fax no server has seen: one fresh fax id on every one of them. */
function newFax(context: CheckContext, callbacks: readonly FormParams[]): FormParams[] {
  const { profile } = context.config;
  const sid = freshFaxSid(context.random, profile);
  return callbacks.map((params) => withParams(params, { [profile.parameters.names.faxSid]: sid }));
}
