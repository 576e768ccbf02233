import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { killStartedServersSync, startServer, withStartedServer, type RunningServer } from '../../src/lifecycle/index.js';
import { countStartedServers } from '../../src/lifecycle/started-servers.js';
import { freePort } from '../package/ports.js';
import { isRunning } from '../support/is-running.js';
import { until } from '../support/until.js';

let dir: string;
const node = JSON.stringify(process.execPath);

/** Writes a small server script into the test directory and returns the shell command that runs it. */
function script(name: string, source: string): string {
  writeFileSync(join(dir, name), source);
  return `${node} ${name}`;
}

// A server that prints, waits a little, then listens on PORT and answers 200 on /health.
const DELAYED_SERVER = `
const http = require('node:http');
console.log('booting');
setTimeout(() => {
  http.createServer((req, res) => res.end('ok')).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening on ' + process.env.PORT));
}, 200);
`;

// A server that starts a grandchild in its process group (as npm start or a watcher would) and logs its pid.
const SERVER_WITH_GRANDCHILD = `
const { spawn } = require('node:child_process');
const http = require('node:http');
const worker = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
console.log('worker pid ' + worker.pid);
http.createServer((req, res) => res.end('ok')).listen(Number(process.env.PORT), '127.0.0.1');
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'twiml-fax-kit-lifecycle-'));
});
afterAll(() => {
  killStartedServersSync();
  rmSync(dir, { recursive: true, force: true });
});

async function start(command: string, port: number, extra: { waitTimeoutMs?: number; stopGraceMs?: number; path?: string } = {}) {
  return startServer({
    command,
    cwd: dir,
    env: { ...process.env, PORT: String(port) },
    waitFor: `http://127.0.0.1:${port}${extra.path ?? '/health'}`,
    waitTimeoutMs: extra.waitTimeoutMs ?? 20_000,
    stopGraceMs: extra.stopGraceMs ?? 5_000,
  });
}

describe('startServer', () => {
  it('starts a server that listens after a delay, waits for it, and stops it', async () => {
    const port = await freePort();
    const started = await start(script('delayed.cjs', DELAYED_SERVER), port);
    if (!started.ok) throw new Error(started.message);
    const { server } = started;
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    await server.stop();
    expect(isRunning(server.pid)).toBe(false);
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
    expect(await server.exited).toMatchObject({ signal: 'SIGTERM' });
  });

  it('writes the command and the server output to the default log file', async () => {
    const port = await freePort();
    const started = await start(script('delayed.cjs', DELAYED_SERVER), port);
    if (!started.ok) throw new Error(started.message);
    await started.server.stop();
    expect(started.server.logFile).toBe(join(dir, '.twiml-fax-kit', 'server.log'));
    expect(readFileSync(started.server.logFile, 'utf8')).toBe(`$ ${node} delayed.cjs\nbooting\nlistening on ${port}\n`);
  });

  it('stops the whole process group, grandchildren included', async () => {
    const port = await freePort();
    const started = await start(script('grandchild.cjs', SERVER_WITH_GRANDCHILD), port, { path: '/' });
    if (!started.ok) throw new Error(started.message);
    const workerPid = Number(/worker pid (\d+)/.exec(readFileSync(started.server.logFile, 'utf8'))?.[1]);
    expect(isRunning(workerPid)).toBe(true);
    await started.server.stop();
    expect(isRunning(started.server.pid)).toBe(false);
    expect(isRunning(workerPid)).toBe(false);
  });

  it('fails at once with the exit code and the error line when the command exits before answering', async () => {
    const port = await freePort();
    // A wait budget far beyond the test timeout: only failing on the exit itself lets this test pass.
    const started = await start('echo "Error: listen EADDRINUSE" >&2; exit 3', port, { waitTimeoutMs: 600_000 });
    expect(started.ok).toBe(false);
    if (started.ok) return;
    expect(started.message).toBe(
      `the server command exited with code 3 before http://127.0.0.1:${port}/health answered: Error: listen EADDRINUSE ` +
        '(full output in .twiml-fax-kit/server.log)',
    );
    expect(started.interrupted).toBe(false);
  });

  it('fails at the wait timeout when the server never listens, quoting its last lines, and stops it', async () => {
    const port = await freePort();
    const log = join(dir, '.twiml-fax-kit', 'server.log');
    // The test owns the clock the wait budget is measured on, so the budget runs out only once the server has
    // printed: on a loaded machine a real 400 ms can pass before the shell has even started.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const starting = start("echo 'starting but never listening'; exec sleep 600", port, { waitTimeoutMs: 400 });
      await until(() => existsSync(log) && readFileSync(log, 'utf8').includes('starting but never listening\n'), 'the server to print');
      vi.setSystemTime(Date.now() + 400);
      const started = await starting;
      expect(started).toMatchObject({
        ok: false,
        message:
          `the server did not answer http://127.0.0.1:${port}/health within 400 ms; check the URL and port, or raise ` +
          '--wait-timeout (see .twiml-fax-kit/server.log, last lines: starting but never listening)',
        interrupted: false,
      });
      expect(countStartedServers()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('counts any HTTP status as an answer', async () => {
    const port = await freePort();
    const command = script('errors.cjs', "require('node:http').createServer((q, s) => { s.statusCode = 500; s.end(); }).listen(Number(process.env.PORT), '127.0.0.1');");
    const started = await start(command, port, { path: '/not-there' });
    expect(started.ok).toBe(true);
    if (started.ok) await started.server.stop();
  });

  it('kills a server that ignores SIGTERM once the grace period is over', async () => {
    const port = await freePort();
    const command = script(
      'stubborn.cjs',
      "console.log('pid ' + process.pid); process.on('SIGTERM', () => console.log('ignoring SIGTERM')); " +
        "require('node:http').createServer((q, s) => s.end()).listen(Number(process.env.PORT), '127.0.0.1');",
    );
    const started = await start(command, port, { path: '/', stopGraceMs: 200 });
    if (!started.ok) throw new Error(started.message);
    const { logFile } = started.server;
    const serverPid = Number(/pid (\d+)/.exec(readFileSync(logFile, 'utf8'))?.[1]);
    // The grace period runs on a clock the test owns: it ends once the server has shown it ignored the SIGTERM,
    // however long a loaded machine takes to deliver it.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const stopping = started.server.stop();
      await until(() => readFileSync(logFile, 'utf8').includes('ignoring SIGTERM'), 'the server to ignore SIGTERM');
      expect(isRunning(serverPid)).toBe(true);
      vi.setSystemTime(Date.now() + 200);
      await stopping;
    } finally {
      vi.useRealTimers();
    }
    expect(isRunning(serverPid)).toBe(false);
  });

  it('stops once however often stop is called', async () => {
    const port = await freePort();
    const started = await start(script('delayed.cjs', DELAYED_SERVER), port);
    if (!started.ok) throw new Error(started.message);
    const [first, second] = [started.server.stop(), started.server.stop()];
    expect(first).toBe(second);
    await first;
    await started.server.stop();
    expect(isRunning(started.server.pid)).toBe(false);
  });

  it('refuses to start when something already answers at the wait-for URL', async () => {
    const squatter: Server = createServer((q, s) => s.end('old server'));
    await new Promise<void>((done) => squatter.listen(0, '127.0.0.1', done));
    const { port } = squatter.address() as { port: number };
    try {
      const started = await start(script('delayed.cjs', DELAYED_SERVER), port);
      expect(started).toMatchObject({
        ok: false,
        message: `something already answers at http://127.0.0.1:${port}/health before the server is started; stop it (an earlier run still going?) or use another port`,
      });
    } finally {
      await new Promise((done) => squatter.close(done));
    }
  });

  it('explains a wait-for URL that is not http(s) and an empty command in one line each', async () => {
    const badUrl = await startServer({ command: 'true', waitFor: 'localhost:3000', cwd: dir });
    expect(badUrl).toMatchObject({
      ok: false,
      message: "the wait-for URL 'localhost:3000' is not an http:// or https:// URL; give the URL your server answers once ready, e.g. http://127.0.0.1:3000/health",
    });
    const empty = await startServer({ command: '  ', waitFor: 'http://127.0.0.1:1/', cwd: dir });
    expect(empty).toMatchObject({ ok: false, message: 'the server command is empty; give the command that starts your server, e.g. "npm start"' });
  });

  it('writes the log where it is told, creating directories', async () => {
    const port = await freePort();
    const started = await startServer({
      command: 'echo hello from the server; exit 1',
      cwd: dir,
      logFile: 'logs/deep/server.txt',
      waitFor: `http://127.0.0.1:${port}/`,
    });
    if (started.ok) throw new Error('a command that exits at once must not count as started');
    expect(started.logFile).toBe(join(dir, 'logs', 'deep', 'server.txt'));
    expect(readFileSync(started.logFile, 'utf8')).toContain('hello from the server');
  });
});

describe('withStartedServer', () => {
  it('stops the server when the run throws, and rethrows', async () => {
    const port = await freePort();
    let pid = 0;
    await expect(
      withStartedServer({ command: script('delayed.cjs', DELAYED_SERVER), cwd: dir, env: { ...process.env, PORT: String(port) }, waitFor: `http://127.0.0.1:${port}/` }, undefined, async (server) => {
        pid = server.pid;
        throw new Error('the check crashed');
      }),
    ).rejects.toThrow('the check crashed');
    expect(isRunning(pid)).toBe(false);
  });

  it('stops the server on Ctrl-C and aborts the run', async () => {
    const port = await freePort();
    const handlers = new Set<() => void>();
    const onInterrupt = (handler: () => void) => {
      handlers.add(handler);
      return () => handlers.delete(handler);
    };
    let server: RunningServer | undefined;
    const result = await withStartedServer(
      { command: script('delayed.cjs', DELAYED_SERVER), cwd: dir, env: { ...process.env, PORT: String(port) }, waitFor: `http://127.0.0.1:${port}/` },
      onInterrupt,
      async (running, signal) => {
        server = running;
        for (const handler of handlers) handler(); // what bin.ts does on SIGINT
        await running.exited;
        return signal.aborted;
      },
    );
    expect(result).toMatchObject({ ok: true, value: true, interrupted: true });
    expect(isRunning(server!.pid)).toBe(false);
    expect(handlers.size).toBe(0);
  });

  it('stops the server and never runs when Ctrl-C comes just as the server answers', async () => {
    const handlers = new Set<() => void>();
    const onInterrupt = (handler: () => void) => {
      handlers.add(handler);
      return () => handlers.delete(handler);
    };
    // The wait-for URL is served here, so the Ctrl-C can land exactly between the first answer and the run. The first
    // request is the check for a leftover server, which must find nothing.
    let requests = 0;
    const ready = createServer((req, res) => {
      requests += 1;
      if (requests === 1) return req.socket.destroy();
      for (const handler of handlers) handler(); // what bin.ts does on SIGINT
      res.end('ok');
    });
    await new Promise<void>((done) => ready.listen(0, '127.0.0.1', done));
    const { port } = ready.address() as { port: number };
    let ran = false;
    try {
      const result = await withStartedServer(
        { command: script('idle.cjs', 'console.log("pid " + process.pid); setInterval(() => {}, 1000);'), cwd: dir, waitFor: `http://127.0.0.1:${port}/` },
        onInterrupt,
        async () => {
          ran = true;
        },
      );
      expect(result).toMatchObject({ ok: false, interrupted: true });
      expect(ran).toBe(false);
      const pid = Number(/pid (\d+)/.exec(readFileSync(join(dir, '.twiml-fax-kit/server.log'), 'utf8'))?.[1]);
      expect(isRunning(pid)).toBe(false);
    } finally {
      await new Promise((done) => ready.close(done));
    }
  });
});

describe('killStartedServersSync', () => {
  it('kills every started server that was not stopped, as bin.ts does on exit', async () => {
    const port = await freePort();
    const started = await start(script('grandchild.cjs', SERVER_WITH_GRANDCHILD), port, { path: '/' });
    if (!started.ok) throw new Error(started.message);
    const workerPid = Number(/worker pid (\d+)/.exec(readFileSync(started.server.logFile, 'utf8'))?.[1]);
    expect(countStartedServers()).toBe(1);
    killStartedServersSync();
    expect(await started.server.exited).toEqual({ code: null, signal: 'SIGKILL' });
    // SIGKILL is delivered but not instant for the grandchild; stop() waits for the group to be empty.
    await started.server.stop();
    expect(isRunning(workerPid)).toBe(false);
    expect(existsSync(started.server.logFile)).toBe(true);
  });
});
