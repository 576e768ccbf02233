import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMediaServer, type MediaServer } from '../../src/media/media-server.js';
import { mediaUrlFor } from '../../src/protocol/media-url.js';

let media: MediaServer;
beforeAll(async () => {
  media = await startMediaServer();
});
afterAll(() => media.close());

/** Sends a raw request path (no URL normalisation on the way) and returns the status. */
function rawStatus(path: string, method = 'GET'): Promise<number> {
  const { port } = new URL(media.baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the loopback media server, asked by a hostile handler', () => {
  it.each([
    '/fax/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    `/fax/AC0123456789abcdef0123456789abcdef/${'a'.repeat(100_000)}`,
    '/fax/AC0123456789abcdef0123456789abcdef/',
    '/',
    '*',
  ])('serves nothing but the fax for %s', async (path) => {
    expect([400, 404, 414, 431]).toContain(await rawStatus(path));
  });

  it('answers HEAD with the headers of the fax and no body, and refuses PUT and DELETE', async () => {
    const url = new URL(mediaUrlFor(media.baseUrl, { accountSid: 'AC0123456789abcdef0123456789abcdef', faxSid: 'FX0123456789abcdef0123456789abcdef', format: 'application/pdf' }));
    const head = await fetch(url, { method: 'HEAD' });
    expect([head.status, head.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    for (const method of ['PUT', 'DELETE']) expect(await rawStatus(url.pathname + url.search, method)).toBe(405);
  });
});
