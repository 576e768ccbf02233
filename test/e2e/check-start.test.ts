import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { bufferIo as bufferedIo } from '../support/buffer-io.js';

/** The server under test is started through the shell, which needs PATH. */
const bufferIo = (cwd: string, env: Record<string, string>) => bufferedIo({ cwd, env: { PATH: process.env.PATH ?? '', ...env } });
import type { Report } from '../../src/model/report.js';
import { freePort, isListening } from '../package/ports.js';

// A fax server as a user's project has one: started by the kit with --start, in a process of its own.
const SERVER_JS = `
const http = require('node:http');
const contentType = process.env.REPLY_TYPE || 'text/xml';
http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    if (req.url === '/health') return res.end('ok');
    res.writeHead(200, { 'Content-Type': contentType });
    res.end('<?xml version="1.0" encoding="UTF-8"?><Response><Receive/></Response>');
  });
}).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('fax server listening on ' + process.env.PORT));
`;

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'check-start-'));
  writeFileSync(join(dir, 'server.cjs'), SERVER_JS);
  return dir;
}


const FAST = ['--runs', '3', '--seed', '1', '--timeout', '3000', '--reporter', 'json'];

describe('twiml-fax-kit check --start', () => {
  it('starts the server, checks it, stops it, and names the log file', async () => {
    const dir = project();
    const port = await freePort();
    const { io, stdout, stderr } = bufferIo(dir, { PORT: String(port) });
    // Twilio's own timeout: under a short one, a loaded machine's slow reply is a (true) slow_reply warning.
    const conforming = FAST.filter((arg, i) => arg !== '--timeout' && FAST[i - 1] !== '--timeout');
    const code = await runCli(['check', `http://127.0.0.1:${port}/fax`, '--start', 'node server.cjs', '--wait-for', `http://127.0.0.1:${port}/health`, ...conforming], io);
    expect(stderr()).toBe('server output: .twiml-fax-kit/server.log\n');
    expect(code, stdout()).toBe(0);
    const report = JSON.parse(stdout()) as Report;
    expect(report.ok).toBe(true);
    expect(report.summary.failed).toBe(0);
    expect(readFileSync(join(dir, '.twiml-fax-kit/server.log'), 'utf8')).toContain(`fax server listening on ${port}`);
    expect(await isListening(port)).toBe(false);
  });

  it('exits 1 with the findings and still stops the server when the server does not conform', async () => {
    const dir = project();
    const port = await freePort();
    const { io, stdout, stderr } = bufferIo(dir, { PORT: String(port), REPLY_TYPE: 'text/plain' });
    const code = await runCli(['check', `http://127.0.0.1:${port}/fax`, '--start', 'node server.cjs', '--server-log', 'logs/fax-server.log', ...FAST], io);
    expect(code).toBe(1);
    expect((JSON.parse(stdout()) as Report).findings.map((f) => f.twilioError)).toContain(12300);
    expect(stderr()).toBe('server output: logs/fax-server.log\n');
    expect(await isListening(port)).toBe(false);
  });

  it('exits 2 with one line when the server command dies before answering', async () => {
    const { io, stdout, stderr } = bufferIo(project(), {});
    const port = await freePort();
    const code = await runCli(['check', `http://127.0.0.1:${port}/fax`, '--start', 'node -e "process.exit(3)"', ...FAST], io);
    expect(code).toBe(2);
    expect(stdout()).toBe('');
    expect(stderr()).toMatch(/^twiml-fax-kit: the server command exited with code 3 before http:\/\/127\.0\.0\.1:\d+\/fax answered \(see \.twiml-fax-kit\/server\.log, last lines: \(the server printed nothing\)\)\n$/);
  });

  it('refuses --wait-for without --start', async () => {
    const { io, stderr } = bufferIo(project(), {});
    expect(await runCli(['check', 'http://127.0.0.1:9/fax', '--wait-for', 'http://127.0.0.1:9/'], io)).toBe(2);
    expect(stderr()).toBe('twiml-fax-kit: --wait-for needs --start COMMAND (the command that starts your server)\n');
  });

  it('refuses a --wait-timeout that is not a number', async () => {
    const { io, stderr } = bufferIo(project(), {});
    expect(await runCli(['check', 'http://127.0.0.1:9/fax', '--start', 'true', '--wait-timeout', '5s'], io)).toBe(2);
    expect(stderr()).toBe("twiml-fax-kit: --wait-timeout must be a whole number of milliseconds of at least 1, not '5s'\n");
  });

  it('lists the server flags and an example in check --help', async () => {
    const { io, stdout } = bufferIo(project(), {});
    expect(await runCli(['check', '--help'], io)).toBe(0);
    for (const flag of ['--start COMMAND', '--wait-for URL', '--wait-timeout MS', '--server-log FILE']) expect(stdout()).toContain(flag);
    expect(stdout()).toContain('--start "node server.js" --wait-for http://127.0.0.1:3000/health');
  });
});
