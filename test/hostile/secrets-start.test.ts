import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { bufferIo as bufferedIo } from '../support/buffer-io.js';
import { freePort } from '../package/ports.js';
import { leakedFragments } from './secret-fragments.js';
import { until } from '../support/until.js';

const TOKEN = 'f3a9c1e07b5d28460b9e3d7c15a8f264';
const node = JSON.stringify(process.execPath);

/** The started command goes through the shell, which needs PATH; the token is in the environment as in CI. */
function bufferIo() {
  return bufferedIo({ env: { PATH: process.env.PATH ?? '', TWILIO_AUTH_TOKEN: TOKEN } });
}

/** Everything the kit wrote: its stdout and stderr, and every file under its working directory. */
function everything(cwd: string, out: string, err: string): string {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(readFileSync(path, 'utf8'));
    }
  };
  walk(cwd);
  return [out, err, ...files].join('\n');
}

describe('--start with a server that prints the token', () => {
  it('fails in one line that shows the exit but not the token, and leaves no token in the server log', async () => {
    const { io, stdout, stderr } = bufferIo();
    const port = await freePort();
    const command = `${node} -e "console.log(process.env.TWILIO_AUTH_TOKEN); process.exit(1)"`;
    expect(await runCli(['check', `http://127.0.0.1:${port}/fax`, '--start', command], io)).toBe(2);
    expect(stderr()).toMatch(/^twiml-fax-kit: the server command exited with code 1 before http:\/\/127\.0\.0\.1:\d+\/fax answered \(see \.twiml-fax-kit\/server\.log, last lines: <redacted>\)\n$/);
    expect(leakedFragments(everything(io.cwd, stdout(), stderr()), [TOKEN])).toEqual([]);
  });

  it('shows the error line itself when the server crashes, e.g. a missing module', async () => {
    const { io, stderr } = bufferIo();
    const port = await freePort();
    expect(await runCli(['check', `http://127.0.0.1:${port}/fax`, '--start', `${node} server-that-is-not-there.js`], io)).toBe(2);
    expect(stderr()).toMatch(/^twiml-fax-kit: the server command exited with code 1 before .* answered: Error: Cannot find module '.*server-that-is-not-there\.js' \(full output in \.twiml-fax-kit\/server\.log\)\n$/);
  });

  it('keeps the token out of the wait-timeout message and of the command line at the top of the log', async () => {
    const { io, stdout, stderr } = bufferIo();
    const port = await freePort();
    // The token written into the command itself, and printed in pieces by a server that never listens.
    const command = `COPY=${TOKEN} ${node} -e "console.log('config', process.env.COPY.slice(0, 20)); console.log('key', Buffer.from(process.env.COPY).toString('base64')); setInterval(() => {}, 1000)"`;
    const logFile = join(io.cwd, '.twiml-fax-kit', 'server.log');
    // The wait budget runs on a clock the test owns and ends once the server has printed both pieces: on a loaded
    // machine node may not even have started within a real 1.5 s, and the message would quote nothing.
    vi.useFakeTimers({ toFake: ['Date'] });
    let code: number;
    try {
      const exited = runCli(['check', `http://127.0.0.1:${port}/fax`, '--start', command, '--wait-timeout', '1500'], io);
      await until(() => existsSync(logFile) && /^key /m.test(readFileSync(logFile, 'utf8')), 'the server to print the token');
      vi.setSystemTime(Date.now() + 1_500);
      code = await exited;
    } finally {
      vi.useRealTimers();
    }
    expect(code).toBe(2);
    expect(stderr()).toMatch(/^twiml-fax-kit: the server did not answer .* within 1500 ms; .*last lines: config <redacted> \| key <redacted>[A-Za-z0-9+/=]{0,3}\)\n$/);
    const log = readFileSync(logFile, 'utf8');
    expect(log.split('\n')[0]).toBe(`$ COPY=<redacted> ${command.slice(`COPY=${TOKEN} `.length)}`);
    expect(leakedFragments(everything(io.cwd, stdout(), stderr()), [TOKEN])).toEqual([]);
  });

  it('redacts the log of a server that logs its configuration and then runs fine', async () => {
    const { io, stdout, stderr } = bufferIo();
    const port = await freePort();
    writeFileSync(
      join(io.cwd, 'server.cjs'),
      `console.log('config', JSON.stringify({ token: process.env.TWILIO_AUTH_TOKEN }));
       require('node:http').createServer((req, res) => { req.resume(); req.on('end', () => { res.setHeader('Content-Type', 'text/xml'); res.end('<Response><Receive/></Response>'); }); })
         .listen(${port}, '127.0.0.1');`,
    );
    const code = await runCli(['check', `http://127.0.0.1:${port}/fax`, '--start', `${node} server.cjs`, '--runs', '2', '--seed', '1', '--checks', 'status-code', '--reporter', 'json:r.json'], io);
    expect(code).toBe(0);
    expect(readFileSync(join(io.cwd, '.twiml-fax-kit', 'server.log'), 'utf8')).toContain('config {"token":"<redacted>"}');
    expect(leakedFragments(everything(io.cwd, stdout(), stderr()), [TOKEN])).toEqual([]);
  });
});

describe('URL credentials in usage errors', () => {
  it.each([
    ['http://fax:correct-horse-battery@exa mple.com/fax', "'http://<redacted>@exa mple.com/fax' is not a URL"],
    ['fax:correct-horse-battery@localhost:3000/fax', "'<redacted>@localhost:3000/fax' is not an http(s) URL"],
  ])('never echoes the password of %s', async (url, shown) => {
    const { io, stderr } = bufferIo();
    expect(await runCli(['check', url], io)).toBe(2);
    expect(stderr()).toContain(shown);
    expect(stderr()).not.toContain('horse');
  });

  it('never echoes the password of a --media-url or --wait-for it cannot use', async () => {
    const { io, stderr } = bufferIo();
    expect(await runCli(['check', 'http://127.0.0.1:9/fax', '--media-url', 'ftp://u:correct-horse@media.example/'], io)).toBe(2);
    const started = bufferIo();
    expect(await runCli(['check', 'http://127.0.0.1:9/fax', '--start', 'true', '--wait-for', 'ftp://u:correct-horse@127.0.0.1/'], started.io)).toBe(2);
    expect(stderr() + started.stderr()).not.toContain('horse');
    expect(started.stderr()).toContain("'ftp://<redacted>@127.0.0.1/'");
  });
});
