import fc from 'fast-check';
import type { IncomingHttpHeaders, RequestListener } from 'node:http';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { accountSid, actionCallbackParams, faxSid, faxTwimlReply, faxWebhookParams, replyMutationsFor } from '../properties/index.js';
import { exchangeOutcome } from '../src/checks/verdicts/exchange-outcome.js';
import { checkServer } from '../src/harness/check-server.js';
import { startMediaServer } from '../src/media/media-server.js';
import { idPattern, RECEIVE_VERB, TWILIO_PROFILE, type FaxProfile } from '../src/protocol/index.js';
import { createSender } from '../src/sender/index.js';
import { signRequest, verifyRequest, verifyTwilioSignature } from '../src/signature/index.js';
import { validateFaxTwiml } from '../src/twiml/index.js';
import { readText, send, serve, type RunningServer } from './zoo/serve.js';

// A second fax service is a value, not code: SignalWire's compatible <Receive> has no storeMedia
// (developer.signalwire.com/compatibility-api/xml/fax). Built here from data alone, it must drive the validator and
// the generators without any change to either.
const signalWireLike: FaxProfile = {
  ...TWILIO_PROFILE,
  id: 'signalwire-like',
  name: 'SignalWire-like fax',
  twiml: {
    ...TWILIO_PROFILE.twiml,
    verbs: TWILIO_PROFILE.twiml.verbs.map((verb) =>
      verb.name === RECEIVE_VERB.name ? { ...verb, attributes: verb.attributes.filter((a) => a.name !== 'storeMedia') } : verb,
    ),
  },
};

describe('a fax profile is data', () => {
  it('flags an attribute the profile does not have, while Twilio accepts it', () => {
    const reply = '<Response><Receive storeMedia="false"/></Response>';
    expect(validateFaxTwiml(reply).diagnostics).toEqual([]);
    const checks = validateFaxTwiml(reply, { profile: signalWireLike }).diagnostics.map((d) => d.check);
    expect(checks).toEqual(['known-attributes']);
  });

  it('generates replies from the profile that the validator accepts under that profile', () => {
    fc.assert(
      fc.property(faxTwimlReply({ schema: signalWireLike.twiml }), (reply) => {
        expect(reply.xml).not.toContain('storeMedia');
        expect(validateFaxTwiml(reply.xml, { profile: signalWireLike, contentType: 'text/xml' }).diagnostics).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('breaks replies for the profile in ways its validator catches', () => {
    const mutations = replyMutationsFor(signalWireLike.twiml);
    fc.assert(
      fc.property(mutations['attribute-values'], (mutation) => {
        const result = validateFaxTwiml(mutation.xml, { profile: signalWireLike, contentType: mutation.contentType });
        expect(result.diagnostics.some((d) => d.check === 'attribute-values')).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});

// A made-up service that differs from Twilio wherever a profile can: another signature header (Twilio's kept as an
// alias) and hash, other fixed headers and idempotency header, UUID ids under other parameter names, another
// ApiVersion, a media URL of another shape with no query, other redirect rules and limits, other error codes, and a
// reject verb of another name. What issue 13 lists for SignalWire is a subset of this; none of it needs code.
const ACME: FaxProfile = {
  id: 'acme',
  name: 'Acme Fax (a test profile)',
  service: 'Acme',
  twiml: {
    ...TWILIO_PROFILE.twiml,
    verbs: [
      { ...RECEIVE_VERB, attributes: RECEIVE_VERB.attributes.filter((a) => a.name !== 'storeMedia') },
      { name: 'Decline', effect: 'reject', description: 'refuse the fax', attributes: [] },
    ],
  },
  sender: {
    ...TWILIO_PROFILE.sender,
    totalTimeoutMs: 4_000,
    followedRedirects: [301, 302, 303, 307, 308],
    maxRedirects: 2,
    headers: { 'User-Agent': 'AcmeFax/2.0', Accept: 'application/xml' },
    idempotencyHeader: 'X-Acme-Delivery-Id',
  },
  signature: { header: 'X-Acme-Signature', aliases: ['X-Twilio-Signature'], hmac: 'sha256', validators: "Acme's validateRequest", keyName: 'signing key', keyVariables: ['ACME_SIGNING_KEY'] },
  parameters: {
    names: { ...TWILIO_PROFILE.parameters.names, faxSid: 'FaxId', accountSid: 'ProjectId' },
    faxSid: { kind: 'uuid' },
    accountSid: { kind: 'uuid' },
    apiVersion: '2024-01-01',
  },
  errors: { failures: { ...TWILIO_PROFILE.errors.failures, 'too-many-redirects': 11216 }, errorStatus: 11205 },
  fallback: { ...TWILIO_PROFILE.fallback, errorCodeParam: 'FailureCode', errorUrlParam: 'FailedUrl' },
  media: { origin: 'https://files.acme.example', path: '/v1/Projects/{AccountSid}/Faxes/{FaxSid}/Media/{key}', query: 'none' },
  statusCallback: TWILIO_PROFILE.statusCallback,
};

const SECRET = 'acme-signing-key-0123456789';
const UUID = idPattern({ kind: 'uuid' });
const MEDIA_PATH = /^\/v1\/Projects\/[0-9a-f-]{36}\/Faxes\/[0-9a-f-]{36}\/Media\/[0-9a-f]{128}$/;

interface Seen {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly params: URLSearchParams;
}

/**
 * An app written for Acme: it validates X-Acme-Signature (HMAC-SHA256), wants UUID ids under Acme's names, and on the
 * callback of a received fax downloads MediaUrl, which must have Acme's shape. It answers anything else 403 or 400.
 */
function acmeApp(seen: Seen[]): RequestListener {
  return (req, res) =>
    void (async () => {
      const params = new URLSearchParams(await readText(req));
      seen.push({ path: req.url ?? '', headers: req.headers, params });
      const signature = req.headers['x-acme-signature'];
      const url = `http://${req.headers.host}${req.url}`;
      if (typeof signature !== 'string' || !verifyRequest(ACME.signature, { authToken: SECRET, url, params: [...params], signature })) {
        return send(res, 403, 'invalid X-Acme-Signature\n', 'text/plain');
      }
      if (!UUID.test(params.get('FaxId') ?? '') || !UUID.test(params.get('ProjectId') ?? '') || params.get('ApiVersion') !== '2024-01-01') {
        return send(res, 400, 'not an Acme fax\n', 'text/plain');
      }
      if (req.url === '/fax') return send(res, 200, '<Response><Receive action="/fax/done"/></Response>');
      if (req.url !== '/fax/done') return send(res, 404, 'no such route\n', 'text/plain');
      if (params.get('FaxStatus') === 'received') {
        const media = new URL(params.get('MediaUrl') ?? 'missing:');
        if (!MEDIA_PATH.test(media.pathname) || media.search !== '') return send(res, 400, 'not an Acme media URL\n', 'text/plain');
        const download = await fetch(media);
        if (download.headers.get('content-type') !== 'application/pdf') return send(res, 500, 'no fax at MediaUrl\n', 'text/plain');
      }
      return send(res, 200, '', 'text/plain');
    })();
}

const running: { close(): Promise<void> }[] = [];
afterAll(() => Promise.all(running.map((server) => server.close())));

async function started(listener: RequestListener): Promise<RunningServer> {
  const server = await serve(listener);
  running.push(server);
  return server;
}

describe('a second profile that varies what the sender does', () => {
  it('makes the sender sign, name and identify its requests as the profile says', async () => {
    const seen: Seen[] = [];
    const server = await started(acmeApp(seen));
    const sender = createSender({ profile: ACME, authToken: SECRET });
    running.push(sender);
    const params = [['FaxId', '00000000-0000-4000-8000-000000000000'], ['ProjectId', 'b3877c40-da60-4998-90ad-b792e98472ac'], ['From', '+15005550006'], ['To', '+15005550001'], ['ApiVersion', '2024-01-01']] as const;
    const exchange = await sender.send({ method: 'POST', url: server.url(), params });
    expect(exchangeOutcome(exchange, ACME)).toMatchObject({ ok: true, status: 200 });
    const { headers } = seen[0]!;
    expect(headers['user-agent']).toBe('AcmeFax/2.0');
    expect(headers.accept).toBe('application/xml');
    expect(headers['x-acme-delivery-id']).toMatch(UUID);
    expect(headers['i-twilio-idempotency-token']).toBeUndefined();
    // The alias carries the same signature, which no Twilio validator accepts: it is HMAC-SHA256, not SHA-1.
    expect(headers['x-twilio-signature']).toBe(headers['x-acme-signature']);
    const signed = { authToken: SECRET, url: server.url(), params: [...params], signature: String(headers['x-acme-signature']) };
    expect(signed.signature).toBe(signRequest(ACME.signature, signed));
    expect(verifyTwilioSignature(signed)).toBe(false);
  });

  it("makes the sender follow the profile's redirects, limits and error codes", async () => {
    const server = await started((req, res) => {
      const hop = Number(/\/loop\/(\d+)/.exec(req.url ?? '')?.[1] ?? 0);
      res.writeHead(308, { Location: `/loop/${hop + 1}` }).end();
    });
    const sender = createSender({ profile: ACME });
    running.push(sender);
    const exchange = await sender.send({ method: 'POST', url: server.url('/loop/0'), params: [] });
    // 308 is followed (Twilio refuses it as 11216), and ACME stops after 2 redirects (Twilio after 10).
    expect(exchange.hops.map((hop) => hop.request.url.replace(/^http:\/\/[^/]+/, ''))).toEqual(['/loop/0', '/loop/1', '/loop/2']);
    expect(exchange.failure).toMatchObject({ kind: 'too-many-redirects', twilioError: 11216 });
    const twilioSender = createSender();
    running.push(twilioSender);
    const twilio = await twilioSender.send({ method: 'POST', url: server.url('/loop/0'), params: [] });
    expect(twilio.failure).toMatchObject({ kind: 'invalid-redirect', twilioError: 11216 });
  });

  it("reads a reply in the profile's TwiML: its own reject verb, no storeMedia", () => {
    expect(validateFaxTwiml('<Response><Decline/></Response>', { profile: ACME })).toMatchObject({ diagnostics: [], verb: 'Decline' });
    expect(validateFaxTwiml('<Response><Decline/></Response>').diagnostics.map((d) => d.check)).toEqual(['fax-action', 'known-verbs']);
    expect(validateFaxTwiml('<Response><Reject/></Response>', { profile: ACME }).diagnostics.map((d) => d.check)).toContain('known-verbs');
    expect(validateFaxTwiml('<Response><Receive storeMedia="true"/></Response>', { profile: ACME }).diagnostics.map((d) => d.check)).toEqual(['known-attributes']);
  });

  it("draws ids, ApiVersion and MediaUrls in the profile's shapes", () => {
    fc.assert(
      fc.property(faxSid({ profile: ACME }), accountSid({ profile: ACME }), faxWebhookParams({ profile: ACME }), actionCallbackParams({ outcome: 'received', profile: ACME }), (fax, account, webhook, callback) => {
        for (const id of [fax, account, webhook.FaxSid, webhook.AccountSid]) expect(id).toMatch(UUID);
        expect(webhook.ApiVersion).toBe('2024-01-01');
        const media = new URL(callback.MediaUrl);
        expect([media.origin, media.search]).toEqual(['https://files.acme.example', '']);
        expect(media.pathname).toMatch(MEDIA_PATH);
      }),
      { numRuns: 50 },
    );
  });

  it('serves media at URLs of the profile\'s shape from the kit\'s media server', async () => {
    const media = await startMediaServer(ACME);
    running.push(media);
    const url = new URL(media.baseUrl);
    const path = `/v1/Projects/b3877c40-da60-4998-90ad-b792e98472ac/Faxes/00000000-0000-4000-8000-000000000000/Media/${'0'.repeat(128)}`;
    // A key the kit did not make is unknown; a Twilio-shaped URL is not even a media path under this profile.
    expect((await fetch(new URL(path, url))).status).toBe(404);
    expect((await fetch(new URL(`/fax/AC${'0'.repeat(32)}/${'0'.repeat(128)}`, url))).status).toBe(404);
  });

  const CHECKS = ['status-code', 'signature-accepted', 'signature-enforced', 'action-callback', 'fallback-reply', 'idempotency', 'unknown-params', 'sip-addresses', 'expect-verb'];

  it("passes every check with an app written for the profile, each check judging in the profile's terms", async () => {
    const seen: Seen[] = [];
    const server = await started(acmeApp(seen));
    // The app's URL is its own fallback: the fallback's checks run, and its requests name the error as the profile does.
    const report = await checkServer({ url: server.url() }, { profile: ACME, authToken: SECRET, runs: 3, seed: 7, checks: CHECKS, expect: 'receive', fallbackUrl: server.url() });
    expect(report.findings).toEqual([]);
    expect(seen.some((s) => s.params.has('FailureCode') && s.params.has('FailedUrl') && !s.params.has('ErrorCode'))).toBe(true);
    expect(report.checks.filter((c) => c.status !== 'passed').map((c) => `${c.id}: ${c.skipReason}`)).toEqual([]);
    expect(report.ok).toBe(true);
    // The checks' own requests (fresh faxes, forgeries, callbacks) follow the profile too.
    const downloads = seen.filter((s) => s.path === '/fax/done' && s.params.get('FaxStatus') === 'received');
    expect(downloads.length).toBeGreaterThan(0);
    expect(seen.every((s) => !s.params.has('FaxSid') && UUID.test(s.params.get('FaxId') ?? ''))).toBe(true);
  });

  it("reports the app's refusals with the profile's codes, and the same app fails under Twilio", async () => {
    const server = await started(acmeApp([]));
    const refused = await checkServer({ url: server.url() }, { profile: ACME, runs: 0, seed: 7, checks: ['status-code', 'signature-enforced'] });
    // No secret: unsigned requests, refused 403, which this profile logs as 11205 (Twilio: 11200).
    expect(refused.findings.map((f) => [f.check, f.code, f.twilioError])).toEqual([['status-code', 'error_status', 11205]]);
    expect(refused.findings[0]?.hint).toContain('X-Acme-Signature');
    const twilio = await checkServer({ url: server.url() }, { authToken: SECRET, runs: 0, seed: 7, checks: ['status-code'] });
    expect(twilio.ok).toBe(false);
    expect(twilio.findings.map((f) => [f.check, f.code, f.twilioError])).toEqual([['status-code', 'error_status', 11200]]);
  });

  it('expects the verb that has the effect --expect names, whatever the profile calls it', async () => {
    const server = await started((_req, res) => send(res, 200, '<Response><Decline/></Response>'));
    const declined = await checkServer({ url: server.url() }, { profile: ACME, runs: 0, seed: 1, checks: ['expect-verb'], expect: 'reject' });
    expect(declined.checks.map((c) => [c.id, c.status])).toEqual([['expect-verb', 'passed']]);
    const received = await checkServer({ url: server.url() }, { profile: ACME, runs: 0, seed: 1, checks: ['expect-verb'], expect: 'receive' });
    expect(received.findings.map((f) => f.message)).toEqual(['the server answered <Decline> where <Receive> was expected']);
  });
});

describe('the code that plays a profile', () => {
  it('never asks which profile it plays: no branch on a profile id anywhere in src/ or properties/', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
      });
    const root = new URL('..', import.meta.url).pathname;
    const branches = [...files(join(root, 'src')), ...files(join(root, 'properties'))].filter((file) =>
      /profile\??\.id\b|\.id\s*[!=]==?\s*['"](twilio|signalwire)['"]|['"](twilio|signalwire)['"]\s*[!=]==?/.test(readFileSync(file, 'utf8')),
    );
    expect(branches).toEqual([]);
  });
});
