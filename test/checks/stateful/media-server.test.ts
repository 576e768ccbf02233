import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMediaServer, type MediaServer } from '../../../src/media/media-server.js';
import { formatOfMediaKey, mediaUrlFor, parseMediaPath, presignedQueryMatches, TWILIO_MEDIA_ORIGIN } from '../../../src/protocol/media-url.js';
import { accountSid, faxSid } from '../../../properties/index.js';

const FAX = { accountSid: 'AC0123456789abcdef0123456789abcdef', faxSid: 'FX0123456789abcdef0123456789abcdef' } as const;

let media: MediaServer;
beforeAll(async () => {
  media = await startMediaServer();
});
afterAll(() => media.close());

const magic = async (reply: Response, length: number) => Buffer.from(await reply.arrayBuffer()).subarray(0, length).toString('latin1');

describe("Twilio's MediaUrl shape", () => {
  it('is a pre-signed URL on the media CDN, without a file extension, valid for 2 hours', () => {
    const url = new URL(mediaUrlFor(TWILIO_MEDIA_ORIGIN, { ...FAX, format: 'application/pdf' }));
    expect(url.origin).toBe('https://media.twiliocdn.com');
    expect(url.pathname).toMatch(new RegExp(`^/fax/${FAX.accountSid}/[0-9a-f]{128}$`));
    expect([...url.searchParams.keys()]).toEqual([
      'X-Amz-Security-Token',
      'X-Amz-Algorithm',
      'X-Amz-Date',
      'X-Amz-SignedHeaders',
      'X-Amz-Expires',
      'X-Amz-Credential',
      'X-Amz-Signature',
    ]);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('7200');
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('carries its format in its key and its signature in its query, and a decoded copy never matches, for any fax', () => {
    fc.assert(
      fc.property(accountSid(), faxSid(), fc.constantFrom('application/pdf' as const, 'image/tiff' as const), (account, fax, format) => {
        const url = new URL(mediaUrlFor(TWILIO_MEDIA_ORIGIN, { accountSid: account, faxSid: fax, format }));
        const path = parseMediaPath(url.pathname);
        expect(path?.accountSid).toBe(account);
        expect(formatOfMediaKey(path?.key ?? '')).toBe(format);
        expect(presignedQueryMatches(path?.key ?? '', url.search)).toBe(true);
        expect(presignedQueryMatches(path?.key ?? '', decodeURIComponent(url.search))).toBe(false);
      }),
      { numRuns: 100 },
    );
  });

  it('is the same for the same fax and format, and differs between PDF and TIFF', () => {
    const pdf = mediaUrlFor(TWILIO_MEDIA_ORIGIN, { ...FAX, format: 'application/pdf' });
    expect(mediaUrlFor(`${TWILIO_MEDIA_ORIGIN}/`, { ...FAX, format: 'application/pdf' })).toBe(pdf);
    expect(mediaUrlFor(TWILIO_MEDIA_ORIGIN, { ...FAX, format: 'image/tiff' })).not.toBe(pdf);
  });
});

describe('the loopback media server', () => {
  it('serves a PDF at a MediaUrl for application/pdf', async () => {
    const reply = await fetch(mediaUrlFor(media.baseUrl, { ...FAX, format: 'application/pdf' }));
    expect(reply.headers.get('content-type')).toBe('application/pdf');
    expect(await magic(reply, 8)).toBe('%PDF-1.4');
  });

  it('serves a TIFF at a MediaUrl for image/tiff, though the URL names no format', async () => {
    const reply = await fetch(mediaUrlFor(media.baseUrl, { ...FAX, format: 'image/tiff' }));
    expect(reply.headers.get('content-type')).toBe('image/tiff');
    expect(await magic(reply, 4)).toBe('II*\0');
  });

  it('refuses an Authorization header next to the pre-signed query, as S3 does (400)', async () => {
    const reply = await fetch(mediaUrlFor(media.baseUrl, { ...FAX, format: 'application/pdf' }), { headers: { Authorization: 'Basic QUM6dG9rZW4=' } });
    expect(reply.status).toBe(400);
    expect(await reply.text()).toContain('<Code>InvalidArgument</Code>');
  });

  it('refuses a URL decoded on the way: its security token no longer matches (403)', async () => {
    const url = mediaUrlFor(media.baseUrl, { ...FAX, format: 'application/pdf' });
    const reply = await fetch(decodeURIComponent(url));
    expect(reply.status).toBe(403);
    expect(await reply.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
  });

  it('answers 404 NoSuchKey for a key it did not make, and 405 for another method', async () => {
    const other = await fetch(`${media.baseUrl}/fax/${FAX.accountSid}/${'0'.repeat(128)}?X-Amz-Expires=7200`);
    expect(other.status).toBe(404);
    expect(await other.text()).toContain('<Code>NoSuchKey</Code>');
    expect((await fetch(mediaUrlFor(media.baseUrl, { ...FAX, format: 'application/pdf' }), { method: 'POST' })).status).toBe(405);
  });
});
