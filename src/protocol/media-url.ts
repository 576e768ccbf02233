import { idPattern } from './ids.js';
import { TWILIO_PARAMETERS, type FaxParameters } from './parameters.js';
import { stableHex } from './stable-hex.js';

/** The two formats `<Receive mediaType>` allows. */
export type FaxMediaFormat = 'application/pdf' | 'image/tiff';

/**
 * The shape of a service's `MediaUrl`, as data. `path` names the fax with `{AccountSid}`, `{FaxSid}` and must hold
 * `{key}`: the kit's own object key, which says the format, so that its media server needs no state.
 */
export interface MediaUrlTemplate {
  /** Where the service's media lives; the kit's loopback media server (or `--media-url BASE`) stands in for it. */
  readonly origin: string;
  /** The path of one fax's media under the origin, e.g. `/fax/{AccountSid}/{key}`. */
  readonly path: string;
  /** `presigned-s3`: the query of a 2-hour S3 pre-signed URL, refused when changed on the way; `none`: no query. */
  readonly query: 'presigned-s3' | 'none';
}

/** Where Twilio's fax media lived: its media CDN, an S3 bucket answering pre-signed URLs. */
export const TWILIO_MEDIA_ORIGIN = 'https://media.twiliocdn.com';

/** Twilio's `MediaUrl`: `https://media.twiliocdn.com/fax/{AccountSid}/{key}?X-Amz-…` (assumption `fax-media-url`). */
export const TWILIO_MEDIA_URL: MediaUrlTemplate = {
  origin: TWILIO_MEDIA_ORIGIN,
  path: '/fax/{AccountSid}/{key}',
  query: 'presigned-s3',
};

/** The fax whose media a URL points at. */
export interface FaxMediaRef {
  readonly accountSid: string;
  readonly faxSid: string;
  readonly format: FaxMediaFormat;
}

const FORMATS: readonly FaxMediaFormat[] = ['application/pdf', 'image/tiff'];
// A fixed signing time keeps a run byte-for-byte repeatable; nothing checks the 2-hour expiry against the clock.
const SIGNED_AT = '20210601T120030Z';

/**
 * The `MediaUrl` of a received fax, in the shape of `template`. Twilio's (the default) is a pre-signed, 2-hour URL
 * on its media CDN with no file extension, `BASE/fax/{AccountSid}/{128 hex digits}?X-Amz-Security-Token=…&
 * X-Amz-Algorithm=AWS4-HMAC-SHA256&…&X-Amz-Expires=7200&X-Amz-Credential=…&X-Amz-Signature=…` (docs/protocol.md,
 * "The action callback"). `baseUrl` stands for the template's origin (the kit's loopback media server, or
 * `--media-url BASE`). The key is made from the fax and its format, so the kit's media server can tell PDF from TIFF
 * with no state and no extension.
 * @example mediaUrlFor('http://127.0.0.1:4010', { accountSid: 'AC…', faxSid: 'FX…', format: 'image/tiff' })
 */
export function mediaUrlFor(baseUrl: string, media: FaxMediaRef, template: MediaUrlTemplate = TWILIO_MEDIA_URL): string {
  const key = mediaKeyOf(media);
  const path = template.path
    .replaceAll('{AccountSid}', encodeURIComponent(media.accountSid))
    .replaceAll('{FaxSid}', encodeURIComponent(media.faxSid))
    .replaceAll('{key}', key);
  const query = template.query === 'presigned-s3' ? `?${presignedQuery(key)}` : '';
  return `${baseUrl.replace(/\/+$/, '')}${path}${query}`;
}

/** The object key of a fax's media: a stable hash of the fax, then a hash of that and the format. */
function mediaKeyOf({ accountSid, faxSid, format }: FaxMediaRef): string {
  const fax = stableHex(`fax-media:${accountSid}/${faxSid}`, 64);
  return fax + stableHex(`${fax}:${format}`, 64);
}

/** The format a key made by `mediaUrlFor` stands for, or undefined for any other key (e.g. a real Twilio one). */
export function formatOfMediaKey(key: string): FaxMediaFormat | undefined {
  if (!/^[0-9a-f]{128}$/.test(key)) return undefined;
  const fax = key.slice(0, 64);
  return FORMATS.find((format) => stableHex(`${fax}:${format}`, 64) === key.slice(64));
}

/**
 * The account sid and key of a media path in the shape of `template` (Twilio's: `…/fax/{AccountSid}/{key}`), or
 * undefined for any other path. Ids must have their shape in `ids` (Twilio's: `AC` sids); anything may come before
 * the path, since `--media-url` may carry one.
 */
export function parseMediaPath(
  pathname: string,
  template: MediaUrlTemplate = TWILIO_MEDIA_URL,
  ids: Pick<FaxParameters, 'accountSid' | 'faxSid'> = TWILIO_PARAMETERS,
): { readonly accountSid: string; readonly key: string } | undefined {
  const placeholders: Readonly<Record<string, string>> = {
    AccountSid: unanchored(idPattern(ids.accountSid)),
    FaxSid: unanchored(idPattern(ids.faxSid)),
    key: '[0-9a-fA-F]{32,}',
  };
  const names: string[] = [];
  let pattern = '';
  let last = 0;
  for (const match of template.path.matchAll(/\{(AccountSid|FaxSid|key)\}/g)) {
    const name = match[1] ?? '';
    pattern += `${escapeRegExp(template.path.slice(last, match.index))}(${placeholders[name] ?? '[^/]+'})`;
    names.push(name);
    last = match.index + match[0].length;
  }
  const found = new RegExp(`${pattern}${escapeRegExp(template.path.slice(last))}$`).exec(pathname);
  const valueOf = (name: string): string | undefined => (names.includes(name) ? found?.[names.indexOf(name) + 1] : undefined);
  const key = valueOf('key');
  return key === undefined ? undefined : { accountSid: valueOf('AccountSid') ?? '', key };
}

/** The query string of a pre-signed URL for `key`, in the order and shape of captured Twilio media URLs. */
function presignedQuery(key: string): string {
  const token = securityTokenFor(key);
  const credential = `ASIA${stableHex(`access:${key}`, 16).toUpperCase()}/${SIGNED_AT.slice(0, 8)}/us-east-1/s3/aws4_request`;
  return new URLSearchParams([
    ['X-Amz-Security-Token', token],
    ['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
    ['X-Amz-Date', SIGNED_AT],
    ['X-Amz-SignedHeaders', 'host'],
    ['X-Amz-Expires', '7200'],
    ['X-Amz-Credential', credential],
    ['X-Amz-Signature', signatureFor(key, token)],
  ]).toString();
}

// Shaped like a real session token: base64 with a '+' and '=' padding, so a handler that decodes the URL before
// fetching it (the '+' becomes a space) breaks the token, as it did on Twilio's CDN.
function securityTokenFor(key: string): string {
  const base64 = (hex: string): string => btoa(hex.match(/../g)?.map((pair) => String.fromCharCode(Number.parseInt(pair, 16))).join('') ?? '');
  return `IQoJb3JpZ2luX2Vj${base64(stableHex(`token:${key}`, 96))}+${base64(stableHex(`token2:${key}`, 94))}`;
}

function signatureFor(key: string, token: string): string {
  return stableHex(`signature:${key}:${token}`, 64);
}

/** Whether the query of a request for `key` is what `template` makes: the pre-signed query unchanged, or anything when it has none. */
export function mediaQueryMatches(key: string, search: string, template: MediaUrlTemplate = TWILIO_MEDIA_URL): boolean {
  return template.query === 'none' || presignedQueryMatches(key, search);
}

/**
 * Whether the query of a request for `key` is the pre-signed query `mediaUrlFor` made, read as S3 reads it
 * (form-decoded): a URL that was decoded or re-encoded on the way no longer matches its signature.
 */
export function presignedQueryMatches(key: string, search: string): boolean {
  const query = new URLSearchParams(search);
  const token = query.get('X-Amz-Security-Token') ?? '';
  return token === securityTokenFor(key) && query.get('X-Amz-Signature') === signatureFor(key, token) && query.get('X-Amz-Expires') === '7200';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A pattern's source without its anchors, to embed in another pattern. */
function unanchored(pattern: RegExp): string {
  return pattern.source.replace(/^\^/, '').replace(/\$$/, '');
}
