import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { defineCheck, judged } from '../../src/harness/index.js';
import { describeFaxConformance } from '../../src/vitest/index.js';

// The integration used as a user would: a Hono app checked in process, one vitest test per check.
const app = new Hono();
app.post('/fax', (c) => c.body('<?xml version="1.0" encoding="UTF-8"?><Response><Receive/></Response>', 200, { 'Content-Type': 'text/xml' }));

describeFaxConformance('a conforming Hono fax app', { handler: app.fetch, url: 'http://localhost/fax' }, { runs: 5, seed: 1 });

// Checks that need another configuration are reported skipped with the run's reason, not passed.
describeFaxConformance('only the checks asked for', { handler: app.fetch, url: 'http://localhost/fax' }, { runs: 2, seed: 1, checks: ['status-code', 'get-post'] });

describe('describeFaxConformance with options it cannot honour', () => {
  it.each([
    [{ concurrency: Number(undefined) }, "describeFaxConformance('bad'): concurrency must be a whole number of at least 1, not NaN"],
    [{ runTimeoutMs: Infinity }, "describeFaxConformance('bad'): runTimeoutMs must be a number of milliseconds from 1 to 2147483647, not Infinity"],
    [{ failOn: 'warnings' as never }, "describeFaxConformance('bad'): failOn must be one of 'error', 'warning', 'notice', 'never', not 'warnings'"],
    [
      { customChecks: [defineCheck({ id: 'status-code', title: 'mine', run: () => judged() })] },
      "describeFaxConformance('bad'): custom check 'status-code' has the id of a built-in check; give it an id of its own",
    ],
    [{ customChecks: defineCheck({ id: 'mine', title: 'mine', run: () => judged() }) as never }, "describeFaxConformance('bad'): customChecks must be an array of checks made with defineCheck, not object"],
  ])('throws a TypeError at collection time for %j', (options, message) => {
    expect(() => describeFaxConformance('bad', { handler: app.fetch, url: 'http://localhost/fax' }, options)).toThrow(new TypeError(message));
  });
});
