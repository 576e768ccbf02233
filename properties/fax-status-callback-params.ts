import fc from 'fast-check';
import { ID_HEX_DIGITS, idFromHex } from '../src/protocol/ids.js';
import { mediaUrlFor } from '../src/protocol/media-url.js';
import type { FaxStatus } from '../src/protocol/parameters.js';
import { TWILIO_PROFILE, type FaxProfile } from '../src/protocol/profile.js';
import { twilioErrorTitle } from '../src/protocol/twilio-errors.js';
import { lowerHex } from './_internals/hex.js';
import { e164Number } from './e164-number.js';
import { faxWebhookParams, type FaxWebhookParams } from './fax-webhook-params.js';
import { faxStatusSequence, type FaxStatusSequenceOptions } from './fax-status-sequence.js';

/**
 * The parameters of one status callback of a fax the app sent, keyed by Twilio's names (a profile's
 * `parameters.names` and `statusCallback.originalMediaUrlName` say what each is called on its wire). `NumPages`,
 * `MediaUrl` and `RemoteStationId` come only with `delivered`; `ErrorCode` and `ErrorMessage` only with an ending
 * that is not (and not with `canceled`).
 */
export interface FaxStatusCallbackParams extends FaxWebhookParams {
  FaxStatus: FaxStatus;
  /** The media URL the app gave when it sent the fax. */
  OriginalMediaUrl: string;
  NumPages?: string;
  MediaUrl?: string;
  RemoteStationId?: string;
  /** The id of the fax media, on a delivered fax's callback, for a service that sends one (SignalWire's `MediaSid`). */
  MediaSid?: string;
  ErrorCode?: string;
  ErrorMessage?: string;
}

/** Options of {@link faxStatusCallbacks} and {@link faxStatusCallbackParams}. */
export interface FaxStatusCallbackOptions extends FaxStatusSequenceOptions {
  /** The service whose ids, statuses and `MediaUrl` shape to draw; Twilio's by default. */
  readonly profile?: Pick<FaxProfile, 'parameters' | 'media' | 'statusCallback'>;
}

/** What the app gave as the fax's media: its own URL, as apps host the documents they send. */
const originalMediaUrl = fc
  .record({ name: fc.constantFrom('contract', 'invoice-2021-06', 'fax', 'Referral Form'), id: fc.nat({ max: 9999 }) })
  .map(({ name, id }) => `https://app.example.com/faxes/${id}/${encodeURIComponent(name)}.pdf`);

// The receiving machine's CSID is free text it reports, usually its number, often padded or blank.
const remoteStationId = fc.oneof({ withCrossShrink: true }, e164Number(), fc.constantFrom('', 'FAX', '+1 415 555 0100', 'ACME Legal Dept'));

/** What a fax's ending adds to its last callback, with one draw for every fax (so it shrinks with the fax). */
interface Ending {
  readonly pages: number;
  readonly station: string | undefined;
  readonly errorIndex: number;
  /** The hex digits of the media's id, for a service that names it (`statusCallback.mediaSid`). */
  readonly mediaHex: string;
}

const ending: fc.Arbitrary<Ending> = fc.record({ pages: fc.integer({ min: 1, max: 120 }), station: fc.option(remoteStationId, { nil: undefined }), errorIndex: fc.nat({ max: 7 }), mediaHex: lowerHex(ID_HEX_DIGITS) });

/** The parameters of the callback of `base`'s fax at `status`. */
function callbackAt(base: FaxWebhookParams & { OriginalMediaUrl: string }, status: FaxStatus, end: Ending, profile: Pick<FaxProfile, 'media' | 'statusCallback'>): FaxStatusCallbackParams {
  const params: FaxStatusCallbackParams = { ...base, FaxStatus: status };
  const { statusCallback: protocol, media } = profile;
  if (status === protocol.delivered) {
    params.NumPages = String(end.pages);
    params.MediaUrl = mediaUrlFor(media.origin, { accountSid: base.AccountSid, faxSid: base.FaxSid, format: 'application/pdf' }, media);
    if (end.station !== undefined) params.RemoteStationId = end.station;
    if (protocol.mediaSid !== undefined) params.MediaSid = idFromHex(protocol.mediaSid.shape, end.mediaHex);
    return params;
  }
  const codes = protocol.unsuccessful.find((u) => u.status === status)?.errorCodes ?? [];
  const code = codes[end.errorIndex % Math.max(1, codes.length)];
  if (code !== undefined) {
    params.ErrorCode = String(code);
    params.ErrorMessage = twilioErrorTitle(code);
  }
  return params;
}

/**
 * Every status callback of one fax the app sent, in the order the service sends them (see `faxStatusSequence`): one
 * fax (the same ids, numbers and `OriginalMediaUrl`), its status changing. A fax that was not delivered has no
 * `NumPages` and no `MediaUrl` on any callback, as Twilio sent it: handlers that assume them crash.
 * @example fc.assert(fc.asyncProperty(faxStatusCallbacks(), async (callbacks) => { for (const c of callbacks) expect(await post(c)).toBe(200); }))
 */
export function faxStatusCallbacks(options: FaxStatusCallbackOptions = {}): fc.Arbitrary<FaxStatusCallbackParams[]> {
  const profile = options.profile ?? TWILIO_PROFILE;
  return fc
    .record({
      fax: faxWebhookParams({ sip: false, profile }),
      original: originalMediaUrl,
      statuses: faxStatusSequence({ ...options, profile }),
      end: ending,
    })
    .map(({ fax, original, statuses, end }) => statuses.map((status) => callbackAt({ ...fax, OriginalMediaUrl: original }, status, end, profile)));
}

/**
 * One status callback: of a fax at `status` when given (any status the service sends otherwise), with the
 * parameters that status carries.
 * @example fc.assert(fc.property(faxStatusCallbackParams({ status: 'failed' }), (p) => p.NumPages === undefined))
 */
export function faxStatusCallbackParams(options: FaxStatusCallbackOptions & { readonly status?: FaxStatus } = {}): fc.Arbitrary<FaxStatusCallbackParams> {
  const profile = options.profile ?? TWILIO_PROFILE;
  const protocol = profile.statusCallback;
  const statuses = [protocol.first, ...protocol.progress, protocol.delivered, ...protocol.unsuccessful.map((u) => u.status)];
  return fc
    .record({ fax: faxWebhookParams({ sip: false, profile }), original: originalMediaUrl, status: options.status === undefined ? fc.constantFrom(...statuses) : fc.constant(options.status), end: ending })
    .map(({ fax, original, status, end }) => callbackAt({ ...fax, OriginalMediaUrl: original }, status, end, profile));
}
