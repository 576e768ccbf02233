import { Readable } from 'node:stream';
import { brotliCompressSync, createGzip, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TWILIO_SENDER } from '../../src/protocol/index.js';
import { createSender } from '../../src/sender/index.js';
import { FAX_PARAMS } from './fixtures.js';
import { RECEIVE_TWIML, startHttpServer, type TestServer } from './servers.js';

const LIMIT = TWILIO_SENDER.maxBodyBytes;
const MEGABYTE = 1024 * 1024;

/** A stream of `a`s, produced only as fast as the client reads (endless by default). */
function letters(totalBytes = Infinity): Readable {
  const chunk = Buffer.alloc(16 * 1024, 'a');
  let produced = 0;
  return new Readable({
    read() {
      produced += chunk.byteLength;
      this.push(produced <= totalBytes ? chunk : null);
    },
  });
}

let server: TestServer;
let finishedWriting: Record<string, boolean> = {};
const sender = createSender({ timeoutMs: 5_000 });

beforeAll(async () => {
  server = await startHttpServer((request, response) => {
    const path = request.target;
    response.on('close', () => (finishedWriting[path] = response.writableFinished));
    const xml = { 'Content-Type': 'text/xml' };
    switch (path) {
      case '/ten-megabytes':
        response.writeHead(200, { ...xml, 'Content-Length': String(10 * MEGABYTE) });
        letters(10 * MEGABYTE).pipe(response);
        return;
      case '/endless':
        response.writeHead(200, xml);
        letters().pipe(response);
        return;
      case '/gzip-bomb':
        response.writeHead(200, { ...xml, 'Content-Encoding': 'gzip' });
        letters().pipe(createGzip()).pipe(response);
        return;
      case '/exactly-the-limit':
        response.writeHead(200, xml);
        response.end(Buffer.alloc(LIMIT, 'a'));
        return;
      case '/gzip':
        response.writeHead(200, { ...xml, 'Content-Encoding': 'gzip' });
        response.end(gzipSync(RECEIVE_TWIML));
        return;
      case '/br':
        response.writeHead(200, { ...xml, 'Content-Encoding': 'br' });
        response.end(brotliCompressSync(RECEIVE_TWIML));
        return;
      case '/corrupt-gzip':
        response.writeHead(200, { ...xml, 'Content-Encoding': 'gzip' });
        response.end(Buffer.from('this is not gzip at all'));
        return;
      default:
        response.writeHead(404);
        response.end();
    }
  });
});
afterAll(async () => {
  await sender.close();
  await server.close();
});

const fetchPath = (path: string) => sender.send({ method: 'POST', url: `${server.origin}${path}`, params: FAX_PARAMS });

describe('the body limit', () => {
  it(`keeps the first ${LIMIT} bytes of a 10 MB reply, marks it truncated, and stops the download`, async () => {
    const exchange = await fetchPath('/ten-megabytes');

    expect(exchange.failure).toBeUndefined();
    expect(exchange.response?.truncated).toBe(true);
    expect(exchange.response?.body.byteLength).toBe(LIMIT);
    await expect.poll(() => finishedWriting['/ten-megabytes']).toBe(false);
  });

  it('stops reading an endless reply at the limit', async () => {
    const exchange = await fetchPath('/endless');

    expect(exchange.response).toMatchObject({ status: 200, truncated: true });
    expect(exchange.response?.body.byteLength).toBe(LIMIT);
  });

  it('stops decompressing a gzip bomb at the limit of decoded bytes', async () => {
    const exchange = await fetchPath('/gzip-bomb');

    expect(exchange.response?.truncated).toBe(true);
    expect(exchange.response?.body.byteLength).toBe(LIMIT);
    expect(Buffer.from(exchange.response?.body ?? []).every((byte) => byte === 0x61)).toBe(true);
  });

  it('does not mark a body of exactly the limit as truncated', async () => {
    const exchange = await fetchPath('/exactly-the-limit');

    expect(exchange.response).toMatchObject({ truncated: false });
    expect(exchange.response?.body.byteLength).toBe(LIMIT);
  });
});

describe('content encodings', () => {
  it.each(['/gzip', '/br'])('decodes a %s body', async (path) => {
    const exchange = await fetchPath(path);

    expect(Buffer.from(exchange.response?.body ?? []).toString()).toBe(RECEIVE_TWIML);
    expect(exchange.response?.headers['content-encoding']).toBe(path.slice(1));
  });

  it('reports protocol (11206) for a body that does not decode', async () => {
    const exchange = await fetchPath('/corrupt-gzip');

    expect(exchange.failure).toMatchObject({ kind: 'protocol', twilioError: 11206 });
    expect(exchange.failure?.message).toMatch(/does not decode/);
  });
});
