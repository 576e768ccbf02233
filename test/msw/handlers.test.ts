import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import twilio from 'twilio';
import { buildFaxResource, faxMediaUrl, twilioFaxHandlers, type FakeFax } from '../../src/msw/index.js';

const ACCOUNT_SID = 'AC' + 'a'.repeat(32);
const AUTH_TOKEN = 'test-auth-token';
const PDF_FAX: FakeFax = { sid: 'FX' + '1'.repeat(32), account_sid: ACCOUNT_SID, num_pages: 2, from: '+15005550006' };
const TIFF_FAX: FakeFax = { sid: 'FX' + '2'.repeat(32), account_sid: ACCOUNT_SID, content_type: 'image/tiff' };
const basicAuth = `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`;

const server = setupServer(
  ...twilioFaxHandlers({
    faxes: [PDF_FAX, TIFF_FAX],
    credentials: { username: ACCOUNT_SID, password: AUTH_TOKEN },
    mediaRequiresAuth: true,
  }),
);
// 'error': any request the handlers do not answer fails the test, so nothing can reach the network.
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/**
 * What a user's app looks like: the `<Receive action>` callback handler downloads the fax from `MediaUrl`
 * with the account's credentials and keeps it.
 */
function createActionHandler(store: Map<string, { type: string; bytes: Uint8Array }>) {
  return async (request: Request): Promise<Response> => {
    const form = new URLSearchParams(await request.text());
    const mediaUrl = form.get('MediaUrl');
    if (form.get('FaxStatus') !== 'received' || !mediaUrl) return new Response(null, { status: 204 });
    const media = await fetch(mediaUrl, { headers: { Authorization: basicAuth } });
    if (!media.ok) return new Response(`download failed: ${media.status}`, { status: 502 });
    store.set(form.get('FaxSid') ?? '', { type: media.headers.get('content-type') ?? '', bytes: new Uint8Array(await media.arrayBuffer()) });
    return new Response('<Response/>', { headers: { 'Content-Type': 'text/xml' } });
  };
}

function actionCallback(fax: FakeFax): Request {
  const resource = buildFaxResource(fax);
  const body = new URLSearchParams({
    FaxSid: resource.sid,
    AccountSid: resource.account_sid,
    From: resource.from ?? '',
    To: resource.to ?? '',
    ApiVersion: 'v1',
    FaxStatus: 'received',
    NumPages: String(resource.num_pages),
    MediaUrl: faxMediaUrl(resource),
  });
  return new Request('http://app.test/fax/received', { method: 'POST', body });
}

const magic = (bytes: Uint8Array, length: number) => Buffer.from(bytes.slice(0, length)).toString('latin1');

describe('twilioFaxHandlers', () => {
  it('lets an action handler download a received PDF fax offline', async () => {
    const store = new Map<string, { type: string; bytes: Uint8Array }>();
    const reply = await createActionHandler(store)(actionCallback(PDF_FAX));
    expect(reply.status).toBe(200);
    const saved = store.get(PDF_FAX.sid!);
    expect(saved?.type).toBe('application/pdf');
    expect(magic(saved!.bytes, 5)).toBe('%PDF-');
    expect(Buffer.from(saved!.bytes).toString('latin1')).toContain('/Count 2');
  });

  it('serves a TIFF when the fax was stored as image/tiff', async () => {
    const store = new Map<string, { type: string; bytes: Uint8Array }>();
    await createActionHandler(store)(actionCallback(TIFF_FAX));
    const saved = store.get(TIFF_FAX.sid!);
    expect(saved?.type).toBe('image/tiff');
    expect(magic(saved!.bytes, 4)).toBe('II*\0');
  });

  it('chooses the format by extension first, then by Accept', async () => {
    const url = faxMediaUrl(buildFaxResource(PDF_FAX));
    const byExtension = await fetch(`${url}.tiff`, { headers: { Authorization: basicAuth } });
    expect(byExtension.headers.get('content-type')).toBe('image/tiff');
    const byAccept = await fetch(url, { headers: { Authorization: basicAuth, Accept: 'image/tiff' } });
    expect(magic(new Uint8Array(await byAccept.arrayBuffer()), 4)).toBe('II*\0');
  });

  it('answers 401 with Twilio error 20003 when the download has no credentials', async () => {
    const response = await fetch(faxMediaUrl(buildFaxResource(PDF_FAX)));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Basic realm="Twilio API"');
    expect(await response.json()).toMatchInlineSnapshot(`
      {
        "code": 20003,
        "message": "Authenticate",
        "more_info": "https://www.twilio.com/docs/errors/20003",
        "status": 401,
      }
    `);
  });

  it('answers 404 with Twilio error 20404 for a fax the account does not have', async () => {
    const response = await fetch(`https://fax.twilio.com/v1/Faxes/FX${'9'.repeat(32)}`, { headers: { Authorization: basicAuth } });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 20404, status: 404, message: `The requested resource /v1/Faxes/FX${'9'.repeat(32)} was not found` });
  });

  it('serves the fax resource to twilio-node with Basic auth, in the shape of its FaxInstance', async () => {
    const client = twilio(ACCOUNT_SID, AUTH_TOKEN);
    // twilio-node 6 dropped the fax domain; client.request is the same authenticated axios path faxes(sid).fetch() used.
    const response = await client.request({ method: 'get', uri: `https://fax.twilio.com/v1/Faxes/${PDF_FAX.sid}` });
    expect(response.statusCode).toBe(200);
    const fax = typeof response.body === 'string' ? JSON.parse(response.body) : response.body;
    expect(Object.keys(fax).sort()).toEqual([
      'account_sid', 'api_version', 'date_created', 'date_updated', 'direction', 'duration', 'from', 'links',
      'media_sid', 'media_url', 'num_pages', 'price', 'price_unit', 'quality', 'sid', 'status', 'to', 'url',
    ]);
    expect(fax).toMatchObject({
      sid: PDF_FAX.sid,
      account_sid: ACCOUNT_SID,
      from: '+15005550006',
      direction: 'inbound',
      status: 'received',
      api_version: 'v1',
      num_pages: 2,
      url: `https://fax.twilio.com/v1/Faxes/${PDF_FAX.sid}`,
      links: { media: `https://fax.twilio.com/v1/Faxes/${PDF_FAX.sid}/Media` },
    });
    expect(fax.media_sid).toMatch(/^ME[0-9a-f]{32}$/);
  });

  it('refuses twilio-node with a wrong token', async () => {
    const client = twilio(ACCOUNT_SID, 'wrong-token');
    const response = await client.request({ method: 'get', uri: `https://fax.twilio.com/v1/Faxes/${PDF_FAX.sid}` });
    expect(response.statusCode).toBe(401);
  });

  it('serves the pre-signed media_url of a fetched fax without credentials', async () => {
    const fax = await (await fetch(`https://fax.twilio.com/v1/Faxes/${TIFF_FAX.sid}`, { headers: { Authorization: basicAuth } })).json();
    expect(fax.media_url).toMatch(/^https:\/\/media\.twiliocdn\.com\/fax\//);
    const media = await fetch(fax.media_url);
    expect(media.headers.get('content-type')).toBe('image/tiff');
    expect(magic(new Uint8Array(await media.arrayBuffer()), 4)).toBe('II*\0');
  });

  it('answers the v1 media URL with the FaxMedia resource to JSON clients and with bytes to others', async () => {
    const { sid, media_sid } = buildFaxResource(PDF_FAX);
    const url = `https://fax.twilio.com/v1/Faxes/${sid}/Media/${media_sid}`;
    const json = await (await fetch(url, { headers: { Authorization: basicAuth, Accept: 'application/json' } })).json();
    expect(json).toMatchObject({ sid: media_sid, fax_sid: sid, account_sid: ACCOUNT_SID, content_type: 'application/pdf', url });
    const bytes = await fetch(url, { headers: { Authorization: basicAuth } });
    expect(magic(new Uint8Array(await bytes.arrayBuffer()), 5)).toBe('%PDF-');
  });

  it('answers 404 for a media sid that is not the fax\'s', async () => {
    const url = `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT_SID}/Faxes/${PDF_FAX.sid}/Media/ME${'0'.repeat(32)}`;
    expect((await fetch(url, { headers: { Authorization: basicAuth } })).status).toBe(404);
  });

  it("answers 404 for the media of a listed fax under another account", async () => {
    const { sid, media_sid } = buildFaxResource(PDF_FAX);
    const url = `https://api.twilio.com/2010-04-01/Accounts/AC${'f'.repeat(32)}/Faxes/${sid}/Media/${media_sid}`;
    expect((await fetch(url, { headers: { Authorization: basicAuth } })).status).toBe(404);
  });

  it('serves a MediaUrl copied from a real callback as it is, whatever its sids, when given no faxes', async () => {
    server.use(...twilioFaxHandlers());
    const [account, fax, media] = [`AC${'7e'.repeat(16)}`, `FX${'5a'.repeat(16)}`, `ME${'c3'.repeat(16)}`];
    for (const url of [`https://api.twilio.com/2010-04-01/Accounts/${account}/Faxes/${fax}/Media/${media}`, `https://fax.twilio.com/v1/Faxes/${fax}/Media/${media}`]) {
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(magic(new Uint8Array(await response.arrayBuffer()), 5)).toBe('%PDF-');
    }
    const anyAuth = `Basic ${Buffer.from(`${account}:token`).toString('base64')}`;
    expect(await (await fetch(`https://fax.twilio.com/v1/Faxes/${fax}`, { headers: { Authorization: anyAuth } })).json()).toMatchObject({ sid: fax, account_sid: account, media_sid: media });
    expect((await fetch(`https://fax.twilio.com/v1/Faxes/${fax}/Media/ME123`)).status).toBe(404);
    expect((await fetch(`https://api.twilio.com/2010-04-01/Accounts/not-an-account/Faxes/${fax}/Media/${media}`)).status).toBe(404);
  });

  it('knows every well-formed fax sid and accepts any credentials when given no faxes', async () => {
    server.use(...twilioFaxHandlers());
    const sid = `FX${'ab'.repeat(16)}`;
    const anyAuth = `Basic ${Buffer.from('ACsomeone:token').toString('base64')}`;
    const fax = await (await fetch(`https://fax.twilio.com/v1/Faxes/${sid}`, { headers: { Authorization: anyAuth } })).json();
    expect(fax).toMatchObject({ sid, status: 'received', num_pages: 1 });
    const media = await fetch(faxMediaUrl(fax));
    expect(media.status).toBe(200);
    expect((await fetch('https://fax.twilio.com/v1/Faxes/not-a-sid', { headers: { Authorization: anyAuth } })).status).toBe(404);
    expect((await fetch(`https://fax.twilio.com/v1/Faxes/${sid}`)).status).toBe(401);
  });
});
