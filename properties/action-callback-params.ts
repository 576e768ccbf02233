import fc from 'fast-check';
import { e164Number } from './e164-number.js';
import { faxWebhookParams, type FaxWebhookParams } from './fax-webhook-params.js';
import { lowerHex } from './_internals/hex.js';

/** The callback Twilio requests at `<Receive action>` after a fax was received. */
export interface ReceivedFaxCallbackParams extends FaxWebhookParams {
  FaxStatus: 'received';
  NumPages: string;
  /** Twilio-hosted, valid for 2 hours. */
  MediaUrl: string;
  RemoteStationId: string;
}

/** The callback Twilio requests at `<Receive action>` after a fax failed: no `NumPages`, no `MediaUrl`. */
export interface FailedFaxCallbackParams extends FaxWebhookParams {
  FaxStatus: 'failed';
  ErrorCode: string;
  ErrorMessage: string;
  /** Absent when the line failed before the machines exchanged identities. */
  RemoteStationId?: string;
}

/** Either callback. */
export type ActionCallbackParams = ReceivedFaxCallbackParams | FailedFaxCallbackParams;

/** Options of {@link actionCallbackParams}. */
export interface ActionCallbackParamsOptions {
  readonly outcome?: 'received' | 'failed';
}

// A TSID is free text the sending machine reports, usually its number, often padded or blank.
const remoteStationId = fc.oneof(
  { withCrossShrink: true },
  e164Number(),
  fc.constantFrom('', 'FAX', '+1 415 555 0100', '  14155550100', 'ACME Legal Dept'),
);

// Illustrative: Twilio never published its fax failure codes; these are shaped like its 5-digit codes.
const FAILURES = [
  ['15001', 'No fax machine answered'],
  ['15002', 'The remote fax machine hung up during transmission'],
  ['15003', 'Timed out waiting for the first message'],
  ['15004', 'Received no response to DCS or training'],
] as const;

const received = (base: FaxWebhookParams): fc.Arbitrary<ReceivedFaxCallbackParams> =>
  fc
    .record({ pages: fc.integer({ min: 1, max: 120 }), media: lowerHex(32), station: remoteStationId })
    .map(({ pages, media, station }) => ({
      ...base,
      FaxStatus: 'received' as const,
      NumPages: String(pages),
      MediaUrl: `https://fax.twilio.com/v1/Faxes/${base.FaxSid}/Media/ME${media}`,
      RemoteStationId: station,
    }));

const failed = (base: FaxWebhookParams): fc.Arbitrary<FailedFaxCallbackParams> =>
  fc
    .record({ failure: fc.constantFrom(...FAILURES), station: fc.option(remoteStationId, { nil: undefined }) })
    .map(({ failure: [code, message], station }) => ({
      ...base,
      FaxStatus: 'failed' as const,
      ErrorCode: code,
      ErrorMessage: message,
      ...(station === undefined ? {} : { RemoteStationId: station }),
    }));

/**
 * The parameters of the `<Receive action>` callback: on `received`, `NumPages`, `MediaUrl` and `RemoteStationId`;
 * on `failed`, `ErrorCode` and `ErrorMessage` and neither `NumPages` nor `MediaUrl` (handlers that assume them crash).
 */
export function actionCallbackParams(options: { readonly outcome: 'received' }): fc.Arbitrary<ReceivedFaxCallbackParams>;
export function actionCallbackParams(options: { readonly outcome: 'failed' }): fc.Arbitrary<FailedFaxCallbackParams>;
export function actionCallbackParams(options?: ActionCallbackParamsOptions): fc.Arbitrary<ActionCallbackParams>;
export function actionCallbackParams(options: ActionCallbackParamsOptions = {}): fc.Arbitrary<ActionCallbackParams> {
  return faxWebhookParams().chain((base): fc.Arbitrary<ActionCallbackParams> => {
    if (options.outcome === 'received') return received(base);
    if (options.outcome === 'failed') return failed(base);
    return fc.oneof(received(base), failed(base));
  });
}
