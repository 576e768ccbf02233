import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyFaxPact, writeFaxPact, type FaxPactVerification } from '../../src/pact/index.js';
import { RECEIVE_XML, send, serve, readParams, type RunningServer } from '../zoo/serve.js';

let dir: string;
const running: RunningServer[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fax-pact-fallback-'));
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
  await rm(dir, { recursive: true, force: true });
});

/** A fax app with a fallback handler at /fax/fallback, which crashes on ErrorCode when `crashes`. */
async function faxApp(crashes: boolean): Promise<string> {
  const server = await serve((req, res) => {
    void readParams(req).then((params) => {
      if (crashes && req.url === '/fax/fallback' && params.has('ErrorCode')) return send(res, 500, 'TypeError: errorCode.split is not a function\n', 'text/plain');
      send(res, 200, RECEIVE_XML);
    });
  });
  running.push(server);
  return server.url('');
}

function verified(verification: FaxPactVerification): Exclude<FaxPactVerification, { status: 'could-not-run' }> {
  if (verification.status === 'could-not-run') throw new Error(verification.message);
  return verification;
}

describe('the fallback in the Pact contract (pact generate --fallback-path)', () => {
  it("holds the fallback request: the fax's parameters with ErrorCode and ErrorUrl", async () => {
    const written = await writeFaxPact({ provider: 'fax-app', outDir: dir, fallbackPath: '/fax/fallback' });
    const pact = JSON.parse(await readFile(written.file, 'utf8')) as { interactions: Array<{ description: string; request: { path: string; body?: string } }> };
    const fallback = pact.interactions.find((i) => i.request.path === '/fax/fallback');
    expect(fallback?.description).toBe('an incoming fax by POST to the fallback URL after the fax URL failed');
    const params = new URLSearchParams(fallback?.request.body);
    expect([...params.keys()].sort()).toEqual(['AccountSid', 'ApiVersion', 'ErrorCode', 'ErrorUrl', 'FaxSid', 'From', 'To']);
    expect([params.get('ErrorCode'), params.get('ErrorUrl')]).toEqual(['11205', 'https://fax.example.com/fax']);
  });

  it('verifies a fallback handler that answers, and fails one that crashes on ErrorCode', async () => {
    const written = await writeFaxPact({ provider: 'fax-app', outDir: dir, fallbackPath: '/fax/fallback' });
    const good = verified(await verifyFaxPact({ baseUrl: await faxApp(false), pacts: [written.file] }));
    expect(good.status).toBe('verified');
    const broken = verified(await verifyFaxPact({ baseUrl: await faxApp(true), pacts: [written.file] }));
    expect(broken.status).toBe('mismatches');
    const failed = broken.report.checks.filter((c) => c.status === 'failed').map((c) => c.id);
    expect(failed).toEqual(['pact-an-incoming-fax-by-post-to-the-fallback-url-after-the-fax-url-failed']);
    expect(broken.report.findings.some((f) => f.reproduce.includes('/fax/fallback') && f.reproduce.includes('ErrorCode=11205'))).toBe(true);
  });
});
