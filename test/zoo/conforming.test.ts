import express from 'express';
import { Hono } from 'hono';
import twilio from 'twilio';
import { afterAll, describe, expect, it } from 'vitest';
import { createFaxServer } from '../../examples/server/fax-server.js';
import { checkServer } from '../../src/harness/check-server.js';
import type { Report } from '../../src/model/report.js';
import { readParams, RECEIVE_XML, REJECT_XML, send, serve, type RunningServer } from './serve.js';

const AUTH_TOKEN = 'zoo-auth-token-0123456789abcdef';
const OPTIONS = { runs: 15, seed: 20211217, timeoutMs: 5_000 } as const;

const running: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(running.map((server) => server.close()));
});

async function started(server: RunningServer): Promise<RunningServer> {
  running.push(server);
  return server;
}

function findingsOf(report: Report): string[] {
  return report.findings.map((f) => `${f.severity} ${f.check}/${f.code}: ${f.message}`);
}

function expectConforming(report: Report): void {
  expect(findingsOf(report)).toEqual([]);
  expect(report.ok).toBe(true);
  expect(report.checks.filter((c) => c.status === 'failed')).toEqual([]);
}

describe('the conforming zoo', () => {
  it('passes the bundled example server, signatures checked, by GET and POST', async () => {
    const server = await started(await serve(createFaxServer({ authToken: AUTH_TOKEN, log: () => {} })));
    const report = await checkServer({ url: server.url() }, { ...OPTIONS, authToken: AUTH_TOKEN, method: 'both', expect: 'receive' });
    expectConforming(report);
    expect(report.checks.find((c) => c.id === 'get-post')?.status).toBe('passed');
  });

  it('passes a raw node:http server', async () => {
    const server = await started(
      await serve((req, res) => {
        void readParams(req).then((params) => {
          // Reads the parameters it needs and ignores the rest, as Twilio asks.
          if (!params.get('FaxSid')) return send(res, 400, 'missing FaxSid', 'text/plain');
          send(res, 200, RECEIVE_XML, 'application/xml; charset=utf-8');
        });
      }),
    );
    expectConforming(await checkServer({ url: server.url() }, OPTIONS));
  });

  it("passes an Express app behind twilio-node's webhook() signature middleware", async () => {
    const app = express();
    app.use(express.urlencoded({ extended: false }));
    app.post('/fax', twilio.webhook(AUTH_TOKEN), (_req, res) => {
      const twiml = new twilio.twiml.FaxResponse();
      twiml.receive({ action: '/fax/received', mediaType: 'application/pdf', pageSize: 'a4' });
      res.type('text/xml').send(twiml.toString());
    });
    // The action URL the reply names must exist too: action-callback requests it.
    app.post('/fax/received', twilio.webhook(AUTH_TOKEN), (_req, res) => res.type('text/xml').send('<Response/>'));
    const server = await started(await serve(app));
    expectConforming(await checkServer({ url: server.url() }, { ...OPTIONS, authToken: AUTH_TOKEN }));
  });

  it("passes an Express app behind twilio-node's webhook() on a URL with a query string, by GET, but for the SIP caller twilio-node refuses", async () => {
    const app = express();
    app.use(express.urlencoded({ extended: false }));
    app.all('/fax', twilio.webhook(AUTH_TOKEN), (req, res) => {
      const twiml = new twilio.twiml.FaxResponse();
      twiml.receive({ action: `/fax/received?tenant=${String(req.query.tenant)}` });
      res.type('text/xml').send(twiml.toString());
    });
    app.all('/fax/received', twilio.webhook(AUTH_TOKEN), (_req, res) => res.type('text/xml').send('<Response/>'));
    const server = await started(await serve(app));
    const report = await checkServer({ url: server.url('/fax?tenant=acme') }, { ...OPTIONS, authToken: AUTH_TOKEN, method: 'GET' });
    // Twilio signed the parameters of a GET with @ and : unescaped but sent them escaped: twilio-node's validator
    // refused such requests from real SIP callers (twilio-node#621). Everything else passes.
    expect(report.findings.map((f) => `${f.check}: ${f.message.slice(0, f.message.indexOf(';'))}`)).toEqual([
      "signature-accepted: the server refused a correctly signed request (a SIP caller whose display name has spaces, '+', an apostrophe, '@' and ':', by GET",
    ]);
  });

  it("reports the 400 twilio-node's middleware answers when the kit is given no auth token", async () => {
    const app = express();
    app.use(express.urlencoded({ extended: false }));
    app.post('/fax', twilio.webhook(AUTH_TOKEN), (_req, res) => res.type('text/xml').send(RECEIVE_XML));
    const server = await started(await serve(app));
    const report = await checkServer({ url: server.url() }, { ...OPTIONS, runs: 2, checks: ['status-code'] });
    expect(report.findings).toMatchObject([{ check: 'status-code', code: 'error_status', twilioError: 11200, response: { status: 400 } }]);
  });

  it('passes a Hono app checked in-process through its fetch handler', async () => {
    const app = new Hono();
    app.post('/fax', async (c) => {
      const body = await c.req.parseBody();
      return c.body(typeof body.From === 'string' ? RECEIVE_XML : '<Response><Reject/></Response>', 200, { 'Content-Type': 'text/xml' });
    });
    app.post('/fax/received', (c) => c.body(null, 204));
    const report = await checkServer({ handler: app.fetch, name: 'hono', url: 'http://fax.example.test/fax' }, OPTIONS);
    expectConforming(report);
    expect(report.target).toBe('handler:hono');
  });

  it('passes a server that rejects every fax, with --expect reject', async () => {
    const server = await started(await serve((_req, res) => send(res, 200, REJECT_XML)));
    expectConforming(await checkServer({ url: server.url() }, { ...OPTIONS, expect: 'reject' }));
  });

  it('passes a server behind a 307 redirect, which keeps the method and the body', async () => {
    const server = await started(
      await serve((req, res) => {
        if (req.url === '/old-fax') return void res.writeHead(307, { Location: '/fax' }).end();
        void readParams(req).then((params) => send(res, 200, params.get('FaxSid') ? RECEIVE_XML : '<Response/>'));
      }),
    );
    // The token shows the signature is recomputed after the redirect; this server itself checks none.
    expectConforming(await checkServer({ url: server.url('/old-fax') }, { ...OPTIONS, authToken: AUTH_TOKEN, skipChecks: ['signature-enforced'] }));
  });
});
