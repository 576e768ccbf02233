// The kit's generators with @fast-check/vitest's test.prop, as the README shows.
import { test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { validateFaxTwiml } from 'twiml-fax-kit';
import { faxWebhookParams, unknownParams } from 'twiml-fax-kit/properties';
import { createFaxApp } from './server.js';
import { once } from 'node:events';
import { afterAll } from 'vitest';

const server = createFaxApp().listen(0, '127.0.0.1');
await once(server, 'listening');
afterAll(() => new Promise((done) => server.close(done)));
const url = `http://127.0.0.1:${server.address().port}/fax`;

test.prop([faxWebhookParams(), unknownParams()], { numRuns: 20, seed: 1 })('answers every incoming fax with valid TwiML', async (params, extras) => {
  const res = await fetch(url, { method: 'POST', body: new URLSearchParams({ ...extras, ...params }) });
  const reply = validateFaxTwiml(await res.text(), { contentType: res.headers.get('content-type') });
  expect(reply.diagnostics).toEqual([]);
  expect(reply.verb).toBe('Receive');
});
