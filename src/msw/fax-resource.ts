import { mediaUrlFor, TWILIO_MEDIA_URL, type FaxMediaFormat, type MediaUrlTemplate } from '../protocol/media-url.js';
import { stableHex } from '../protocol/stable-hex.js';
import type { FaxStatus } from '../protocol/parameters.js';

/**
 * A fax as Twilio's REST API returned it from `GET https://fax.twilio.com/v1/Faxes/{FaxSid}`: the `fax.v1.fax`
 * schema of Twilio's OpenAPI description `twilio_fax_v1.json` (the fields of twilio-node 3/4's `FaxInstance`,
 * in the API's snake_case). Every field is nullable there; the defaults below are those of a received fax.
 */
export interface FaxResource {
  readonly sid: string;
  readonly account_sid: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly quality: 'standard' | 'fine' | 'superfine' | null;
  readonly media_sid: string | null;
  readonly media_url: string | null;
  readonly num_pages: number | null;
  readonly duration: number | null;
  readonly status: FaxStatus | null;
  readonly direction: 'inbound' | 'outbound' | null;
  readonly api_version: string | null;
  readonly price: number | null;
  readonly price_unit: string | null;
  readonly date_created: string | null;
  readonly date_updated: string | null;
  readonly links: { readonly media: string } | null;
  readonly url: string | null;
}

/** A fax the handlers know: any resource fields to override, and the stored media's format. */
export type FakeFax = Partial<FaxResource> & {
  /** The stored media's type, as `<Receive mediaType>` chose it (default `application/pdf`). */
  readonly content_type?: 'application/pdf' | 'image/tiff';
};

/** The fax sid used when none is given: FX followed by 32 hex digits. */
export const DEFAULT_FAX_SID = 'FX0123456789abcdef0123456789abcdef';
/** The account sid used when none is given. */
export const DEFAULT_ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';

/** The media sid Twilio would give a fax's stored media (ME + 32 hex digits), derived from the fax sid. */
export function mediaSidFor(faxSid: string): string {
  return `ME${stableHex(`media:${faxSid}`, 32)}`;
}

/**
 * The URL of a fax's media bytes, as both the fax resource's `media_url` and the `<Receive action>` callback's
 * `MediaUrl` gave it: a pre-signed, 2-hour URL on Twilio's media CDN with no file extension
 * (`https://media.twiliocdn.com/fax/{AccountSid}/{key}?X-Amz-…`, assumption `fax-media-url`), or in the shape of another
 * profile's `media` (`SIGNALWIRE_PROFILE.media`). The handlers serve it.
 * @example faxMediaUrl({ sid: 'FX…', account_sid: 'AC…', content_type: 'image/tiff' })
 */
export function faxMediaUrl(fax: { readonly sid: string; readonly account_sid: string; readonly content_type?: FaxMediaFormat }, media: MediaUrlTemplate = TWILIO_MEDIA_URL): string {
  return mediaUrlFor(media.origin, { accountSid: fax.account_sid, faxSid: fax.sid, format: fax.content_type ?? 'application/pdf' }, media);
}

/**
 * Builds a fax resource in Twilio's JSON shape: a received, one-page, fine-quality PDF fax by default, with
 * `overrides` applied last. Derived fields (media sid, media URL, links, url) follow the sid unless overridden; the
 * media URL has the shape of `media` (Twilio's by default).
 * @example buildFaxResource({ sid: 'FX' + 'a'.repeat(32), num_pages: 3 })
 */
export function buildFaxResource(overrides: FakeFax = {}, media: MediaUrlTemplate = TWILIO_MEDIA_URL): FaxResource {
  const { content_type: contentType, ...fields } = overrides;
  const sid = fields.sid ?? DEFAULT_FAX_SID;
  const accountSid = fields.account_sid ?? DEFAULT_ACCOUNT_SID;
  const url = `https://fax.twilio.com/v1/Faxes/${sid}`;
  return {
    sid,
    account_sid: accountSid,
    from: '+14155550100',
    to: '+14155550199',
    quality: 'fine',
    media_sid: mediaSidFor(sid),
    media_url: faxMediaUrl({ sid, account_sid: accountSid, ...(contentType && { content_type: contentType }) }, media),
    num_pages: 1,
    duration: 30,
    status: 'received',
    direction: 'inbound',
    api_version: 'v1',
    price: -0.007,
    price_unit: 'USD',
    date_created: '2021-06-01T12:00:00Z',
    date_updated: '2021-06-01T12:00:30Z',
    links: { media: `${url}/Media` },
    url,
    ...fields,
  };
}
