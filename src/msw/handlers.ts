import { http, HttpResponse, type HttpHandler } from 'msw';
import { formatOfMediaKey, mediaQueryMatches, parseMediaPath, type MediaUrlTemplate } from '../protocol/media-url.js';
import { TWILIO_PROFILE, type FaxProfile } from '../protocol/profile.js';
import { refusedPresignedRequest } from '../media/s3-errors.js';
import { chooseMediaType, mediaResponse, s3ErrorResponse } from './fax-media.js';
import { createFaxRegistry, type KnownFax } from './fax-registry.js';
import { buildFaxResource, type FakeFax } from './fax-resource.js';
import { hasAcceptedCredentials, notFound, unauthorized, type BasicCredentials } from './twilio-rest-errors.js';

/** How the fake Twilio fax API behaves. */
export interface TwilioFaxHandlersOptions {
  /**
   * The faxes on the account. Given: only these sids exist, others answer 404 (Twilio error 20404), and only their
   * media URLs answer. Absent: every well-formed fax sid (`FX` + 32 hex digits) is a received one-page PDF fax, and
   * every well-formed media URL answers (any `AC` account sid, any key), so a `MediaUrl` copied from a real callback
   * works.
   */
  readonly faxes?: readonly FakeFax[];
  /**
   * The HTTP Basic credentials the API accepts (account sid or API key sid, and auth token or key secret).
   * Absent: any non-empty credentials; none at all still answer 401 (Twilio error 20003), as Twilio's API does.
   */
  readonly credentials?: BasicCredentials;
  /**
   * @deprecated Ignored. The pre-signed media URL never takes credentials (it refuses an `Authorization` header, as
   * S3 does), and Twilio's Fax Media API always needed them.
   */
  readonly mediaRequiresAuth?: boolean;
  /**
   * The fax service whose ids and `MediaUrl` shape the handlers serve (default Twilio's): with `SIGNALWIRE_PROFILE`,
   * fax sids are UUIDs and the `MediaUrl` of a `--profile signalwire` callback answers. The REST resources keep
   * Twilio's URLs and JSON (`fax.twilio.com`).
   */
  readonly profile?: FaxProfile;
}

const V1_FAX_URL = 'https://fax.twilio.com/v1/Faxes/:FaxSid';
const V1_MEDIA_URL = 'https://fax.twilio.com/v1/Faxes/:FaxSid/Media/:MediaSid';
/** The msw route of a profile's media URLs: the same template the sender uses, its placeholders as route parameters. */
function mediaRoute(media: MediaUrlTemplate): string {
  return `${media.origin}${media.path.replace('{AccountSid}', ':AccountSid').replace('{FaxSid}', ':FaxSid').replace('{key}', ':Key')}`;
}

/** The FaxMedia resource `mediaSid` of `fax` (`fax.v1.fax.fax_media` in Twilio's OpenAPI description). */
function faxMediaJson(fax: KnownFax, mediaSid: string): Response {
  const { resource } = fax;
  return HttpResponse.json({
    sid: mediaSid,
    account_sid: resource.account_sid,
    fax_sid: resource.sid,
    content_type: fax.contentType,
    date_created: resource.date_created,
    date_updated: resource.date_updated,
    url: `${resource.url}/Media/${mediaSid}`,
  });
}

/**
 * msw handlers for what a fax app itself calls at Twilio, so tests of a handler that downloads a received fax run
 * offline: the fax resource (`GET https://fax.twilio.com/v1/Faxes/{FaxSid}`, Twilio's JSON shape, Basic auth), the
 * FaxMedia resource (`…/Media/{MediaSid}`: JSON, as Twilio's Fax Media page documents; the bytes it promised for
 * `*\/*` were never implemented), and the media bytes (a small valid PDF or TIFF) at the pre-signed URL that both the
 * `media_url` of the fax and the callback's `MediaUrl` carry (see `faxMediaUrl`). Like S3, the media URL refuses an
 * `Authorization` header (400) and a query changed on the way (403).
 * @example
 * const server = setupServer(...twilioFaxHandlers({ faxes: [{ sid: FAX_SID, num_pages: 2 }] }));
 * const strict = { onUnhandledRequest: 'error', onUnhandledFrame: 'error' } as const; // msw 2 reads the first, msw 3 the second
 * server.listen(strict);
 */
export function twilioFaxHandlers(options: TwilioFaxHandlersOptions = {}): HttpHandler[] {
  const profile = options.profile ?? TWILIO_PROFILE;
  const registry = createFaxRegistry(options.faxes, profile);
  const authorized = (request: Request) => hasAcceptedCredentials(request, options.credentials);

  const fetchFax = http.get(V1_FAX_URL, ({ request, params }) => {
    if (!authorized(request)) return unauthorized(request);
    const fax = registry.bySid(String(params.FaxSid));
    return fax ? HttpResponse.json(fax.resource) : notFound(new URL(request.url).pathname);
  });

  const v1Media = http.get(V1_MEDIA_URL, ({ request, params }) => {
    if (!authorized(request)) return unauthorized(request);
    const mediaSid = String(params.MediaSid);
    const fax = registry.byMedia({ faxSid: String(params.FaxSid), mediaSid });
    return fax ? faxMediaJson(fax, mediaSid) : notFound(new URL(request.url).pathname);
  });

  const cdnMedia = http.all(mediaRoute(profile.media), ({ request }) => {
    const refused = refusedPresignedRequest(request.method, request.headers.has('authorization'));
    if (refused) return s3ErrorResponse(refused);
    const url = new URL(request.url);
    const path = parseMediaPath(url.pathname, profile.media, profile.parameters);
    const keyFormat = path && formatOfMediaKey(path.key);
    // A URL the kit made carries its own signature: one decoded or re-encoded on the way no longer matches.
    if (path && keyFormat && !mediaQueryMatches(path.key, url.search, profile.media)) return s3ErrorResponse('SignatureDoesNotMatch');
    const known = registry.byMediaUrlPath(url.pathname);
    if (known) return mediaResponse(known, keyFormat ?? known.contentType);
    if (!path || !registry.lenient) return s3ErrorResponse('NoSuchKey');
    // A MediaUrl copied from a real callback: its fax is unknown, so a one-page fax in the format asked for.
    const fax: KnownFax = { resource: buildFaxResource({ account_sid: path.accountSid }, profile.media), contentType: 'application/pdf' };
    return mediaResponse(fax, keyFormat ?? chooseMediaType(request, fax.contentType));
  });

  return [fetchFax, v1Media, cdnMedia];
}
