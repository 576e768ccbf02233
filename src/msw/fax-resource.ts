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

/**
 * A stable 32-hex-digit string derived from a seed (four salted FNV-1a hashes), so derived sids and URLs never
 * change between runs. Not node:crypto: the handlers also run in a browser under msw's `setupWorker`.
 */
function hex32(seed: string): string {
  let out = '';
  for (let salt = 0; salt < 4; salt++) {
    let hash = 0x811c9dc5 ^ salt;
    for (const char of seed) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
    out += hash.toString(16).padStart(8, '0');
  }
  return out;
}

/** The media sid Twilio would give a fax's stored media (ME + 32 hex digits), derived from the fax sid. */
export function mediaSidFor(faxSid: string): string {
  return `ME${hex32(`media:${faxSid}`)}`;
}

/**
 * The URL of a fax's media bytes. Twilio's `media_url` pointed at a pre-signed, 2-hour URL on its media CDN
 * (captured responses show `https://media.twiliocdn.com/fax/{AccountSid}/{hash}?X-Amz-...`); the handlers answer it.
 */
export function cdnMediaUrlFor(accountSid: string, faxSid: string): string {
  return `https://media.twiliocdn.com/fax/${accountSid}/${hex32(`cdn:${faxSid}`)}${hex32(`cdn2:${faxSid}`)}?X-Amz-Expires=7200`;
}

/**
 * The media URL of the `<Receive action>` callback's `MediaUrl` parameter, in the REST API's account-scoped form;
 * the handlers serve it (assumption `fax-media-url`). The harness can send this URL so a handler under test
 * downloads the fax offline.
 */
export function faxMediaUrl(fax: { readonly sid: string; readonly account_sid: string; readonly media_sid?: string | null }): string {
  return `https://api.twilio.com/2010-04-01/Accounts/${fax.account_sid}/Faxes/${fax.sid}/Media/${fax.media_sid ?? mediaSidFor(fax.sid)}`;
}

/**
 * Builds a fax resource in Twilio's JSON shape: a received, one-page, fine-quality PDF fax by default, with
 * `overrides` applied last. Derived fields (media sid, media URL, links, url) follow the sid unless overridden.
 * @example buildFaxResource({ sid: 'FX' + 'a'.repeat(32), num_pages: 3 })
 */
export function buildFaxResource(overrides: FakeFax = {}): FaxResource {
  const { content_type: _contentType, ...fields } = overrides;
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
    media_url: cdnMediaUrlFor(accountSid, sid),
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
