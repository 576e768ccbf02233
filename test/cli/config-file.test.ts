import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import type { Report } from '../../src/model/report.js';
import { bufferIo } from '../support/buffer-io.js';

// CI flags in twiml-fax-kit.config.json or package.json's "twiml-fax-kit" key; the command line wins per flag.
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/xml' }).end('<Response><Receive/></Response>'));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fax`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

async function check(files: Record<string, string>, argv: readonly string[] = []) {
  const buffered = bufferIo({ env: { PACT_DO_NOT_TRACK: 'true' } });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(buffered.io.cwd, name), text);
  const code = await runCli(['check', url, ...argv], buffered.io);
  return { code, stdout: buffered.stdout(), stderr: buffered.stderr() };
}

const report = (stdout: string) => JSON.parse(stdout) as Report;

describe('the config file of check', { timeout: 30_000 }, () => {
  it('takes the flags of twiml-fax-kit.config.json', async () => {
    const result = await check({ 'twiml-fax-kit.config.json': JSON.stringify({ runs: 1, seed: 42, checks: 'reachable,content-type', reporter: ['json'], 'fail-on': 'error' }) });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const json = report(result.stdout);
    expect([json.seed, json.failOn, json.checks.map((c) => c.id)]).toEqual([42, 'error', ['reachable', 'content-type']]);
  });

  it('takes them from the "twiml-fax-kit" key of package.json too', async () => {
    const result = await check({ 'package.json': JSON.stringify({ name: 'app', 'twiml-fax-kit': { runs: 1, seed: 7, checks: ['reachable'], reporter: 'json' } }) });
    expect(result.code).toBe(0);
    expect(report(result.stdout).seed).toBe(7);
  });

  it('lets the command line win, repeatable flags replaced rather than added to', async () => {
    const config = { 'twiml-fax-kit.config.json': JSON.stringify({ runs: 1, seed: 42, checks: 'reachable', reporter: ['pretty'] }) };
    const result = await check(config, ['--seed', '9', '--reporter', 'json']);
    expect(result.code).toBe(0);
    expect(report(result.stdout).seed).toBe(9);
  });

  it.each([
    [{ 'twiml-fax-kit.config.json': '{\n  "runs": 1\n  "seed": 2\n}\n' }, /^twiml-fax-kit: twiml-fax-kit\.config\.json:3:3: not valid JSON \(.+\)\n$/],
    [{ 'twiml-fax-kit.config.json': '{ "failOn": "error" }' }, /^twiml-fax-kit: twiml-fax-kit\.config\.json: unknown setting 'failOn'; did you mean 'fail-on'\?\n$/],
    [{ 'twiml-fax-kit.config.json': '{ "auth-token": "s3cret" }' }, /^twiml-fax-kit: twiml-fax-kit\.config\.json: the auth token does not belong in a file; set TWILIO_AUTH_TOKEN/],
    [{ 'package.json': '{ "twiml-fax-kit": { "insecure": "yes" } }' }, /^twiml-fax-kit: package\.json "twiml-fax-kit": 'insecure' must be true or false, not "yes"\n$/],
    [{ 'twiml-fax-kit.config.json': '{}', 'package.json': '{ "twiml-fax-kit": {} }' }, /^twiml-fax-kit: both twiml-fax-kit\.config\.json and the "twiml-fax-kit" key of package\.json hold settings; keep one\n$/],
  ])('refuses a bad config in one line, exit 2 (%j)', async (files, expected) => {
    const result = await check(files);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(expected);
    expect(result.stderr).not.toContain('s3cret');
  });
});
