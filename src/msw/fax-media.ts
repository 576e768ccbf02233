import { HttpResponse } from 'msw';
import type { FaxMediaType, KnownFax } from './fax-registry.js';
import { minimalPdf } from './minimal-pdf.js';
import { minimalTiff } from './minimal-tiff.js';

/** Splits `ME….pdf` into the media sid and the format its extension asks for. */
export function parseMediaName(name: string): { sid: string; requested?: FaxMediaType } {
  const match = /^(.*)\.(pdf|tiff?)$/i.exec(name);
  if (!match?.[1] || !match[2]) return { sid: name };
  return { sid: match[1], requested: match[2].toLowerCase() === 'pdf' ? 'application/pdf' : 'image/tiff' };
}

/**
 * The format to answer: an extension in the URL wins, then an `Accept` header naming exactly one of the two
 * formats, then the format the fax was stored in.
 */
export function chooseMediaType(request: Request, stored: FaxMediaType, requested?: FaxMediaType): FaxMediaType {
  if (requested) return requested;
  const accept = request.headers.get('accept') ?? '';
  const tiff = /\bimage\/tiff\b/i.test(accept);
  const pdf = /\bapplication\/pdf\b/i.test(accept);
  if (tiff !== pdf) return tiff ? 'image/tiff' : 'application/pdf';
  return stored;
}

/** Answers the media bytes of `fax`: a small valid PDF or TIFF with as many pages as the fax has. */
export function mediaResponse(request: Request, fax: KnownFax, requested?: FaxMediaType): Response {
  const type = chooseMediaType(request, fax.contentType, requested);
  const pages = fax.resource.num_pages ?? 1;
  const bytes = type === 'image/tiff' ? minimalTiff({ pages }) : minimalPdf({ pages });
  return new HttpResponse(bytes, {
    headers: { 'Content-Type': type, 'Content-Length': String(bytes.byteLength) },
  });
}
