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
  }),
);
// 'error': any request the handlers do not answer fails the test, so nothing can reach the network.
// msw 2 reads onUnhandledRequest, msw 3 onUnhandledFrame (a variable: each one's types know only its own name).
const strict = { onUnhandledRequest: 'error', onUnhandledFrame: 'error' } as const;
beforeAll(() => server.listen(strict));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/**
 * What a user's app looks like: the `<Receive action>` callback handler downloads the fax from `MediaUrl` as given
 * (a pre-signed URL: no credentials) and keeps it.
 */
function createActionHandler(store: Map<string, { type: string; bytes: Uint8Array }>) {
  return async (request: Request): Promise<Response> => {
    const form = new URLSearchParams(await request.text());
    const mediaUrl = form.get('MediaUrl');
    if (form.get('FaxStatus') !== 'received' || !mediaUrl) return new Response(null, { status: 204 });
    const media = await fetch(mediaUrl);
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
    MediaUrl: faxMediaUrl({ ...resource, ...(fax.content_type && { content_type: fax.content_type }) }),
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

  it('gives MediaUrl the shape Twilio sent: a pre-signed media CDN URL with no file extension', () => {
    const url = new URL(faxMediaUrl(buildFaxResource(PDF_FAX)));
    expect(url.origin).toBe('https://media.twiliocdn.com');
    expect(url.pathname).toMatch(/^\/fax\/AC[0-9a-f]{32}\/[0-9a-f]{128}$/);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('7200');
    expect(buildFaxResource(PDF_FAX).media_url).toBe(url.href);
  });

  it('refuses a download that adds credentials to the pre-signed URL, as S3 does (400 InvalidArgument)', async () => {
    const response = await fetch(faxMediaUrl(buildFaxResource(PDF_FAX)), { headers: { Authorization: basicAuth } });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('<Code>InvalidArgument</Code>');
  });

  it('refuses a MediaUrl that was decoded before the download (403 SignatureDoesNotMatch)', async () => {
    const response = await fetch(decodeURIComponent(faxMediaUrl(buildFaxResource(PDF_FAX))));
    expect(response.status).toBe(403);
  });

  it('answers the FaxMedia resource 401 with Twilio error 20003 without credentials', async () => {
    const { sid, media_sid } = buildFaxResource(PDF_FAX);
    const response = await fetch(`https://fax.twilio.com/v1/Faxes/${sid}/Media/${media_sid}`);
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

  it('answers the FaxMedia resource with JSON whatever the Accept header, as Twilio documented it', async () => {
    const { sid, media_sid } = buildFaxResource(PDF_FAX);
    const url = `https://fax.twilio.com/v1/Faxes/${sid}/Media/${media_sid}`;
    for (const accept of ['application/json', '*/*']) {
      const response = await fetch(url, { headers: { Authorization: basicAuth, Accept: accept } });
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(await response.json()).toMatchObject({ sid: media_sid, fax_sid: sid, account_sid: ACCOUNT_SID, content_type: 'application/pdf', url });
    }
  });

  it("answers 404 for a media sid that is not the fax's", async () => {
    const url = `https://fax.twilio.com/v1/Faxes/${PDF_FAX.sid}/Media/ME${'0'.repeat(32)}`;
    expect((await fetch(url, { headers: { Authorization: basicAuth } })).status).toBe(404);
  });

  it('answers NoSuchKey for a media URL of no listed fax', async () => {
    const response = await fetch(faxMediaUrl({ sid: `FX${'9'.repeat(32)}`, account_sid: ACCOUNT_SID }));
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('<Code>NoSuchKey</Code>');
  });

  it('serves a MediaUrl copied from a real callback as it is, whatever its key, when given no faxes', async () => {
    server.use(...twilioFaxHandlers());
    // The shape of a captured Twilio fax media URL (its key and signature are not the kit's).
    const captured = `https://media.twiliocdn.com/fax/AC${'a4'.repeat(16)}/${'e6'.repeat(64)}?X-Amz-Security-Token=IQoJb3JpZ2luX2Vj%2B%2F%3D&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20201113T184804Z&X-Amz-SignedHeaders=host&X-Amz-Expires=7200&X-Amz-Credential=ASIA%2F20201113%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=${'08'.repeat(32)}`;
    const response = await fetch(captured);
    expect(response.status).toBe(200);
    expect(magic(new Uint8Array(await response.arrayBuffer()), 5)).toBe('%PDF-');
    const tiff = await fetch(captured, { headers: { Accept: 'image/tiff' } });
    expect(magic(new Uint8Array(await tiff.arrayBuffer()), 4)).toBe('II*\0');
    const [fax, media] = [`FX${'5a'.repeat(16)}`, `ME${'c3'.repeat(16)}`];
    const anyAuth = `Basic ${Buffer.from(`AC${'7e'.repeat(16)}:token`).toString('base64')}`;
    expect(await (await fetch(`https://fax.twilio.com/v1/Faxes/${fax}/Media/${media}`, { headers: { Authorization: anyAuth } })).json()).toMatchObject({ sid: media, fax_sid: fax });
    expect((await fetch(`https://fax.twilio.com/v1/Faxes/${fax}/Media/ME123`, { headers: { Authorization: anyAuth } })).status).toBe(404);
    expect((await fetch('https://media.twiliocdn.com/fax/not-an-account/abc')).status).toBe(404);
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
