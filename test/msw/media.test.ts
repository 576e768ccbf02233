import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { minimalPdf, minimalTiff, PDF_PAGE_SIZES } from '../../src/msw/index.js';

/** Checks what a PDF reader relies on first: header, xref entries pointing at their objects, trailer, EOF. */
function pdfStructure(bytes: Uint8Array) {
  const text = Buffer.from(bytes).toString('latin1');
  expect(text.startsWith('%PDF-1.4\n')).toBe(true);
  expect(text.endsWith('%%EOF\n')).toBe(true);
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
  expect(text.slice(startxref, startxref + 5)).toBe('xref\n');
  const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(text.slice(startxref)) ?? [];
  expect(first).toBe('0');
  const tableStart = startxref + `xref\n0 ${count}\n`.length;
  const table = text.slice(tableStart, tableStart + 20 * Number(count));
  expect(table.length).toBe(20 * Number(count));
  for (let id = 0; id < Number(count); id++) {
    const entry = table.slice(id * 20, id * 20 + 20);
    expect(entry).toMatch(/^\d{10} \d{5} [nf] \n$/);
    if (id === 0) {
      expect(entry).toBe('0000000000 65535 f \n');
      continue;
    }
    const offset = Number(entry.slice(0, 10));
    expect(text.slice(offset, offset + `${id} 0 obj`.length)).toBe(`${id} 0 obj`);
  }
  const trailer = /trailer\n<< \/Size (\d+) \/Root (\d+) 0 R >>/.exec(text);
  expect(trailer?.[1]).toBe(count);
  for (const match of text.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
    const start = match.index + match[0].length;
    expect(text.slice(start + Number(match[1]), start + Number(match[1]) + '\nendstream'.length)).toBe('\nendstream');
  }
  return { text, pages: Number(/\/Type \/Pages \/Kids \[[^\]]*\] \/Count (\d+)/.exec(text)?.[1]) };
}

/** Walks a little-endian TIFF's image file directories and returns each page's baseline fields. */
function tiffPages(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect([...bytes.slice(0, 4)]).toEqual([0x49, 0x49, 0x2a, 0x00]);
  const pages: Record<number, number>[] = [];
  for (let ifd = view.getUint32(4, true); ifd !== 0; ) {
    expect(ifd % 2).toBe(0);
    const count = view.getUint16(ifd, true);
    const fields: Record<number, number> = {};
    let previousTag = 0;
    for (let i = 0; i < count; i++) {
      const at = ifd + 2 + i * 12;
      const tag = view.getUint16(at, true);
      const type = view.getUint16(at + 2, true);
      expect(tag).toBeGreaterThan(previousTag);
      previousTag = tag;
      fields[tag] = type === 3 ? view.getUint16(at + 8, true) : view.getUint32(at + 8, true);
    }
    const stripEnd = (fields[273] ?? Infinity) + (fields[279] ?? 0);
    expect(stripEnd).toBeLessThanOrEqual(bytes.byteLength);
    expect(fields[279]).toBe(Math.ceil((fields[256] ?? 0) / 8) * (fields[257] ?? 0));
    pages.push(fields);
    ifd = view.getUint32(ifd + 2 + count * 12, true);
  }
  return pages;
}

/** Runs `file` (libmagic), an independent parser, when the machine has it. */
function describeWithFile(bytes: Uint8Array, extension: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'twiml-fax-kit-media-'));
  try {
    const path = join(dir, `fax.${extension}`);
    writeFileSync(path, bytes);
    return execFileSync('file', ['-b', path], { encoding: 'utf8' }).trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const hasFile = existsSync('/usr/bin/file');

describe('minimalPdf', () => {
  it('builds a one-page letter PDF whose cross-reference table points at every object', () => {
    const { text, pages } = pdfStructure(minimalPdf());
    expect(pages).toBe(1);
    expect(text).toContain('/MediaBox [0 0 612 792]');
  });

  it('keeps its structure valid for any page count, page size and text', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom(...(Object.keys(PDF_PAGE_SIZES) as (keyof typeof PDF_PAGE_SIZES)[])),
        fc.string({ maxLength: 40, unit: 'binary' }),
        (count, pageSize, text) => {
          const { text: pdf, pages } = pdfStructure(minimalPdf({ pages: count, pageSize, text }));
          expect(pages).toBe(count);
          const [width, height] = PDF_PAGE_SIZES[pageSize];
          expect(pdf.split(`/MediaBox [0 0 ${width} ${height}]`).length - 1).toBe(count);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives the same bytes for the same options', () => {
    expect(Buffer.from(minimalPdf({ pages: 2 })).equals(Buffer.from(minimalPdf({ pages: 2 })))).toBe(true);
  });

  it.runIf(hasFile)('is recognised by libmagic as a PDF with its page count', () => {
    expect(describeWithFile(minimalPdf({ pages: 3 }), 'pdf')).toMatch(/^PDF document, version 1\.4(, 3 pages?)?/);
  });
});

describe('minimalTiff', () => {
  it('builds a one-page bilevel TIFF at fax fine resolution', () => {
    const bytes = minimalTiff();
    const [page, ...rest] = tiffPages(bytes);
    expect(rest).toEqual([]);
    expect(page).toMatchObject({ 256: 32, 257: 32, 259: 1, 262: 0, 278: 32, 296: 2 });
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect([view.getUint32(page![282]!, true), view.getUint32(page![282]! + 4, true)]).toEqual([204, 1]);
    expect([view.getUint32(page![283]!, true), view.getUint32(page![283]! + 4, true)]).toEqual([196, 1]);
  });

  it('chains one directory per page with strips inside the file, for any size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 70 }), fc.integer({ min: 1, max: 40 }), (count, width, height) => {
        const pages = tiffPages(minimalTiff({ pages: count, width, height }));
        expect(pages).toHaveLength(count);
        for (const page of pages) expect([page[256], page[257]]).toEqual([width, height]);
      }),
      { numRuns: 60 },
    );
  });

  it.runIf(hasFile)('is recognised by libmagic as an uncompressed WhiteIsZero TIFF', () => {
    expect(describeWithFile(minimalTiff({ width: 16, height: 8 }), 'tiff')).toMatch(/^TIFF image data, little-endian.*compression=none.*PhotometricInterpretation=WhiteIsZero.*width=16/);
  });
});
