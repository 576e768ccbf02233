import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeReply, sharedVerdictLoad } from '../../src/checks/verdicts/reply-verdict.js';
import { runCli } from '../../src/cli/run-cli.js';
import type { CliIo } from '../../src/model/io.js';
import { TWILIO_PROFILE } from '../../src/protocol/index.js';
import { createSender } from '../../src/sender/index.js';
import { FAX_PARAMS } from '../sender/fixtures.js';
import { startHttpServer, type TestServer } from '../sender/servers.js';

// A reply well past the limit, whose first 64 kB are a broken document: only the size may be reported.
const OVERSIZED = Buffer.from(`<Response><receive/>&${' '.repeat(100_000)}</Response>`);

let server: TestServer;
const sender = createSender({ timeoutMs: 5_000 });

beforeAll(async () => {
  server = await startHttpServer((request, response) => {
    if (request.target === '/oversized') {
      response.writeHead(200, { 'Content-Type': 'text/xml' }).end(OVERSIZED);
    } else if (request.target === '/empty-chunked') {
      // Headers without a length go out chunked; then no chunk of data at all.
      response.writeHead(200, { 'Content-Type': 'text/xml' });
      response.flushHeaders();
      response.end();
    } else {
      response.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Length': '0' }).end();
    }
  });
});
afterAll(async () => {
  await sender.close();
  await server.close();
});

const judge = async (path: string) => judgeReply(await sender.send({ method: 'POST', url: `${server.origin}${path}`, params: FAX_PARAMS }), TWILIO_PROFILE);

/** `twiml-fax-kit validate - --content-type text/xml --reporter json` on `body`: the diagnostics it prints. */
async function validateCommandOn(body: Buffer): Promise<unknown> {
  let stdout = '';
  const io: CliIo = {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: () => true },
    stdin: Object.assign((async function* () { yield body; })(), { isTTY: false }),
    env: {},
    cwd: process.cwd(),
  };
  await runCli(['validate', '-', '--content-type', 'text/xml', '--reporter', 'json'], io);
  return (JSON.parse(stdout) as { files: { diagnostics: unknown }[] }).files[0]?.diagnostics;
}

describe('judgeReply', () => {
  it('judges a reply the sender cut at 64 kB exactly as validate judges the same bytes: 11750, and nothing else', async () => {
    const verdict = await judge('/oversized');
    expect(verdict?.diagnostics).toMatchObject([{ check: 'body-size', code: 'body_too_large', twilioError: 11750 }]);
    expect(verdict?.diagnostics).toEqual(await validateCommandOn(OVERSIZED));
  });

  it('reports an empty chunked reply as 11770 and an empty reply with a length as 11200', async () => {
    expect((await judge('/empty-chunked'))?.diagnostics).toMatchObject([{ code: 'empty_body', twilioError: 11770 }]);
    expect((await judge('/empty'))?.diagnostics).toMatchObject([{ code: 'empty_body', twilioError: 11200 }]);
  });
});

describe('the verdicts shared between identical replies', () => {
  it('hold a bounded number of diagnostics when every reply differs and carries thousands of them', () => {
    const attributes = Array.from({ length: 5_000 }, (_, i) => ` u${i}="v"`).join('');
    for (let n = 0; n < 12; n += 1) {
      const body = new TextEncoder().encode(`<Response><Receive${attributes}/><!--${n}--></Response>`);
      const exchange = { hops: [], durationMs: 1, finalUrl: 'http://127.0.0.1/fax', response: { status: 200, headers: { 'content-type': 'text/xml' }, setCookies: [], body, truncated: false } };
      expect(judgeReply(exchange, TWILIO_PROFILE)?.diagnostics.length).toBeGreaterThan(0);
    }
    expect(sharedVerdictLoad().diagnostics).toBeLessThanOrEqual(20_000);
  });
});
