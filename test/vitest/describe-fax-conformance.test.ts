import { Hono } from 'hono';
import { describeFaxConformance } from '../../src/vitest/index.js';

// The integration used as a user would: a Hono app checked in process, one vitest test per check.
const app = new Hono();
app.post('/fax', (c) => c.body('<?xml version="1.0" encoding="UTF-8"?><Response><Receive/></Response>', 200, { 'Content-Type': 'text/xml' }));

describeFaxConformance('a conforming Hono fax app', { handler: app.fetch, url: 'http://localhost/fax' }, { runs: 5, seed: 1 });

// Checks that need another configuration are reported skipped with the run's reason, not passed.
describeFaxConformance('only the checks asked for', { handler: app.fetch, url: 'http://localhost/fax' }, { runs: 2, seed: 1, checks: ['status-code', 'get-post'] });
