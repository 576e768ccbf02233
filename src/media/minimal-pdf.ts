/** Page sizes of `<Receive pageSize>`, in PDF points (1/72 inch). */
export const PDF_PAGE_SIZES = {
  letter: [612, 792],
  legal: [612, 1008],
  a4: [595, 842],
} as const;

/** What the generated fax PDF looks like. */
export interface MinimalPdfOptions {
  /** Number of pages, at least 1 (default 1). */
  readonly pages?: number;
  /** Page size, as `<Receive pageSize>` names it (default `letter`). */
  readonly pageSize?: keyof typeof PDF_PAGE_SIZES;
  /** One line printed on each page; printable ASCII only (default "twiml-fax-kit test fax"). */
  readonly text?: string;
}

/** Escapes a PDF literal string and keeps it to printable ASCII, so every byte offset stays one character. */
function pdfLiteral(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, (c) => `\\${c}`);
}

/**
 * Builds a small, valid PDF (version 1.4, Helvetica text, an exact cross-reference table) as a received fax
 * would be stored with `mediaType="application/pdf"`. Deterministic: the same options give the same bytes.
 * @example new Response(minimalPdf({ pages: 2, pageSize: 'a4' }), { headers: { 'Content-Type': 'application/pdf' } })
 */
export function minimalPdf(options: MinimalPdfOptions = {}): Uint8Array {
  const pages = Math.max(1, Math.floor(options.pages ?? 1));
  const [width, height] = PDF_PAGE_SIZES[options.pageSize ?? 'letter'];
  const text = pdfLiteral(options.text ?? 'twiml-fax-kit test fax');

  // Objects: 1 catalog, 2 page tree, 3 font, then a (page, contents) pair per page.
  const bodies: string[] = ['<< /Type /Catalog /Pages 2 0 R >>', '', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];
  const kids: string[] = [];
  for (let page = 1; page <= pages; page++) {
    const pageId = bodies.length + 1;
    const stream = `BT /F1 12 Tf 72 ${height - 72} Td (${text} - page ${page} of ${pages}) Tj ET`;
    kids.push(`${pageId} 0 R`);
    bodies.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageId + 1} 0 R >>`,
      `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    );
  }
  bodies[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages} >>`;

  // The second line's bytes above 127 mark the file as binary for transfer tools, as the PDF spec recommends.
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  bodies.forEach((body, index) => {
    offsets.push(pdf.length);
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefOffset = pdf.length;
  // Each cross-reference entry is exactly 20 bytes: 10-digit offset, 5-digit generation, keyword, 2-byte EOL.
  pdf += `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  // Every character is below 256, so each becomes exactly one byte and the offsets above stay true.
  return Uint8Array.from(pdf, (char) => char.charCodeAt(0));
}
