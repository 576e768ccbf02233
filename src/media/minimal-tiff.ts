/** What the generated fax TIFF looks like. */
export interface MinimalTiffOptions {
  /** Number of pages (one image file directory each), at least 1 (default 1). */
  readonly pages?: number;
  /** Width in pixels (default 32; a real fax line is 1728). */
  readonly width?: number;
  /** Height in pixels (default 32). */
  readonly height?: number;
}

// Baseline TIFF 6.0 tag numbers and field types used below.
const TAG = {
  ImageWidth: 256,
  ImageLength: 257,
  Compression: 259,
  PhotometricInterpretation: 262,
  StripOffsets: 273,
  RowsPerStrip: 278,
  StripByteCounts: 279,
  XResolution: 282,
  YResolution: 283,
  ResolutionUnit: 296,
} as const;
const SHORT = 3;
const LONG = 4;
const RATIONAL = 5;

/** Fine-mode fax resolution in dots per inch (ITU-T T.4): 204 across, 196 down. */
const FAX_DPI = { x: 204, y: 196 } as const;

/**
 * Builds a small, valid baseline bilevel TIFF (little-endian `II*\0`, uncompressed, WhiteIsZero, fax fine
 * resolution) as a received fax would be stored with `mediaType="image/tiff"`. Each page is a blank white image.
 * Deterministic: the same options give the same bytes.
 * @example new Response(minimalTiff(), { headers: { 'Content-Type': 'image/tiff' } })
 */
export function minimalTiff(options: MinimalTiffOptions = {}): Uint8Array {
  const pages = Math.max(1, Math.floor(options.pages ?? 1));
  const width = Math.max(1, Math.floor(options.width ?? 32));
  const height = Math.max(1, Math.floor(options.height ?? 32));
  const stripBytes = Math.ceil(width / 8) * height;

  const entryCount = 10;
  const ifdBytes = 2 + entryCount * 12 + 4;
  const pageBytes = ifdBytes + 16 + stripBytes; // the IFD, two RATIONALs, the pixels
  // Pad each page to an even length: TIFF requires word-aligned IFD offsets.
  const pageStride = pageBytes + (pageBytes % 2);
  const bytes = new Uint8Array(8 + pages * pageStride);
  const view = new DataView(bytes.buffer);

  bytes.set([0x49, 0x49, 0x2a, 0x00]);
  view.setUint32(4, 8, true);
  for (let page = 0; page < pages; page++) {
    const ifd = 8 + page * pageStride;
    const xResolution = ifd + ifdBytes;
    const yResolution = xResolution + 8;
    const strip = yResolution + 8;
    const entries: [tag: number, type: number, value: number][] = [
      [TAG.ImageWidth, LONG, width],
      [TAG.ImageLength, LONG, height],
      [TAG.Compression, SHORT, 1],
      [TAG.PhotometricInterpretation, SHORT, 0],
      [TAG.StripOffsets, LONG, strip],
      [TAG.RowsPerStrip, LONG, height],
      [TAG.StripByteCounts, LONG, stripBytes],
      [TAG.XResolution, RATIONAL, xResolution],
      [TAG.YResolution, RATIONAL, yResolution],
      [TAG.ResolutionUnit, SHORT, 2],
    ];
    view.setUint16(ifd, entries.length, true);
    entries.forEach(([tag, type, value], index) => {
      const at = ifd + 2 + index * 12;
      view.setUint16(at, tag, true);
      view.setUint16(at + 2, type, true);
      view.setUint32(at + 4, 1, true);
      // A SHORT sits left-justified in the 4-byte value field; LONGs and RATIONAL offsets fill it.
      if (type === SHORT) view.setUint16(at + 8, value, true);
      else view.setUint32(at + 8, value, true);
    });
    const nextIfd = page + 1 < pages ? ifd + pageStride : 0;
    view.setUint32(ifd + 2 + entries.length * 12, nextIfd, true);
    view.setUint32(xResolution, FAX_DPI.x, true);
    view.setUint32(xResolution + 4, 1, true);
    view.setUint32(yResolution, FAX_DPI.y, true);
    view.setUint32(yResolution + 4, 1, true);
    // Pixels stay zero: white, since PhotometricInterpretation is WhiteIsZero.
  }
  return bytes;
}
