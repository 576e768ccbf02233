import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { checkServer, type CheckTarget } from '../../src/harness/index.js';
import type { Report } from '../../src/model/report.js';
import { createSender } from '../../src/sender/index.js';
import { listenerTransport } from '../../src/sender/listener-transport.js';

// A Node request listener (an Express app, an http.Server) checked in process: undici and Node's own HTTP parser over
// an in-memory duplex pair, so the same run gives the same report as over a real loopback connection.
const TOKEN = 'listener-token';
const RECEIVE = '<?xml version="1.0" encoding="UTF-8"?><Response><Receive action="/fax/received"/></Response>';

function conformingApp(): express.Express {
  const app = express();
  app.use(express.urlencoded({ extended: false }));
  app.all('/fax', twilio.webhook(TOKEN), (_req, res) => res.type('text/xml').send(RECEIVE));
  app.post('/fax/received', twilio.webhook(TOKEN), (_req, res) => res.sendStatus(204));
  return app;
}

function defectiveApp(): express.Express {
  const app = express();
  app.use(express.urlencoded({ extended: false }));
  app.all('/fax', (req, res) => {
    if (String((req.body as Record<string, string> | undefined)?.From ?? '').includes("'")) throw new Error('quote in From');
    res.cookie('sid', 'x').cookie('sid', 'y').type('text/plain').send('<Response><receive/></Response>');
  });
  return app;
}

/** The report without what differs between any two runs (durations) and the target's label. */
function comparable(report: Report): unknown {
  const { target: _target, summary, ...rest } = report;
  const text = JSON.stringify({ ...rest, summary: { ...summary, durationMs: 0 } });
  // The kit's own media server gets a new port per run; replay commands exist only for URL targets.
  return JSON.parse(text.replace(/127\.0\.0\.1:\d+\/fax\/AC/g, '127.0.0.1:MEDIA/fax/AC').replace(/"(durationMs|elapsedMs)":\d+/g, '"$1":0').replace(/,"command":"[^"]*"/g, '').replace(/"date":"[^"]*"/g, '"date":"D"'));
}

async function overHttpThenInProcess(make: () => express.Express): Promise<{ overHttp: Report; inProcess: Report }> {
  const server = make().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fax`;
  const options = { runs: 10, seed: 7, authToken: TOKEN, method: 'both' as const };
  const overHttp = await checkServer({ url }, options);
  await new Promise((done) => server.close(done));
  // The same URL, now with nothing listening on it: every request must stay in process.
  const inProcess = await checkServer({ listener: make(), url }, options);
  return { overHttp, inProcess };
}

describe('checkServer with { listener }', { timeout: 60_000 }, () => {
  it('gives a conforming Express app (twilio.webhook) the same report as over HTTP, with no port', async () => {
    const { overHttp, inProcess } = await overHttpThenInProcess(conformingApp);
    expect(overHttp.summary.requests).toBeGreaterThan(20);
    expect(inProcess.target).toBe('listener:app');
    expect(comparable(inProcess)).toEqual(comparable(overHttp));
    expect(inProcess.summary.passed).toBeGreaterThan(0);
  });

  it('gives a defective Express app the same findings, hints and curl lines as over HTTP', async () => {
    const { overHttp, inProcess } = await overHttpThenInProcess(defectiveApp);
    expect(overHttp.findings.length).toBeGreaterThan(0);
    expect(inProcess.findings.map((f) => [f.check, f.code, f.hint, f.reproduce])).toEqual(overHttp.findings.map((f) => [f.check, f.code, f.hint, f.reproduce]));
    expect(comparable(inProcess)).toEqual(comparable(overHttp));
    expect(inProcess.ok).toBe(false);
  });

  it('checks an unstarted http.Server and never makes it listen', async () => {
    const server = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/xml' }).end(RECEIVE));
    const report = await checkServer({ listener: server, url: 'https://fax.example/fax' }, { runs: 2, seed: 1, checks: ['reachable', 'content-type'] });
    expect(report.target).toBe('listener:server');
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([['reachable', 'passed'], ['content-type', 'passed']]);
    expect(server.listening).toBe(false);
  });
});

describe('the listener transport', () => {
  const post = (listener: (req: IncomingMessage, res: ServerResponse) => unknown, url = 'https://fax.example/fax/it%27s?note=O\'Brien', timeoutMs = 2_000) => {
    const sender = createSender({ timeoutMs, transport: listenerTransport(listener) });
    return sender.send({ method: 'POST', url, params: [['FaxSid', 'FX1']] }).finally(() => sender.close());
  };

  it('hands the app the raw request target, https as encrypted, and the sender\'s headers', async () => {
    let seen: { url?: string; encrypted?: boolean; host?: string } = {};
    const exchange = await post((req, res) => {
      seen = { url: req.url, encrypted: (req.socket as { encrypted?: boolean }).encrypted, host: req.headers.host };
      res.setHeader('Set-Cookie', ['a=1', 'b=2']);
      res.writeHead(200, { 'Content-Type': 'text/xml' }).end(RECEIVE);
    });
    expect(seen).toEqual({ url: "/fax/it%27s?note=O'Brien", encrypted: true, host: 'fax.example' });
    expect(exchange.response?.status).toBe(200);
    expect(exchange.response?.setCookies).toEqual(['a=1', 'b=2']);
  });

  it('answers a listener that throws, synchronously or not, with a 500 instead of an uncaught exception', async () => {
    const sync = await post(() => {
      throw new Error('boom');
    });
    const async = await post(async () => {
      throw new Error('later');
    });
    expect([sync.response?.status, async.response?.status]).toEqual([500, 500]);
    expect(new TextDecoder().decode(async.response?.body)).toContain('the handler threw Error: later');
  });

  it('ends a listener that never answers at the deadline, and closes its response', async () => {
    const closed = new Promise<void>((resolve) => {
      void post((_req, res) => res.on('close', resolve), undefined, 200).then((exchange) => expect(exchange.failure?.kind).toBe('timeout'));
    });
    await closed;
  });
});
