import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { bufferIo } from '../support/buffer-io.js';
import { serve, type RunningServer } from '../zoo/serve.js';
import { leakedFragments } from './secret-fragments.js';

const TOKEN = 'f3a9c1e07b5d28460b9e3d7c15a8f264';
const USER = 'fax';
const PASSWORD = 'correct-horse-battery-staple';
const BROKER_TOKEN = 'brk-7d1e9a0c44f2b8635e17a9d0';

const running: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(running.map((server) => server.close()));
});

/**
 * A provider that echoes the token and the credentials it got in every reply: headers, a cookie, TwiML attributes
 * the validator quotes cut to 40 characters, and a body with the token across the 2 000th character (where a
 * finding's body is cut). Provider-state calls get a 200 that echoes them too.
 */
async function echoingProvider(): Promise<RunningServer> {
  const server = await serve((req, res) => {
    req.resume().on('end', () => {
      res.setHeader('X-Echo', `${TOKEN} ${req.headers.authorization ?? ''}`);
      res.setHeader('Set-Cookie', `session=${TOKEN}; Path=/`);
      if (req.url?.startsWith('/_pact/state')) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        return res.end(JSON.stringify({ echo: TOKEN }));
      }
      if (req.url?.startsWith('/fax/received')) {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        return res.end(`${'.'.repeat(1_990)}${TOKEN}\nauth ${req.headers.authorization ?? ''}\n`);
      }
      res.writeHead(200, { 'Content-Type': 'text/xml' });
      res.end(`<Response><Receive action="/fax/received" pageSize="${'p'.repeat(30)}${TOKEN}" mediaType="${TOKEN}"/></Response>`);
    });
  });
  running.push(server);
  return server;
}

describe('pact verify against a provider that echoes the token and the credentials', () => {
  it('finds none of their 12-character fragments in stdout, stderr or any report', async () => {
    const server = await echoingProvider();
    const base = server.url('').replace('http://', `http://${USER}:${PASSWORD}@`);
    const { io, stdout, stderr } = bufferIo({ env: { TWILIO_AUTH_TOKEN: TOKEN, PACT_BROKER_TOKEN: BROKER_TOKEN, PACT_DO_NOT_TRACK: 'true' } });
    expect(await runCli(['pact', 'generate', '--provider', 'fax-app'], io)).toBe(0);
    const reports = ['json:r.json', 'junit:r.xml', 'github:g.txt', 'pretty:p.txt'].flatMap((spec) => ['--reporter', spec]);
    const code = await runCli(['pact', 'verify', base, '--state-url', `${base}/_pact/state`, '--reporter', 'pretty', ...reports], io);
    expect(code, stderr()).toBe(1);
    const files = readdirSync(io.cwd).filter((name) => statSync(join(io.cwd, name)).isFile());
    const everything = [stdout(), stderr(), ...files.map((name) => readFileSync(join(io.cwd, name), 'utf8'))].join('\n');
    // The run saw the echoes (else it proves nothing) ...
    expect(everything).toContain('<redacted>');
    const report = JSON.parse(readFileSync(join(io.cwd, 'r.json'), 'utf8')) as { findings: Array<{ response?: { bodyStart: string } }> };
    expect(report.findings.some((f) => f.response?.bodyStart.includes('<redacted>'))).toBe(true);
    // ... and none of them reached any output.
    expect(leakedFragments(everything, [TOKEN, PASSWORD, `${USER}:${PASSWORD}`, BROKER_TOKEN])).toEqual([]);
  });
});
