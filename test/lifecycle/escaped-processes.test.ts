import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killStartedServersSync, startServer } from '../../src/lifecycle/index.js';
import { freePort } from '../package/ports.js';
import { isRunning } from '../support/is-running.js';
import { until } from '../support/until.js';

let dir: string;
const node = JSON.stringify(process.execPath);
const hasProc = existsSync('/proc/self/environ');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'twiml-fax-kit-escaped-'));
  // A worker that leaves the server's process group and session, as `setsid -f` or a daemonising script does.
  writeFileSync(join(dir, 'worker.cjs'), "require('node:fs').writeFileSync(process.argv[2], String(process.pid)); setInterval(() => {}, 1000);");
  writeFileSync(join(dir, 'server.cjs'), "require('node:http').createServer((q, s) => s.end('ok')).listen(Number(process.env.PORT), '127.0.0.1');");
});
afterAll(() => {
  killStartedServersSync();
  rmSync(dir, { recursive: true, force: true });
});

function pidIn(file: string): number {
  return Number(readFileSync(join(dir, file), 'utf8'));
}

describe.runIf(process.platform === 'linux' && hasProc)('processes that leave the process group', () => {
  it('are stopped with the server: a worker started with setsid -f', async () => {
    const port = await freePort();
    const started = await startServer({
      command: `setsid -f ${node} worker.cjs setsid.pid; ${node} server.cjs`,
      cwd: dir,
      env: { ...process.env, PORT: String(port) },
      waitFor: `http://127.0.0.1:${port}/`,
    });
    if (!started.ok) throw new Error(started.message);
    await until(() => existsSync(join(dir, 'setsid.pid')), 'the worker to start');
    const worker = pidIn('setsid.pid');
    expect(isRunning(worker)).toBe(true);
    await started.server.stop();
    const survived = isRunning(worker);
    if (survived) process.kill(worker, 'SIGKILL');
    expect(survived).toBe(false);
  });

  it('are stopped by the guardian when the kit itself is killed with SIGKILL', async () => {
    const port = await freePort();
    const lifecycle = pathToFileURL(resolve('src/lifecycle/index.ts')).href;
    // A stand-in for the kit: it starts the server (which starts an escaping worker), says so, and waits to be killed.
    writeFileSync(join(dir, 'kit.mts'), `
      import { startServer } from ${JSON.stringify(lifecycle)};
      const started = await startServer({ command: ${JSON.stringify(`setsid -f ${node} worker.cjs killed.pid; ${node} server.cjs`)}, waitFor: 'http://127.0.0.1:${port}/', env: { ...process.env, PORT: '${port}' }, stopGraceMs: 1000 });
      console.log(started.ok ? 'server ' + started.server.pid : started.message);
      setInterval(() => {}, 1000);
    `);
    const tsx = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href;
    const kit = spawn(process.execPath, ['--import', tsx, 'kit.mts'], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    kit.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    await until(() => /server \d+/.test(out) && existsSync(join(dir, 'killed.pid')), 'the kit to start its server');
    const server = Number(/server (\d+)/.exec(out)?.[1]);
    const worker = pidIn('killed.pid');
    kit.kill('SIGKILL');
    try {
      await until(() => !isRunning(server) && !isRunning(worker), 'the guardian to stop the server and its worker');
    } finally {
      for (const pid of [server, worker]) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
    }
  });
});
