import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkServer } from '../../src/harness/check-server.js';
import { formatJsonReport } from '../../src/reporters/json.js';
import type { Report } from '../../src/model/report.js';

// A correct server whose keep-alive timeout always fires just as a second request arrives on a connection: it serves one
// request per connection and breaks off any connection a second one comes on. A kit that kept connections between
// exchanges would blame it with 11206, in cases that vary with timing.
let server: Server;
let url: string;
let connections = 0;
beforeAll(async () => {
  const served = new WeakSet<object>();
  server = createServer((request, response) => {
    if (served.has(request.socket)) {
      request.socket.destroy();
      return;
    }
    served.add(request.socket);
    request.resume().on('end', () => {
      response.sendDate = false;
      response.writeHead(200, { 'Content-Type': 'text/xml' });
      response.end('<Response><Receive/></Response>');
    });
  });
  server.on('connection', () => void (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fax`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const run = (): Promise<Report> =>
  checkServer({ url }, { runs: 30, seed: 11, method: 'both', expect: 'receive', mediaUrl: 'http://127.0.0.1:9/media' });

describe('a server that serves one request per connection', () => {
  it('gets no finding, and the same report from the same seed', async () => {
    const first = await run();
    const second = await run();

    expect(first.findings.map((finding) => `${finding.check}: ${finding.message}`)).toEqual([]);
    expect(first.ok).toBe(true);
    const untimed = (report: Report): string => formatJsonReport({ ...report, summary: { ...report.summary, durationMs: 0 } });
    expect(untimed(second)).toBe(untimed(first));
    expect(connections).toBeGreaterThan(100);
  });
});
