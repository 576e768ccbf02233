import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/model/io.js';
import { runCli } from '../../src/cli/run-cli.js';
import { bufferIo, type BufferedIo } from '../support/buffer-io.js';
import { CHECK_IDS } from '../../src/checks/registry.js';
import type { Report } from '../../src/model/report.js';
import { RECEIVE_XML, refusedUrl, send, serve, type RunningServer } from '../zoo/serve.js';


let good: RunningServer;
let plain: RunningServer;
beforeAll(async () => {
  good = await serve((req, res) => req.resume().on('end', () => send(res, 200, RECEIVE_XML)));
  plain = await serve((req, res) => req.resume().on('end', () => send(res, 200, RECEIVE_XML, 'text/plain')));
});
afterAll(async () => {
  await Promise.all([good.close(), plain.close()]);
});

const FAST = ['--runs', '3', '--seed', '42', '--timeout', '3000'];

describe('twiml-fax-kit check', () => {
  it('exits 0 and prints the JSON report of a conforming server', async () => {
    const { io, stdout } = bufferIo();
    // Twilio's own timeout: under a short one, a loaded machine's slow reply is a (true) slow_reply warning.
    expect(await runCli(['check', good.url(), '--runs', '3', '--seed', '42', '--reporter', 'json'], io), stdout()).toBe(0);
    const report = JSON.parse(stdout()) as Report;
    expect(report).toMatchObject({ ok: true, target: good.url(), seed: 42, findings: [] });
    expect(report.summary.requests).toBeGreaterThan(5);
  });

  it('exits 1 when a check finds an error', async () => {
    const { io, stdout } = bufferIo();
    expect(await runCli(['check', plain.url(), ...FAST, '--reporter', 'json'], io)).toBe(1);
    expect((JSON.parse(stdout()) as Report).findings).toMatchObject([{ check: 'content-type', twilioError: 12300 }]);
  });

  it('exits 1 with a reachable finding when nothing listens', async () => {
    const { io, stdout } = bufferIo();
    expect(await runCli(['check', await refusedUrl(), ...FAST, '--reporter', 'json'], io)).toBe(1);
    expect((JSON.parse(stdout()) as Report).findings).toMatchObject([{ check: 'reachable', code: 'connection_refused', twilioError: 11202 }]);
  });

  it('writes a junit file and the pretty report side by side', async () => {
    const { io, stdout } = bufferIo();
    expect(await runCli(['check', plain.url(), ...FAST, '--reporter', 'pretty', '--reporter', 'junit:out/fax.xml', '--no-color'], io)).toBe(1);
    expect(stdout()).toContain('content-type');
    expect(readFileSync(join(io.cwd, 'out/fax.xml'), 'utf8')).toContain('<testsuite');
  });

  it('names the log of the server it started in the report', async () => {
    const url = await refusedUrl();
    const { port } = new URL(url);
    const server = `require('node:http').createServer((q, s) => q.resume().on('end', () => s.writeHead(200, { 'content-type': 'text/xml' }).end('<Response><Receive/></Response>'))).listen(${port}, '127.0.0.1')`;
    const { io, stdout, stderr } = bufferIo();
    const code = await runCli(['check', url, ...FAST, '--checks', 'status-code', '--start', `node -e "${server}"`, '--reporter', 'json'], io);
    expect({ code, stderr: stderr() }).toEqual({ code: 0, stderr: 'server output: .twiml-fax-kit/server.log\n' });
    expect((JSON.parse(stdout()) as Report).serverLog).toBe('.twiml-fax-kit/server.log');
  });

  it('exits 2 with one line before the run when a report file cannot be written', async () => {
    const { io, stdout, stderr } = bufferIo();
    writeFileSync(join(io.cwd, 'reports'), 'a file where a directory should be');
    expect(await runCli(['check', good.url(), ...FAST, '--reporter', 'junit:reports/fax.xml', '--reporter', 'json'], io)).toBe(2);
    expect(stderr()).toBe(`twiml-fax-kit: cannot write --reporter junit:reports/fax.xml: ${join(io.cwd, 'reports')} is not a directory\n`);
    expect(stdout()).toBe('');
  });

  it('signs with TWILIO_AUTH_TOKEN from the environment and never prints it', async () => {
    const token = 'env-token-never-printed';
    const { io, stdout, stderr } = bufferIo({ env: { TWILIO_AUTH_TOKEN: token } });
    await runCli(['check', plain.url(), ...FAST, '--reporter', 'json'], io);
    const report = JSON.parse(stdout()) as Report;
    expect(report.findings[0]?.request.headers['X-Twilio-Signature']).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(stdout() + stderr()).not.toContain(token);
  });

  it.each([
    [['check'], "give the webhook URL to check, e.g. 'twiml-fax-kit check http://localhost:3000/fax'"],
    [['check', 'localhost:3000/fax'], "'localhost:3000/fax' has no scheme; give the full URL, e.g. http://localhost:3000/fax"],
    [['check', 'ftp://files.example.com/fax'], "'ftp://files.example.com/fax' is not an http(s) URL; Twilio only requests http:// and https:// URLs"],
    [['check', 'not a url'], "'not a url' is not a URL; give the full URL, e.g. https://example.com/fax"],
    [['check', 'http://x/fax', '--auth-token', '--runs', '3'], "--auth-token needs a value (one that starts with '-' goes as --auth-token=VALUE)"],
    [['check', 'http://x/fax', '--runs', '-1'], "--runs needs a value (one that starts with '-' goes as --runs=VALUE)"],
    [['check', 'http://x/fax', '--media-url', 'fax media'], "--media-url: 'fax media' is not a URL; give the full URL, e.g. https://media.example.com/faxes"],
    [['check', 'http://x/fax', '--checks', 'status-code', '--skip-checks', 'status-code'], 'no check left to run; loosen --checks / --skip-checks'],
    [['check', 'http://x/fax', '--runs', 'many'], "--runs must be a whole number of at least 0, not 'many'"],
    [['check', 'http://x/fax', '--method', 'PUT'], "--method must be one of POST, GET, both, not 'PUT'"],
    [['check', 'http://x/fax', '--checks', 'status-code,speed'], `unknown check 'speed'; valid checks: ${CHECK_IDS.join(', ')}`],
    [['check', 'http://x/fax', '--reporter', 'pdf'], 'unknown reporter'],
  ])('exits 2 with one line for %j', async (argv, message) => {
    const { io, stderr } = bufferIo();
    expect(await runCli(argv, io)).toBe(2);
    expect(stderr()).toContain(message);
    expect(stderr().trim().split('\n')).toHaveLength(1);
  });

  it('documents every option, the checks and examples in --help', async () => {
    const { io, stdout } = bufferIo();
    expect(await runCli(['check', '--help'], io)).toBe(0);
    for (const flag of ['--method', '--auth-token', '--runs', '--seed', '--concurrency', '--timeout', '--insecure', '--allow-private-addresses', '--expect', '--checks', '--skip-checks', '--custom-checks', '--reporter']) {
      expect(stdout()).toContain(flag);
    }
    for (const id of CHECK_IDS) expect(stdout()).toContain(id);
    expect(stdout().split('Examples:')[1]?.match(/twiml-fax-kit check /g)?.length).toBeGreaterThanOrEqual(3);
  });
});

describe('twiml-fax-kit check --custom-checks', () => {
  /** A module of checks in a fresh directory; it imports the kit as a user's file imports the package. */
  function checksFile(body: string): BufferedIo {
    const buffered = bufferIo();
    writeFileSync(join(buffered.io.cwd, 'checks.mjs'), `import { defineCheck, judged } from '${join(import.meta.dirname, '../../src/harness/index.ts')}';\n${body}`);
    return buffered;
  }

  it('runs the checks the file exports, after the built-in ones and selectable by id', async () => {
    const { io, stdout } = checksFile("export const mine = defineCheck({ id: 'mine', title: 'my rule', run: () => judged() });\nexport const helper = 42;");
    expect(await runCli(['check', good.url(), ...FAST, '--custom-checks', 'checks.mjs', '--checks', 'status-code,mine', '--reporter', 'json'], io)).toBe(0);
    expect((JSON.parse(stdout()) as Report).checks).toMatchObject([{ id: 'status-code', status: 'passed' }, { id: 'mine', title: 'my rule', status: 'passed' }]);
  });

  it.each([
    ['missing.mjs', '', /^twiml-fax-kit: --custom-checks missing\.mjs: no such file .*missing\.mjs \(check the path\)\n$/],
    ['checks.mjs', 'export const helper = 42;', /^twiml-fax-kit: --custom-checks checks\.mjs exports no check; export the checks made with defineCheck from 'twiml-fax-kit\/harness'\n$/],
    ['checks.mjs', "export const clash = defineCheck({ id: 'reachable', title: 't', run: () => judged() });", /^twiml-fax-kit: --custom-checks checks\.mjs: custom check 'reachable' has the id of a built-in check; give it an id of its own\n$/],
    ['checks.mjs', "export const bad = defineCheck({ id: 'Bad', title: 't', run: () => judged() });", /^twiml-fax-kit: --custom-checks checks\.mjs: importing it failed: TypeError: defineCheck: a check's id must be kebab-case .*, not 'Bad'\n$/],
  ])('exits 2 with one line before any request for --custom-checks %s holding %j', async (file, body, message) => {
    const { io, stdout, stderr } = checksFile(body);
    expect(await runCli(['check', good.url(), ...FAST, '--custom-checks', file], io)).toBe(2);
    expect({ stdout: stdout(), stderr: stderr() }).toEqual({ stdout: '', stderr: expect.stringMatching(message) });
  });

  it('exits 2 with one line naming the check, the case and the line when a custom check throws', async () => {
    const { io, stderr } = checksFile("export const buggy = defineCheck({ id: 'buggy', title: 't', run: ({ exchange }) => exchange.response.nope.length });");
    expect(await runCli(['check', good.url(), ...FAST, '--concurrency', '1', '--custom-checks', 'checks.mjs', '--reporter', 'json'], io)).toBe(2);
    expect(stderr()).toMatch(/^twiml-fax-kit: check 'buggy' threw on example-1 \(a fax from a US number\): TypeError: Cannot read properties of undefined \(reading 'length'\) \(at .*checks\.mjs:2:\d+\)\n$/);
  });
});

describe('twiml-fax-kit check, interrupted', () => {
  it('stops starting cases on Ctrl-C, reports what ran, never as a pass, and exits 130', async () => {
    const { io, stdout, stderr } = bufferIo();
    let interrupt: (() => void) | undefined;
    let requests = 0;
    // Ctrl-C lands while the third request is in flight: mid-run by construction, however loaded the machine.
    const server = await serve((req, res) => req.resume().on('end', () => {
      if (++requests === 3) interrupt?.();
      send(res, 200, RECEIVE_XML);
    }));
    const interruptible: CliIo = { ...io, onInterrupt: (handler) => ((interrupt = handler), () => (interrupt = undefined)) };
    const exit = runCli(['check', server.url(), '--runs', '200', '--concurrency', '1', '--reporter', 'json'], interruptible);
    expect(await exit).toBe(130);
    expect(stderr()).toContain('interrupted');
    const report = JSON.parse(stdout()) as Report;
    expect(report.summary.requests).toBeGreaterThanOrEqual(2);
    expect(report.summary.requests).toBeLessThan(200);
    expect(report).toMatchObject({ ok: false, interrupted: true, findings: [] });
    expect(interrupt).toBeUndefined();
    await server.close();
  });
});
