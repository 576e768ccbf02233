import fc from 'fast-check';
import { mediaUrlFor } from '../src/protocol/media-url.js';
import { TWILIO_PROFILE, type FaxProfile } from '../src/protocol/profile.js';
import { e164Number } from './e164-number.js';
import { FAILED_FAX_ERRORS } from './_internals/failed-fax-errors.js';
import { faxWebhookParams, type FaxWebhookParams } from './fax-webhook-params.js';

/** The callback Twilio requests at `<Receive action>` after a fax was received. */
export interface ReceivedFaxCallbackParams extends FaxWebhookParams {
  FaxStatus: 'received';
  NumPages: string;
  /** A pre-signed URL on Twilio's media CDN, valid for 2 hours, with no file extension (see `mediaUrlFor`). */
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
  /** The service whose ids, `ApiVersion` and `MediaUrl` shape to draw; Twilio's by default. */
  readonly profile?: Pick<FaxProfile, 'parameters' | 'media'>;
}

// A TSID is free text the sending machine reports, usually its number, often padded or blank.
const remoteStationId = fc.oneof(
  { withCrossShrink: true },
  e164Number(),
  fc.constantFrom('', 'FAX', '+1 415 555 0100', '  14155550100', 'ACME Legal Dept'),
);

// Twilio's fax error codes with their titles: in a module of their own, which the kit's checks read without
// loading fast-check (`check` loads the generators after its first request).
export { FAILED_FAX_ERRORS } from './_internals/failed-fax-errors.js';

const received = (base: FaxWebhookParams, { media }: Pick<FaxProfile, 'media'>): fc.Arbitrary<ReceivedFaxCallbackParams> =>
  fc
    .record({ pages: fc.integer({ min: 1, max: 120 }), format: fc.constantFrom('application/pdf' as const, 'image/tiff' as const), station: remoteStationId })
    .map(({ pages, format, station }) => ({
      ...base,
      FaxStatus: 'received' as const,
      NumPages: String(pages),
      MediaUrl: mediaUrlFor(media.origin, { accountSid: base.AccountSid, faxSid: base.FaxSid, format }, media),
      RemoteStationId: station,
    }));

const failed = (base: FaxWebhookParams): fc.Arbitrary<FailedFaxCallbackParams> =>
  fc
    .record({ failure: fc.constantFrom(...FAILED_FAX_ERRORS), station: fc.option(remoteStationId, { nil: undefined }) })
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
export function actionCallbackParams(options: ActionCallbackParamsOptions & { readonly outcome: 'received' }): fc.Arbitrary<ReceivedFaxCallbackParams>;
export function actionCallbackParams(options: ActionCallbackParamsOptions & { readonly outcome: 'failed' }): fc.Arbitrary<FailedFaxCallbackParams>;
export function actionCallbackParams(options?: ActionCallbackParamsOptions): fc.Arbitrary<ActionCallbackParams>;
export function actionCallbackParams(options: ActionCallbackParamsOptions = {}): fc.Arbitrary<ActionCallbackParams> {
  const profile = options.profile ?? TWILIO_PROFILE;
  return faxWebhookParams({ profile }).chain((base): fc.Arbitrary<ActionCallbackParams> => {
    if (options.outcome === 'received') return received(base, profile);
    if (options.outcome === 'failed') return failed(base);
    return fc.oneof(received(base, profile), failed(base));
  });
}
