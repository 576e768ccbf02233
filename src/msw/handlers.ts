import { http, HttpResponse, type HttpHandler } from 'msw';
import { mediaResponse, parseMediaName } from './fax-media.js';
import { createFaxRegistry, type KnownFax } from './fax-registry.js';
import type { FakeFax } from './fax-resource.js';
import { hasAcceptedCredentials, notFound, unauthorized, type BasicCredentials } from './twilio-rest-errors.js';

/** How the fake Twilio fax API behaves. */
export interface TwilioFaxHandlersOptions {
  /**
   * The faxes on the account. Given: only these sids exist, others answer 404 (Twilio error 20404).
   * Absent: every well-formed fax sid (`FX` + 32 hex digits) is a received one-page PDF fax, and every well-formed
   * media URL answers (any `AC` account sid, any `ME` media sid), so a `MediaUrl` copied from a real callback works.
   */
  readonly faxes?: readonly FakeFax[];
  /**
   * The HTTP Basic credentials the API accepts (account sid or API key sid, and auth token or key secret).
   * Absent: any non-empty credentials; none at all still answer 401 (Twilio error 20003), as Twilio's API does.
   */
  readonly credentials?: BasicCredentials;
  /**
   * Whether media downloads from api.twilio.com and fax.twilio.com need credentials too (default false).
   * The pre-signed `media_url` on media.twiliocdn.com never does.
   */
  readonly mediaRequiresAuth?: boolean;
}

const REST_MEDIA_URL = 'https://api.twilio.com/2010-04-01/Accounts/:AccountSid/Faxes/:FaxSid/Media/:MediaName';
const V1_FAX_URL = 'https://fax.twilio.com/v1/Faxes/:FaxSid';
const V1_MEDIA_URL = 'https://fax.twilio.com/v1/Faxes/:FaxSid/Media/:MediaName';
const CDN_MEDIA_URL = 'https://media.twiliocdn.com/fax/:AccountSid/:Key';

/** Twilio's helper libraries ask for JSON; a browser, curl or `fetch` asks for anything, and gets the bytes. */
function wantsJson(request: Request): boolean {
  const accept = request.headers.get('accept') ?? '';
  return /\bapplication\/json\b/i.test(accept) && !/\*\/\*|application\/pdf|image\/tiff/i.test(accept);
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
 * offline: the fax resource (`GET https://fax.twilio.com/v1/Faxes/{FaxSid}`, Twilio's JSON shape), and the media
 * bytes (a small valid PDF or TIFF) at the account-scoped media URL the `<Receive action>` callback's `MediaUrl`
 * uses (see `faxMediaUrl`), at `fax.twilio.com/v1/Faxes/{FaxSid}/Media/{MediaSid}`, and at the pre-signed
 * `media_url` of the fax resource. Add `.pdf` or `.tiff` to a media URL, or send `Accept: image/tiff`, to choose
 * the format; otherwise the fax's `content_type` (default PDF) decides.
 * @example
 * const server = setupServer(...twilioFaxHandlers({ faxes: [{ sid: FAX_SID, num_pages: 2 }] }));
 * server.listen({ onUnhandledRequest: 'error' });
 */
export function twilioFaxHandlers(options: TwilioFaxHandlersOptions = {}): HttpHandler[] {
  const registry = createFaxRegistry(options.faxes);
  const authorized = (request: Request) => hasAcceptedCredentials(request, options.credentials);
  const mediaAuthorized = (request: Request) => !options.mediaRequiresAuth || authorized(request);

  const fetchFax = http.get(V1_FAX_URL, ({ request, params }) => {
    if (!authorized(request)) return unauthorized(request);
    const fax = registry.bySid(String(params.FaxSid));
    return fax ? HttpResponse.json(fax.resource) : notFound(new URL(request.url).pathname);
  });

  const restMedia = http.get(REST_MEDIA_URL, ({ request, params }) => {
    if (!mediaAuthorized(request)) return unauthorized(request);
    const { sid, requested } = parseMediaName(String(params.MediaName));
    const fax = registry.byMedia({ faxSid: String(params.FaxSid), mediaSid: sid, accountSid: String(params.AccountSid) });
    return fax ? mediaResponse(request, fax, requested) : notFound(new URL(request.url).pathname);
  });

  const v1Media = http.get(V1_MEDIA_URL, ({ request, params }) => {
    const json = wantsJson(request);
    if (!(json ? authorized(request) : mediaAuthorized(request))) return unauthorized(request);
    const { sid, requested } = parseMediaName(String(params.MediaName));
    const fax = registry.byMedia({ faxSid: String(params.FaxSid), mediaSid: sid });
    if (!fax) return notFound(new URL(request.url).pathname);
    return json && !requested ? faxMediaJson(fax, sid) : mediaResponse(request, fax, requested);
  });

  const cdnMedia = http.get(CDN_MEDIA_URL, ({ request }) => {
    const fax = registry.byMediaUrlPath(new URL(request.url).pathname);
    // The CDN is a storage bucket, not Twilio's API: it answers a missing key with its own XML error.
    if (!fax) {
      return new HttpResponse('<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code></Error>', {
        status: 404,
        headers: { 'Content-Type': 'application/xml' },
      });
    }
    return mediaResponse(request, fax);
  });

  return [fetchFax, restMedia, v1Media, cdnMedia];
}
