import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediaUrlFor, startMediaServer, type MediaServer } from '../../../src/media/index.js';

let media: MediaServer;
beforeAll(async () => {
  media = await startMediaServer();
});
afterAll(() => media.close());

describe('the loopback media server', () => {
  it('serves a PDF at a MediaUrl for application/pdf', async () => {
    const reply = await fetch(mediaUrlFor(media.baseUrl, 'FX0123456789abcdef0123456789abcdef', 'application/pdf'));
    expect(reply.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await reply.arrayBuffer()).subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
  });

  it('serves a TIFF at a MediaUrl for image/tiff', async () => {
    const url = mediaUrlFor(`${media.baseUrl}/`, 'FX0123456789abcdef0123456789abcdef', 'image/tiff');
    expect(url).toBe(`${media.baseUrl}/FX0123456789abcdef0123456789abcdef.tiff`);
    const reply = await fetch(url);
    expect(reply.headers.get('content-type')).toBe('image/tiff');
  });

  it('answers 404 for anything else', async () => {
    expect((await fetch(`${media.baseUrl}/FX1.docx`)).status).toBe(404);
  });
});
