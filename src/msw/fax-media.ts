import { HttpResponse } from 'msw';
import { s3Error, type S3ErrorCode } from '../media/s3-errors.js';
import type { FaxMediaType, KnownFax } from './fax-registry.js';
import { minimalPdf } from '../media/minimal-pdf.js';
import { minimalTiff } from '../media/minimal-tiff.js';

/**
 * The format to answer for a media URL whose key does not say: an `Accept` header naming exactly one of the two
 * formats, then the format the fax was stored in.
 */
export function chooseMediaType(request: Request, stored: FaxMediaType): FaxMediaType {
  const accept = request.headers.get('accept') ?? '';
  const tiff = /\bimage\/tiff\b/i.test(accept);
  const pdf = /\bapplication\/pdf\b/i.test(accept);
  if (tiff !== pdf) return tiff ? 'image/tiff' : 'application/pdf';
  return stored;
}

/** Answers the media bytes of `fax` as `type`: a small valid PDF or TIFF with as many pages as the fax has. */
export function mediaResponse(fax: KnownFax, type: FaxMediaType = fax.contentType): Response {
  const pages = fax.resource.num_pages ?? 1;
  const bytes = type === 'image/tiff' ? minimalTiff({ pages }) : minimalPdf({ pages });
  return new HttpResponse(bytes, {
    headers: { 'Content-Type': type, 'Content-Length': String(bytes.byteLength) },
  });
}

/** An S3 error reply, as the media CDN (a storage bucket, not Twilio's API) answers. */
export function s3ErrorResponse(code: S3ErrorCode): Response {
  const { status, body } = s3Error(code);
  return new HttpResponse(body, { status, headers: { 'Content-Type': 'application/xml' } });
}
