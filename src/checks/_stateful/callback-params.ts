import fc from 'fast-check';
import { actionCallbackParams, FAILED_FAX_ERRORS } from '../../../properties/action-callback-params.js';
import type { FormParams } from '../../sender/types.js';

/** The parameters Twilio adds to the webhook's for `<Receive action>`: the fax's outcome. */
export type CallbackOutcome = { readonly status: 'received'; readonly mediaUrl: string } | { readonly status: 'failed' };

// A fixed sample of the generator, so callbacks read the same in every run: a padded TSID as real fax machines send.
let receivedSample: { RemoteStationId: string } | undefined;
function remoteStationId(): string {
  receivedSample ??= fc.sample(actionCallbackParams({ outcome: 'received' }), { seed: 3, numRuns: 1 })[0]!;
  return receivedSample.RemoteStationId;
}

/**
 * The action callback's parameters: the webhook's own, then on `received` `FaxStatus`, `NumPages`, `MediaUrl` and
 * `RemoteStationId`; on `failed` `FaxStatus`, `ErrorCode` 34004 and Twilio's title for it as `ErrorMessage` (the
 * likely failure on receive), and no `NumPages`, `MediaUrl` or `RemoteStationId` (the line failed before the
 * machines exchanged identities).
 */
export function callbackParams(webhook: FormParams, outcome: CallbackOutcome): FormParams {
  if (outcome.status === 'received') {
    return [...webhook, ['FaxStatus', 'received'], ['NumPages', '1'], ['MediaUrl', outcome.mediaUrl], ['RemoteStationId', remoteStationId()]];
  }
  const [code, message] = FAILED_FAX_ERRORS[0]!;
  return [...webhook, ['FaxStatus', 'failed'], ['ErrorCode', code], ['ErrorMessage', message]];
}
