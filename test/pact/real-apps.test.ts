import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { bufferIo } from './buffer-io.js';
import { startFaxProvider, type RunningFaxProvider } from './fax-provider.js';

// `pact generate` then `pact verify`, as a new user runs them, with no flag beyond the paths, against real apps on
// loopback. Everything the apps fetch (the received fax's MediaUrl) is served on loopback too.

const AUTH_TOKEN = 'real-apps-auth-token';
let cwd: string;
const closers: Array<() => Promise<void>> = [];

beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'fax-pact-apps-'));
});
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await rm(cwd, { recursive: true, force: true });
});

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { io, stdout, stderr } = bufferIo(cwd, { TWILIO_AUTH_TOKEN: AUTH_TOKEN });
  const code = await runCli(argv, io);
  return { code, stdout: stdout(), stderr: stderr() };
}

async function expressApp(options: Parameters<typeof startFaxProvider>[0]): Promise<RunningFaxProvider> {
  const app = await startFaxProvider(options);
  closers.push(() => app.close());
  return app;
}

/** The smallest fax app there is: every request gets a bare `<Receive/>`; no callback, no signature check. */
async function bareReceiveApp(): Promise<string> {
  const server: Server = http.createServer((req, res) => {
    req.resume().on('end', () => {
      res.writeHead(200, { 'Content-Type': 'text/xml' }).end('<?xml version="1.0" encoding="UTF-8"?>\n<Response>\n  <Receive/>\n</Response>\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('pact generate, then pact verify, with nothing but the paths', () => {
  it('passes an Express app with twilio.webhook() and FaxResponse().receive({ action }) whose callback downloads MediaUrl', async () => {
    const app = await expressApp({ authToken: AUTH_TOKEN });
    expect((await run(['pact', 'generate', '--provider', 'fax-app', '--webhook-path', '/fax', '--callback-path', '/fax/received'])).code).toBe(0);
    const verified = await run(['pact', 'verify', app.baseUrl]);

    expect(verified.code, verified.stdout).toBe(0);
    expect(verified.stdout).toContain('✓ PASSED');
    // The received fax's MediaUrl pointed at the kit's media server on loopback, and the app got the PDF.
    expect(app.downloads).toEqual([{ origin: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), status: 200, start: '%PDF-' }]);
  });

  it('passes an app that answers a bare <Receive/> and has no callback', async () => {
    const baseUrl = await bareReceiveApp();
    expect((await run(['pact', 'generate', '--provider', 'bare-app'])).code).toBe(0);
    const verified = await run(['pact', 'verify', baseUrl]);
    expect(verified.code, verified.stdout).toBe(0);
  });

  it("fails an app that answers a lowercase verb, with Pact's mismatch and the kit's hint", async () => {
    const app = await expressApp({ authToken: AUTH_TOKEN, defect: 'lowercase-verb' });
    expect((await run(['pact', 'generate', '--provider', 'fax-app', '--webhook-path', '/fax', '--callback-path', '/fax/received'])).code).toBe(0);
    const verified = await run(['pact', 'verify', app.baseUrl]);

    if (process.env.SHOW_PACT_OUTPUT) console.log(verified.stdout);
    expect(verified.code).toBe(1);
    expect(verified.stdout).toContain('Expected child <Receive/> but was missing');
    expect(verified.stdout).toContain('Hint: rename <receive> to <Receive>');
    expect(verified.stdout).toContain('Twilio 12200');
  });
});
