import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { bufferIo } from '../support/buffer-io.js';
import { serve, type RunningServer } from '../zoo/serve.js';
import { leakedFragments } from './secret-fragments.js';

const TOKEN = 'f3a9c1e07b5d28460b9e3d7c15a8f264';
const USER = 'fax';
const PASSWORD = 'correct-horse-battery-staple';
const BASIC = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;

/** Every echo of the token a careless server could send: whole, cut, base64 at each offset, percent-encoded. */
const ECHOES = [
  `whole ${TOKEN}`,
  `cut ${TOKEN.slice(0, 31)}`,
  `tail ${TOKEN.slice(1)}`,
  `base64 ${Buffer.from(`token=${TOKEN}`).toString('base64')}`,
  `base64 ${Buffer.from(`t=${TOKEN}`).toString('base64')}`,
  `base64url ${Buffer.from(`x${TOKEN}`).toString('base64url')}`,
  `url ${encodeURIComponent(`{"token":"${TOKEN}"}`)}`,
  `upper ${TOKEN.toUpperCase()}`,
];

const running: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(running.map((server) => server.close()));
});

/**
 * A server behind Basic auth that echoes the token (and the credentials it got) everywhere it can: bodies (one with
 * the token across the 2 000th character, where a finding's body is cut), headers, cookies, a redirect's URL, and an
 * attribute the validator quotes cut to 40 characters.
 */
async function echoingServer(): Promise<RunningServer> {
  let count = 0;
  const server = await serve((req, res) => {
    req.resume();
    if (req.headers.authorization !== BASIC) {
      res.writeHead(401, { 'WWW-Authenticate': `Basic realm="${TOKEN}"`, 'Content-Type': 'text/plain' });
      return res.end(`no credentials; token ${TOKEN}\n`);
    }
    req.on('end', () => {
      count += 1;
      res.setHeader('X-Echo', `${TOKEN} ${req.headers.authorization}`);
      res.setHeader('Set-Cookie', `session=${TOKEN}; Path=/`);
      const kind = req.url?.includes('t=') ? 0 : count % 3;
      if (kind === 1) {
        res.writeHead(302, { Location: `/fax?t=${TOKEN}` });
        return res.end();
      }
      if (kind === 2) {
        res.writeHead(200, { 'Content-Type': 'text/xml' });
        return res.end(`<Response><Receive pageSize="${'p'.repeat(30)}${TOKEN}" mediaType="${TOKEN}"/></Response>`);
      }
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(`${'.'.repeat(1_990)}${TOKEN}\n${ECHOES.join('\n')}\nauth ${req.headers.authorization}\n`);
    });
  });
  running.push(server);
  return server;
}

describe('a server that echoes the token and the credentials', () => {
  it('finds none of their 12-character fragments in stdout, stderr or any report', async () => {
    const server = await echoingServer();
    const url = server.url().replace('http://', `http://${USER}:${PASSWORD}@`);
    const { io, stdout, stderr } = bufferIo({ env: { TWILIO_AUTH_TOKEN: TOKEN } });
    const reports = ['json:r.json', 'junit:r.xml', 'github:g.txt', 'pretty:p.txt'].flatMap((spec) => ['--reporter', spec]);
    const code = await runCli(['check', url, '--runs', '6', '--seed', '1', '--timeout', '3000', '--reporter', 'pretty', ...reports], io);
    expect(code).toBe(1);
    const files = readdirSync(io.cwd).map((name) => readFileSync(join(io.cwd, name), 'utf8'));
    const everything = [stdout(), stderr(), ...files].join('\n');
    // The run saw the echoes (else it proves nothing) ...
    expect(everything).toContain('<redacted>');
    expect(JSON.parse(files[readdirSync(io.cwd).indexOf('r.json')] ?? '{}').findings.length).toBeGreaterThan(2);
    // ... and none of them reached any output.
    expect(leakedFragments(everything, [TOKEN, PASSWORD, `${USER}:${PASSWORD}`])).toEqual([]);
  });
});
