// twiml-fax-kit/vitest against two running Express servers: one conforming, one replying text/plain.
import { once } from 'node:events';
import { afterAll } from 'vitest';
import { describeFaxConformance } from 'twiml-fax-kit/vitest';
import { createFaxApp } from './server.js';

async function listen(app) {
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  afterAll(() => new Promise((done) => server.close(done)));
  return `http://127.0.0.1:${server.address().port}/fax`;
}

const options = { runs: 3, seed: 1, checks: ['reachable', 'status-code', 'content-type', 'fax-action', 'get-post'] };
describeFaxConformance('conforming app', { url: await listen(createFaxApp('text/xml')) }, options);
describeFaxConformance('defective app', { url: await listen(createFaxApp('text/plain')) }, options);
