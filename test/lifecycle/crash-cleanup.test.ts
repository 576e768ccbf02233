import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRunning } from '../support/is-running.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'twiml-fax-kit-crash-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cleanup when the kit crashes', { timeout: 60_000 }, () => {
  it('kills the started server group from the exit hook bin.ts installs, after an uncaught exception', () => {
    const lifecycle = pathToFileURL(resolve('src/lifecycle/index.ts')).href;
    writeFileSync(join(dir, 'server.cjs'), `
      console.log('server pid ' + process.pid);
      require('node:http').createServer((q, s) => s.end()).listen(0, '127.0.0.1', function () {
        require('node:fs').writeFileSync('port', String(this.address().port));
      });
      setInterval(() => {}, 1000);
    `);
    // A stand-in for the kit: it wires the exit hook as bin.ts does, starts a server, then crashes mid-check.
    writeFileSync(join(dir, 'kit.mts'), `
      import { existsSync, readFileSync } from 'node:fs';
      import { startServer, killStartedServersSync } from ${JSON.stringify(lifecycle)};
      process.on('exit', killStartedServersSync);
      const poll = async () => { while (!existsSync('port')) await new Promise((r) => setTimeout(r, 20)); return readFileSync('port', 'utf8'); };
      void startServer({ command: ${JSON.stringify(`${JSON.stringify(process.execPath)} server.cjs`)}, waitFor: 'http://127.0.0.1:9/' , waitTimeoutMs: 60000 });
      await poll();
      throw new Error('the kit crashed');
    `);
    const tsx = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href;
    // The kit crashes on its own once its server is up; the timeout only keeps a broken kit from hanging the suite.
    const kit = spawnSync(process.execPath, ['--import', tsx, 'kit.mts'], { cwd: dir, encoding: 'utf8', timeout: 50_000 });
    expect(kit.status).toBe(1);
    expect(kit.stderr).toContain('the kit crashed');
    const serverPid = Number(/server pid (\d+)/.exec(readFileSync(join(dir, '.twiml-fax-kit', 'server.log'), 'utf8'))?.[1]);
    expect(serverPid).toBeGreaterThan(0);
    const survived = isRunning(serverPid);
    if (survived) process.kill(serverPid, 'SIGKILL'); // never leave a server behind, even when the test fails
    expect(survived).toBe(false);
  });
});
