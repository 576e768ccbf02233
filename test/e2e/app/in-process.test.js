// twiml-fax-kit/vitest against the same Express app twice: in process ({ listener }: no port) and over a URL.
import { once } from 'node:events';
import { afterAll } from 'vitest';
import { describeFaxConformance } from 'twiml-fax-kit/vitest';
import { createFaxApp } from './server.js';

const server = createFaxApp('text/xml').listen(0, '127.0.0.1');
await once(server, 'listening');
afterAll(() => new Promise((done) => server.close(done)));

const options = { runs: 3, seed: 1, checks: ['reachable', 'status-code', 'content-type', 'fax-action'] };
describeFaxConformance('express in process', { listener: createFaxApp('text/xml'), url: 'http://localhost/fax' }, options);
describeFaxConformance('express over a URL', { url: `http://127.0.0.1:${server.address().port}/fax` }, options);
