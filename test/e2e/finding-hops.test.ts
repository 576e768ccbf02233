import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkServer } from '../../src/harness/check-server.js';
import type { LatencyHistogram } from '../../src/model/latency.js';
import { schemaErrors } from '../docs/json-schema.js';

// What the html report draws comes from the run: a finding's hops (redirects followed) in the report, and the
// exchanges' durations against the timeout with the run-finished event only (timing never enters the JSON report).

let server: Server;
let url: string;
beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      if (request.url?.startsWith('/fax/answer')) {
        response.writeHead(200, { 'content-type': 'text/xml' });
        response.end('<Response><Receive/><pause/></Response>');
      } else {
        response.writeHead(307, { location: '/fax/answer' });
        response.end();
      }
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fax`;
});
afterAll(() => new Promise((done) => server.close(done)));

describe("a finding's exchange and the run's latencies", { timeout: 60_000 }, () => {
  it('records every hop of a redirected exchange in the finding, as the report schema describes', async () => {
    const report = await checkServer({ url }, { seed: 3, runs: 2, checks: ['known-verbs'] });
    const finding = report.findings.find((f) => f.check === 'known-verbs');
    expect(finding?.hops).toEqual([
      { method: 'POST', url, status: 307, location: '/fax/answer' },
      { method: 'POST', url: `${url}/answer`, status: 200 },
    ]);
    const schema = JSON.parse(readFileSync(resolve('docs/report.schema.json'), 'utf8')) as Record<string, unknown>;
    expect(schemaErrors(schema, JSON.parse(JSON.stringify(report)))).toEqual([]);
  });

  it('counts every exchange in the histogram of the run-finished event, and keeps it out of the report', async () => {
    let latency: LatencyHistogram | undefined;
    const report = await checkServer(
      { url },
      { seed: 3, runs: 2, checks: ['known-verbs'], timeoutMs: 4_000, reporters: [{ onRunFinished: (event) => void (latency = event.latency) }] },
    );
    expect(latency).toMatchObject({ timeoutMs: 4_000, bucketMs: 200, timedOut: 0 });
    expect(latency?.counts).toHaveLength(20);
    expect(latency?.counts.reduce((a, b) => a + b, 0)).toBe(latency?.exchanges);
    expect(latency?.exchanges).toBe(report.summary.requests);
    expect(JSON.stringify(report)).not.toContain('bucketMs');
  });
});
