import fc from 'fast-check';
import { actionCallbackParams } from '../../../properties/action-callback-params.js';
import type { FormParams } from '../../sender/types.js';

/** The parameters Twilio adds to the webhook's for `<Receive action>`: the fax's outcome. */
export type CallbackOutcome = { readonly status: 'received'; readonly mediaUrl: string } | { readonly status: 'failed' };

// Fixed samples of the generators, so callbacks read the same in every run: a failure before the machines
// exchanged identities (no RemoteStationId), and a padded TSID as real fax machines send.
let samples: { received: { RemoteStationId: string }; failed: { ErrorCode: string; ErrorMessage: string } } | undefined;
function callbackSamples(): NonNullable<typeof samples> {
  samples ??= {
    received: fc.sample(actionCallbackParams({ outcome: 'received' }), { seed: 3, numRuns: 1 })[0]!,
    failed: fc.sample(actionCallbackParams({ outcome: 'failed' }), { seed: 2, numRuns: 1 })[0]!,
  };
  return samples;
}

/**
 * The action callback's parameters: the webhook's own, then on `received` `FaxStatus`, `NumPages`, `MediaUrl` and
 * `RemoteStationId`; on `failed` `FaxStatus`, `ErrorCode` and `ErrorMessage`, and no `NumPages` or `MediaUrl`.
 */
export function callbackParams(webhook: FormParams, outcome: CallbackOutcome): FormParams {
  const { received, failed } = callbackSamples();
  if (outcome.status === 'received') {
    return [...webhook, ['FaxStatus', 'received'], ['NumPages', '1'], ['MediaUrl', outcome.mediaUrl], ['RemoteStationId', received.RemoteStationId]];
  }
  return [...webhook, ['FaxStatus', 'failed'], ['ErrorCode', failed.ErrorCode], ['ErrorMessage', failed.ErrorMessage]];
}
