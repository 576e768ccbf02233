import { createServer, type Server } from 'node:http';
import type { AddressInfo, LookupFunction } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reachableCheck } from '../../src/checks/reachable.js';
import type { CheckContext, CheckOutcome } from '../../src/checks/check-api/types.js';
import { classifyAddress, createSender, networkTransport, type Exchange, type SenderOptions } from '../../src/sender/index.js';
import { FAX_PARAMS } from '../sender/fixtures.js';
import { replyTwiml, startHttpServer, type TestServer } from '../sender/servers.js';

// A "public" server played on loopback: 127.0.0.1 counts as public for the rule, every other loopback address stays
// loopback, and 127.0.0.3 plays a cloud metadata service (link-local). Nothing leaves the machine.
const classify = (address: string) => (address === '127.0.0.1' ? 'public' : address === '127.0.0.3' ? 'link-local' : classifyAddress(address));

/** What the names of this test resolve to; `rebind` makes the public name point inside on its next lookups. */
let publicAddress = '127.0.0.1';
const lookup: LookupFunction = (hostname, _options, callback) => {
  const address = hostname === 'fax.public.test' ? publicAddress : hostname === 'internal.test' ? '127.0.0.2' : undefined;
  if (address === undefined) callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
  else callback(null, [{ address, family: 4 }]);
};

let target: TestServer;
let internal: { port: number; hits: number; close(): Promise<void> };

/** A server on 127.0.0.2 (a loopback address the public target must not lead to) that counts what reaches it. */
async function startInternalServer(): Promise<typeof internal> {
  const state = { hits: 0 };
  const server: Server = createServer((_request, response) => {
    state.hits += 1;
    response.writeHead(200, { 'Content-Type': 'text/xml' });
    response.end('<Response><Receive/></Response><!-- internal secret -->');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    get hits() {
      return state.hits;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

beforeAll(async () => {
  internal = await startInternalServer();
  // /to?url=... redirects there; anything else is the fax webhook.
  target = await startHttpServer((request, response) => {
    const to = new URL(request.target, 'http://x').searchParams.get('url');
    if (to === null) return replyTwiml(request, response);
    response.writeHead(302, { Location: to });
    response.end();
  });
});
afterAll(async () => {
  await Promise.all([target.close(), internal.close()]);
});

async function deliver(urls: readonly string[], options: SenderOptions = {}): Promise<Exchange[]> {
  const sender = createSender({
    timeoutMs: 2_000,
    transport: networkTransport({ lookup, classifyAddress: classify }),
    target: `http://fax.public.test:${target.port}/fax`,
    ...options,
  });
  try {
    const exchanges: Exchange[] = [];
    for (const url of urls) exchanges.push(await sender.send({ method: 'POST', url, params: FAX_PARAMS }));
    return exchanges;
  } finally {
    await sender.close();
  }
}

const publicUrl = (path: string) => `http://fax.public.test:${target.port}${path}`;
const redirectTo = (url: string) => publicUrl(`/to?url=${encodeURIComponent(url)}`);

describe('a public target', () => {
  it('reaches the public server itself', async () => {
    const [exchange] = await deliver([publicUrl('/fax')]);

    expect(exchange?.response?.status).toBe(200);
  });

  it('refuses a redirect to a loopback address (11205) and never reads what is there', async () => {
    const before = internal.hits;

    const [exchange] = await deliver([redirectTo(`http://127.0.0.2:${internal.port}/secret`)]);

    expect(exchange?.failure).toMatchObject({ kind: 'private-address', twilioError: 11205 });
    expect(exchange?.failure?.message).toContain('127.0.0.2 is loopback');
    expect(exchange?.hops.map((hop) => hop.response?.status ?? hop.failure?.kind)).toEqual([302, 'private-address']);
    expect(internal.hits).toBe(before);
    expect(JSON.stringify(exchange)).not.toContain('internal secret');
  });

  it('refuses a redirect to a name that resolves to a loopback address', async () => {
    const before = internal.hits;

    const [exchange] = await deliver([redirectTo(`http://internal.test:${internal.port}/secret`)]);

    expect(exchange?.failure).toMatchObject({ kind: 'private-address' });
    expect(exchange?.failure?.message).toContain('internal.test resolves to 127.0.0.2 (loopback)');
    expect(internal.hits).toBe(before);
  });

  it('refuses a callback to a link-local address such as a metadata service', async () => {
    const [, callback] = await deliver([publicUrl('/fax'), `http://127.0.0.3:${internal.port}/latest/meta-data/`]);

    expect(callback?.failure).toMatchObject({ kind: 'private-address', twilioError: 11205 });
    expect(callback?.failure?.message).toContain('link-local');
  });

  it('checks the address resolved when connecting, so a name that later resolves inside is refused', async () => {
    const sender = createSender({ timeoutMs: 2_000, transport: networkTransport({ lookup, classifyAddress: classify }) });
    try {
      const first = await sender.send({ method: 'POST', url: publicUrl('/fax'), params: FAX_PARAMS });
      publicAddress = '127.0.0.2';
      const rebound = await sender.send({ method: 'POST', url: `http://fax.public.test:${internal.port}/fax`, params: FAX_PARAMS });

      expect(first.response?.status).toBe(200);
      expect(rebound.failure).toMatchObject({ kind: 'private-address' });
    } finally {
      publicAddress = '127.0.0.1';
      await sender.close();
    }
  });

  it('follows the same redirect with allowPrivateAddresses', async () => {
    const before = internal.hits;

    const [exchange] = await deliver([redirectTo(`http://127.0.0.2:${internal.port}/fax`)], { allowPrivateAddresses: true });

    expect(exchange?.response?.status).toBe(200);
    expect(internal.hits).toBe(before + 1);
  });

  it('is reported by reachable with a hint that names the way out', async () => {
    const [exchange] = await deliver([redirectTo(`http://127.0.0.2:${internal.port}/secret`)]);

    const outcome = (await reachableCheck.run({ exchange } as CheckContext)) as CheckOutcome;

    expect(outcome.issues[0]?.diagnostic).toMatchObject({ code: 'private_address', twilioError: 11205 });
    expect(outcome.issues[0]?.diagnostic.hint).toContain('--allow-private-addresses');
  });
});

describe('a loopback target', () => {
  it('keeps working, redirects to other loopback addresses included', async () => {
    const sender = createSender({ timeoutMs: 2_000 });
    try {
      const local = `http://127.0.0.1:${target.port}`;
      const exchange = await sender.send({ method: 'POST', url: `${local}/to?url=${encodeURIComponent(`http://127.0.0.2:${internal.port}/fax`)}`, params: FAX_PARAMS });

      expect(exchange.response?.status).toBe(200);
    } finally {
      await sender.close();
    }
  });

  it('still refuses a link-local address', async () => {
    const sender = createSender({ timeoutMs: 2_000, transport: networkTransport({ classifyAddress: classify }) });
    try {
      await sender.send({ method: 'POST', url: `http://127.0.0.2:${internal.port}/fax`, params: FAX_PARAMS });
      const metadata = await sender.send({ method: 'POST', url: `http://127.0.0.3:${internal.port}/`, params: FAX_PARAMS });

      expect(metadata.failure).toMatchObject({ kind: 'private-address' });
    } finally {
      await sender.close();
    }
  });
});

describe('classifyAddress', () => {
  it.each([
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['0.0.0.0', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['fd12:3456::1', 'private'],
    ['::ffff:10.0.0.1', 'private'],
    ['8.8.8.8', 'public'],
    ['2606:4700:4700::1111', 'public'],
  ])('classifies %s as %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });
});
