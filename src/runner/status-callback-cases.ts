import type { FaxStatusCallbackParams } from '../../properties/fax-status-callback-params.js';
import { RUN_SCOPE_CASE_ID, type CaseInput, type PlannedCase } from '../checks/check-api/types.js';
import type { Endpoint } from '../checks/check-api/endpoint.js';
import { idFromHex } from '../protocol/ids.js';
import { mediaUrlFor } from '../protocol/media-url.js';
import type { FaxProfile } from '../protocol/profile.js';
import { twilioErrorTitle } from '../protocol/twilio-errors.js';
import { webhookNames } from './webhook-names.js';
import type { FormParams } from '../model/exchange.js';

/** What planning a status-callback case reads of the profile. */
export type StatusCallbackProfile = Pick<FaxProfile, 'parameters' | 'media' | 'statusCallback'>;

/**
 * Whether a run of `endpoint` plays the status callbacks of faxes the app sent, rather than faxes coming in. The one
 * place that says which cases an endpoint gets: `fallback` is requested like the fax URL, so it gets webhook cases.
 */
export function playsStatusCallbacks(endpoint: Endpoint | undefined): boolean {
  return endpoint === 'status-callback';
}

/** Every parameter of a status callback as drawn (Twilio's names) with its name on the profile's wire, in send order. */
function wireNames(profile: StatusCallbackProfile): readonly (readonly [keyof FaxStatusCallbackParams, string])[] {
  const { names } = profile.parameters;
  return [
    ...webhookNames(profile.parameters),
    ['FaxStatus', names.faxStatus],
    ['OriginalMediaUrl', profile.statusCallback.originalMediaUrlName],
    ['NumPages', names.numPages],
    ['MediaUrl', names.mediaUrl],
    ['RemoteStationId', names.remoteStationId],
    ...(profile.statusCallback.mediaSid === undefined ? [] : [['MediaSid', profile.statusCallback.mediaSid.name] as const]),
    ['ErrorCode', names.errorCode],
    ['ErrorMessage', names.errorMessage],
  ];
}

/** One drawn callback as the form parameters the service sends, under the profile's names and in its order. */
export function statusCallbackFormParams(record: FaxStatusCallbackParams, profile: StatusCallbackProfile): FormParams {
  return wireNames(profile).flatMap(([drawn, sent]) => {
    const value = record[drawn];
    return value === undefined ? [] : [[sent, value] as const];
  });
}

/** The input of a case: the fax's callbacks, the first one (`queued`) as the base request. */
export function statusCallbackInput(records: readonly FaxStatusCallbackParams[], profile: StatusCallbackProfile): CaseInput {
  const callbacks = records.map((record) => statusCallbackFormParams(record, profile));
  // The variant checks of the webhook (SIP addresses, extra parameters) do not run on this endpoint.
  return { params: callbacks[0] ?? [], sip: { From: '', To: '' }, extras: [], callbacks };
}


const EXAMPLE_ACCOUNT_HEX = '0123456789abcdef0123456789abcdef';
const EXAMPLE_MEDIA_HEX = '3e0123456789abcdef0123456789abcd';
const EXAMPLE_FAX_HEX = ['5e1f0123456789abcdef0123456789ab', '5e1ffedcba9876543210fedcba987654'] as const;

/**
 * The fixed, readable cases of a status-callback run: a fax that was delivered, then one that failed (34004, "Error
 * during fax transmission"), whose callbacks carry no `NumPages` and no `MediaUrl`.
 */
export function statusCallbackExamples(profile: StatusCallbackProfile): readonly PlannedCase[] {
  const { statusCallback: protocol, media } = profile;
  const fax = (faxHex: string, original: string): FaxStatusCallbackParams => ({
    FaxSid: idFromHex(profile.parameters.faxSid, faxHex),
    AccountSid: idFromHex(profile.parameters.accountSid, EXAMPLE_ACCOUNT_HEX),
    From: '+15005550006',
    To: '+14155550100',
    ApiVersion: profile.parameters.apiVersion,
    FaxStatus: protocol.first,
    OriginalMediaUrl: original,
  });
  const delivered = fax(EXAMPLE_FAX_HEX[0], 'https://app.example.com/faxes/1/contract.pdf');
  const failed = fax(EXAMPLE_FAX_HEX[1], 'https://app.example.com/faxes/2/invoice.pdf');
  const failure = protocol.unsuccessful[0];
  const errorCode = failure?.errorCodes[0];
  return [
    {
      // The first example is the case the checks of scope `run` look at.
      id: RUN_SCOPE_CASE_ID,
      label: `a fax that was ${protocol.delivered} (${protocol.first}, then ${protocol.delivered})`,
      kind: 'example',
      index: -1,
      input: statusCallbackInput(
        [
          delivered,
          {
            ...delivered,
            FaxStatus: protocol.delivered,
            NumPages: '3',
            MediaUrl: mediaUrlFor(media.origin, { accountSid: delivered.AccountSid, faxSid: delivered.FaxSid, format: 'application/pdf' }, media),
            RemoteStationId: '+14155550100',
            ...(profile.statusCallback.mediaSid !== undefined && { MediaSid: idFromHex(profile.statusCallback.mediaSid.shape, EXAMPLE_MEDIA_HEX) }),
          },
        ],
        profile,
      ),
    },
    {
      id: 'example-2',
      label: `a fax that ${failure?.status ?? 'failed'}${errorCode === undefined ? '' : ` with ${errorCode} "${twilioErrorTitle(errorCode)}"`}, so no NumPages or MediaUrl (${protocol.first}, then ${failure?.status ?? 'failed'})`,
      kind: 'example',
      index: -1,
      input: statusCallbackInput(
        [
          failed,
          {
            ...failed,
            FaxStatus: failure?.status ?? 'failed',
            ...(errorCode !== undefined && { ErrorCode: String(errorCode), ErrorMessage: twilioErrorTitle(errorCode) }),
          },
        ],
        profile,
      ),
    },
  ];
}
