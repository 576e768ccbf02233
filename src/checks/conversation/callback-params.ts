import { FAILED_FAX_ERRORS } from '../../../properties/_internals/failed-fax-errors.js';
import type { ParameterNames } from '../../protocol/parameters.js';
import type { FormParams } from '../../model/exchange.js';

/** The parameters Twilio adds to the webhook's for `<Receive action>`: the fax's outcome. */
export type CallbackOutcome = { readonly status: 'received'; readonly mediaUrl: string } | { readonly status: 'failed' };

// A padded TSID, as real fax machines send it: the same in every run, so callbacks read the same.
const REMOTE_STATION_ID = '  14155550100';
function remoteStationId(): string {
  return REMOTE_STATION_ID;
}

/**
 * The action callback's parameters, under the profile's `names`: the webhook's own, then on `received` `FaxStatus`, `NumPages`, `MediaUrl` and
 * `RemoteStationId`; on `failed` `FaxStatus`, `ErrorCode` 34004 and Twilio's title for it as `ErrorMessage` (the
 * likely failure on receive), and no `NumPages`, `MediaUrl` or `RemoteStationId` (the line failed before the
 * machines exchanged identities).
 */
export function callbackParams(webhook: FormParams, outcome: CallbackOutcome, names: ParameterNames): FormParams {
  if (outcome.status === 'received') {
    return [...webhook, [names.faxStatus, 'received'], [names.numPages, '1'], [names.mediaUrl, outcome.mediaUrl], [names.remoteStationId, remoteStationId()]];
  }
  const [code, message] = FAILED_FAX_ERRORS[0]!;
  return [...webhook, [names.faxStatus, 'failed'], [names.errorCode, code], [names.errorMessage, message]];
}
