import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../package/ports.js';
import { isRunning } from '../support/is-running.js';
import { until } from '../support/until.js';
import type { Report } from '../../src/model/report.js';

// The real bin, cancelled as a terminal (Ctrl-C: SIGINT) or a CI runner (SIGTERM) cancels it, in the middle of a run
// against a server it started: the server and the worker it spawned must be gone afterwards.
const bin = resolve('src/bin.ts');
const tsx = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href;

// Holds every fax request unanswered, so the run is certainly still going when the signal comes, however loaded the
// machine; answers the GET that waits for it to listen. Records its pid, its worker's and each fax.
const SERVER = `
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const worker = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
fs.writeFileSync('pids', process.pid + ' ' + worker.pid);
require('node:http').createServer((req, res) => {
  req.resume();
  if (req.method !== 'POST') return res.end('ok');
  fs.appendFileSync('requests', '.');
}).listen(Number(process.env.PORT), '127.0.0.1');
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kit-signals-'));
  writeFileSync(join(dir, 'server.cjs'), SERVER);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the kit cancelled mid-run', { timeout: 40_000 }, () => {
  it.each([
    ['SIGINT', 1],
    ['SIGTERM', 1],
    // A launcher that relays the terminal's Ctrl-C (tsx, npm exec) delivers one press twice, a moment apart.
    ['SIGINT', 2],
  ] as const)('stops the started server and its worker on %s (delivered %i times), writes a report that is not a pass and exits 130', async (signal, times) => {
    for (const file of ['requests', 'pids', 'r.json', 'r.xml']) rmSync(join(dir, file), { force: true });
    const port = await freePort();
    const kit = spawn(
      process.execPath,
      [
        ...['--import', tsx, bin, 'check', `http://127.0.0.1:${port}/fax`, '--start', `${JSON.stringify(process.execPath)} server.cjs`, '--runs', '200', '--seed', '1'],
        ...['--reporter', 'json:r.json', '--reporter', 'junit:r.xml'],
      ],
      { cwd: dir, env: { PATH: process.env.PATH ?? '', PORT: String(port), NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    kit.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    kit.stdout.resume();
    const exited = new Promise<number | null>((done) => kit.on('close', done));

    await until(() => existsSync(join(dir, 'requests')) && existsSync(join(dir, 'pids')), 'the run to reach the server');
    const pids = readFileSync(join(dir, 'pids'), 'utf8').split(' ').map(Number);
    kit.kill(signal);
    // The relayed copy lands while the kit winds down: once it has stopped the server, before the reports are out.
    if (times === 2) {
      await until(() => !isRunning(pids[0] ?? 0), 'the kit to stop the server');
      kit.kill(signal);
    }
    const code = await exited;
    const survivors = pids.filter(isRunning);
    for (const pid of survivors) process.kill(pid, 'SIGKILL'); // never leave them behind, even when the test fails

    expect(code).toBe(130);
    expect(stderr).toContain('twiml-fax-kit: interrupted; the server has been stopped\n');
    expect(survivors).toEqual([]);
    // The requests the stop cut, and the connections the stopped server reset, are no findings.
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as Report;
    expect(report).toMatchObject({ ok: false, interrupted: true, findings: [] });
    expect(readFileSync(join(dir, 'r.xml'), 'utf8')).toContain('<testsuite');
    expect(readdirSync(dir).filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });
});
