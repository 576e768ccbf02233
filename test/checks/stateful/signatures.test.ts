import { fc, test } from '@fast-check/vitest';
import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { signedContentOf } from '../../../src/checks/signatures/signed-content.js';
import { checkServer } from '../../../src/harness/check-server.js';
import { createSender, inProcessTransport } from '../../../src/sender/index.js';
import { signTwilioRequest } from '../../../src/signature/index.js';
import { faxWebhookParams } from '../../../properties/fax-webhook-params.js';
import { RECEIVE_XML, send } from '../../zoo/serve.js';
import { AUTH_TOKEN } from '../../zoo/stateful/servers.js';
import { recordingServers } from './recording-server.js';

const record = recordingServers();

const RUN = { runs: 0, seed: 1, timeoutMs: 3_000, shrink: false } as const;

describe('signedContentOf', () => {
  const sender = createSender({ authToken: AUTH_TOKEN, transport: inProcessTransport(() => new Response('<Response/>', { headers: { 'Content-Type': 'text/xml' } })) });

  test.prop([
    fc.constantFrom('POST', 'GET'),
    faxWebhookParams(),
    fc.constantFrom(
      'https://fax.example.com/fax',
      'https://fax.example.com:8443/fax?x=1&y=a%20b',
      'http://user:pw@fax.example.com/fax?q=%2B1#rt=5000',
      "https://Fax.Example.com:443/fax box?who=o'neil",
    ),
  ])('signs exactly what the sender signs on the wire', async (method, record, url) => {
    const request = { method, url, params: Object.entries(record) } as const;
    const exchange = await sender.send(request);
    const { url: signedUrl, params } = signedContentOf(request);
    expect(signTwilioRequest({ authToken: AUTH_TOKEN, url: signedUrl, ...(params && { params }) })).toBe(exchange.hops[0]?.request.headers['X-Twilio-Signature']);
  });
});

describe('the signature checks', () => {
  it('are skipped, never passed, without an auth token', async () => {
    const server = await record((_req, res) => send(res, 200, RECEIVE_XML));
    const report = await checkServer({ url: server.url() }, { ...RUN, checks: ['signature-accepted', 'signature-enforced'] });
    expect(report.checks.map((c) => [c.id, c.status, c.skipReason])).toEqual([
      ['signature-accepted', 'skipped', 'needs --auth-token or TWILIO_AUTH_TOKEN'],
      ['signature-enforced', 'skipped', 'needs --auth-token or TWILIO_AUTH_TOKEN'],
    ]);
  });

  it('reproduce a forged request with its forged signature, and never show the auth token', async () => {
    const server = await record((req, res) => (req.headers['x-twilio-signature'] ? send(res, 200, RECEIVE_XML) : send(res, 403, 'no\n', 'text/plain')));
    const report = await checkServer({ url: server.url('/fax?x=1') }, { ...RUN, authToken: AUTH_TOKEN, checks: ['signature-enforced'] });
    const finding = report.findings.find((f) => f.code === 'wrong_token_accepted');
    expect(finding?.message).toContain('the server accepted a request signed with another auth token');
    const forged = /'X-Twilio-Signature: ([^']+)'/.exec(finding?.reproduce ?? '')?.[1];
    expect(forged).toBe(finding?.request.headers['X-Twilio-Signature']);
    const params = Object.fromEntries(new URLSearchParams(finding?.request.body ?? ''));
    expect(twilio.validateRequest(AUTH_TOKEN, forged ?? '', server.url('/fax?x=1'), params)).toBe(false);
    expect(JSON.stringify(report)).not.toContain(AUTH_TOKEN);
  });

  it('send tricky values correctly signed by each method the number uses', async () => {
    const server = await record((_req, res) => send(res, 200, RECEIVE_XML));
    await checkServer({ url: server.url('/fax?x=1') }, { ...RUN, authToken: AUTH_TOKEN, method: 'both', checks: ['signature-accepted'] });
    const own = server.requests.filter((r) => r.params.get('From')?.startsWith('"'));
    expect(own.map((r) => r.method)).toEqual(['POST', 'POST', 'GET', 'GET']);
    for (const r of own) {
      const url = server.url(r.path);
      if (r.method === 'POST') {
        expect(twilio.validateRequest(AUTH_TOKEN, String(r.headers['x-twilio-signature']), url, Object.fromEntries(r.params)), `POST ${r.path}`).toBe(true);
      } else {
        // Twilio signed the parameters of a GET with @ and : as they are, though it sent them escaped (twilio-node#621).
        const signedUrl = url.replaceAll('%3A', ':').replaceAll('%40', '@');
        expect(String(r.headers['x-twilio-signature']), `GET ${r.path}`).toBe(twilio.getExpectedTwilioSignature(AUTH_TOKEN, signedUrl, {}));
      }
    }
  });

  it('names a server that validates with another auth token without guessing a cause', async () => {
    const server = await record((req, res, params) => {
      const ok = twilio.validateRequest('some-other-token', String(req.headers['x-twilio-signature'] ?? ''), server.url(req.url), Object.fromEntries(params));
      send(res, ok ? 200 : 403, ok ? RECEIVE_XML : 'forbidden\n', 'text/plain');
    });
    const report = await checkServer({ url: server.url() }, { ...RUN, authToken: AUTH_TOKEN, checks: ['signature-accepted'] });
    expect(report.findings.map((f) => `${f.check}/${f.code}`)).toEqual(['signature-accepted/signed_request_refused']);
    expect(report.findings[0]?.hint).toContain('same auth token');
  });
});
