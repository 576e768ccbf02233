import { paramOf } from './conversation/fresh-ids.js';
import { judged, notJudged, type Check } from './check-api/types.js';
import { ABORTED } from './verdicts/exchange-outcome.js';
import { acceptHint, callbackFailure, callbackRequest, callbacksOf, consequence, isUnsuccessfulEnding, signatureOwnsFailure, statusOf } from './status-callback-replies.js';

/**
 * `status-callback-failed-fax`: the last callback of a fax that was not delivered (`failed`, `busy`, `no-answer`,
 * `canceled`) gets a 2xx within the timeout, though it has no `NumPages` and no `MediaUrl` (Twilio sent them for a
 * delivered fax only) and carries `ErrorCode` and `ErrorMessage` instead. Judged only on cases whose fax was not
 * delivered, and only when the server accepted the first callback of the same fax: a server that refuses every
 * callback is `status-callback-accepted`'s finding.
 */
export const statusCallbackFailedFaxCheck: Check = {
  id: 'status-callback-failed-fax',
  title: 'a fax that was not delivered (no NumPages, no MediaUrl) gets its callback accepted',
  scope: 'case',
  endpoints: ['status-callback'],
  async run(context) {
    const callbacks = callbacksOf(context);
    const ending = callbacks.at(-1) ?? [];
    const { config } = context;
    if (callbacks.length < 2 || !isUnsuccessfulEnding(ending, config)) return notJudged(`the fax of this case was ${statusOf(ending, config)}, not one that failed`, { notApplicable: true });
    const first = callbackFailure(context.exchange, config);
    if (first === 'aborted') return notJudged(ABORTED);
    if (first) return notJudged(`the ${statusOf(callbacks[0] ?? [], config)} callback of the same fax got no 2xx either (see status-callback-accepted)`);
    const exchange = await context.send(callbackRequest(context, ending));
    const failure = callbackFailure(exchange, config);
    if (failure === 'aborted') return notJudged(ABORTED);
    if (failure === undefined || signatureOwnsFailure(exchange, config)) return judged();
    const { names } = config.profile.parameters;
    const status = statusOf(ending, config);
    const errorCode = paramOf(ending, names.errorCode);
    const carried = errorCode === undefined ? 'no ErrorCode' : `${names.errorCode} ${errorCode}`;
    const got = failure.kind === 'error_status' ? `answered ${failure.description}` : failure.kind === 'timeout' ? `sent no reply in time (${failure.description})` : `failed (${failure.description})`;
    return judged([
      {
        exchange,
        label: `the ${status} callback`,
        diagnostic: {
          code: `failed_fax_callback_${failure.kind}`,
          severity: config.profile.statusCallback.failure.severity,
          twilioError: failure.twilioError,
          message:
            `the server ${got} to the ${status} callback of a fax that was not delivered (${carried}, no ${names.numPages}, no ${names.mediaUrl}), ` +
            `though it accepted the ${statusOf(callbacks[0] ?? [], config)} callback of the same fax: ${consequence(config, failure, 'that the fax was not delivered')}`,
          hint:
            failure.kind === 'error_status'
              ? `read ${names.numPages} and ${names.mediaUrl} as optional: Twilio sends them only when FaxStatus is ${config.profile.statusCallback.delivered}; a fax that was not delivered carries ${names.errorCode} and ${names.errorMessage} instead`
              : acceptHint(failure),
        },
      },
    ]);
  },
};
