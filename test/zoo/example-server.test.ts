import { test } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionCallbackParams } from '../../properties/index.js';
import { createFaxServer } from '../../examples/server/fax-server.js';
import { createSender } from '../../src/sender/index.js';
import { validateFaxTwiml } from '../../src/twiml/index.js';
import { serve, type RunningServer } from './serve.js';

const AUTH_TOKEN = 'example-server-token';
const lines: string[] = [];
let server: RunningServer;
const signed = createSender({ authToken: AUTH_TOKEN, timeoutMs: 3_000 });
const unsigned = createSender({ timeoutMs: 3_000 });

beforeAll(async () => {
  server = await serve(createFaxServer({ authToken: AUTH_TOKEN, log: (line) => lines.push(line) }));
});
afterAll(async () => {
  await Promise.all([server.close(), signed.close(), unsigned.close()]);
});

const text = (body: Uint8Array | undefined) => new TextDecoder().decode(body);

describe('the bundled example server', () => {
  test.prop([actionCallbackParams({ outcome: 'received' })], { numRuns: 10 })('answers the callback of a received fax with an empty <Response/>', async (params) => {
    const exchange = await signed.send({ method: 'POST', url: server.url('/fax/received'), params: Object.entries(params) });
    expect(exchange.response?.status).toBe(200);
    expect(validateFaxTwiml(exchange.response?.body ?? new Uint8Array(), { contentType: exchange.response?.headers['content-type'] ?? null }).diagnostics.filter((d) => d.check !== 'fax-action')).toEqual([]);
  });

  test.prop([actionCallbackParams({ outcome: 'failed' })], { numRuns: 10 })('answers the callback of a failed fax (no NumPages, no MediaUrl) with 200', async (params) => {
    const exchange = await signed.send({ method: 'GET', url: server.url('/fax/received'), params: Object.entries(params) });
    expect(exchange.response?.status).toBe(200);
    expect(lines.at(-1)).toContain(params.FaxSid);
  });

  it('refuses an unsigned request with 403, not a crash', async () => {
    const exchange = await unsigned.send({ method: 'POST', url: server.url(), params: [['FaxSid', 'FX0']] });
    expect(exchange.response?.status).toBe(403);
    expect(text(exchange.response?.body)).toBe('invalid signature\n');
  });

  it('answers 404 outside its two paths', async () => {
    const exchange = await signed.send({ method: 'POST', url: server.url('/voice'), params: [] });
    expect(exchange.response?.status).toBe(404);
  });
});
