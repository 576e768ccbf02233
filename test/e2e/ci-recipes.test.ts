import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../support/buffer-io.js';
import { runCli } from '../../src/cli/run-cli.js';
import { freePort } from '../package/ports.js';

// The CI recipes of docs/ci.md, run as written: the same flags, `npm start` in a project whose app checks Twilio
// signatures with twilio.webhook(), the token from TWILIO_AUTH_TOKEN as the workflows set it. Only the port (3000
// may be taken on a shared machine) and the number of generated cases (CPU) differ.
const inCi = readFileSync(new URL('../../docs/ci.md', import.meta.url), 'utf8');
const requireFromRepo = createRequire(import.meta.url);

/** Splits a command line as /bin/sh would for the plain words and double-quoted strings the recipes use. */
function shellWords(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
}

/** The `twiml-fax-kit` arguments of each recipe, as docs/ci.md shows them. */
function recipes(): Record<'github' | 'gitlab' | 'shell', string[]> {
  const github = /run: >\n((?: {10}.*\n)+)/.exec(inCi)?.[1]?.replace(/\n\s*/g, ' ') ?? '';
  const gitlab = /- (npx twiml-fax-kit check .*)/.exec(inCi)?.[1] ?? '';
  const shell = /(npx twiml-fax-kit check (?:[^\n]*\\\n)*[^\n]*)/.exec(inCi.slice(inCi.indexOf('## Any shell CI')))?.[1]?.replace(/\\\n\s*/g, ' ') ?? '';
  const args = (line: string) => {
    const words = shellWords(line.trim());
    expect(words.slice(0, 2)).toEqual(['npx', 'twiml-fax-kit']);
    return words.slice(2);
  };
  return { github: args(github), gitlab: args(gitlab), shell: args(shell) };
}

const APP = `
const express = require(${JSON.stringify(requireFromRepo.resolve('express'))});
const twilio = require(${JSON.stringify(requireFromRepo.resolve('twilio'))});
const app = express();
app.get('/health', (_req, res) => res.send('ok'));
app.use(express.urlencoded({ extended: false }));
const replyType = process.env.REPLY_TYPE || 'text/xml';
app.post('/fax', twilio.webhook(), (_req, res) => res.type(replyType).send('<Response><Receive action="/fax/received"/></Response>'));
app.post('/fax/received', twilio.webhook(), (_req, res) => res.type('text/xml').send('<Response/>'));
app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('fax app listening on ' + process.env.PORT));
`;

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'readme-ci-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'fax-app', private: true, scripts: { start: 'node app.cjs' } }));
  writeFileSync(join(dir, 'app.cjs'), APP);
  return dir;
}

async function runRecipe(args: readonly string[], env: Record<string, string>) {
  const dir = project();
  const port = await freePort();
  const { io, stdout, stderr } = bufferIo({
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, TWILIO_AUTH_TOKEN: 'test-token-not-a-secret', PORT: String(port), ...env },
  });
  const argv = [...args.map((arg) => arg.replaceAll('127.0.0.1:3000', `127.0.0.1:${port}`)), '--runs', '5', '--seed', '1'];
  const code = await runCli(argv, io);
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  const listening = await fetch(`http://127.0.0.1:${port}/health`).then(() => true, () => false);
  return { code, stdout: stdout(), stderr: stderr(), read, listening };
}

/** A GitHub workflow command, as the runner parses it: `::name key=value,...::message` on one line. */
const WORKFLOW_COMMAND = /^::(error|warning|notice)(?: title=[^:,\r\n]*)?::[^\r\n]*$/;

describe('the CI recipes of docs/ci.md', { timeout: 60_000 }, () => {
  it('are found in docs/ci.md, and all three run the same check', () => {
    const { github, gitlab, shell } = recipes();
    expect(gitlab).toEqual(shell);
    expect(github).toEqual([...shell, '--reporter', 'github']);
    expect(shell).toEqual(expect.arrayContaining(['check', '--start', 'npm start', '--reporter', 'junit:reports/fax.xml']));
  });

  it.each(['github', 'gitlab', 'shell'] as const)('pass a conforming app in the %s recipe and stop it', async (name) => {
    const run = await runRecipe(recipes()[name], {});
    expect(run.stderr).not.toContain('twiml-fax-kit:');
    expect(run.stdout + run.stderr).toContain('reports/fax-server.log');
    expect(run.code).toBe(0);
    expect(run.read('reports/fax.xml')).toMatch(/<testsuite [^>]*failures="0"/);
    expect(run.read('reports/fax-server.log')).toContain('fax app listening on');
    expect(run.listening).toBe(false);
  });

  it('pass a conforming app with the flags of the config file docs/ci.md shows, and none on the command line', async () => {
    const config = /## Flags in a config file[\s\S]*?```json\n([\s\S]*?)```/.exec(inCi)?.[1] ?? '';
    const dir = project();
    const port = await freePort();
    writeFileSync(join(dir, 'twiml-fax-kit.config.json'), config.replaceAll('127.0.0.1:3000', `127.0.0.1:${port}`));
    const { io, stderr } = bufferIo({ cwd: dir, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, TWILIO_AUTH_TOKEN: 'test-token-not-a-secret', PORT: String(port) } });
    const code = await runCli(['check', `http://127.0.0.1:${port}/fax`, '--runs', '5', '--seed', '1'], io);
    expect(stderr()).not.toContain('twiml-fax-kit:');
    expect(code).toBe(0);
    expect(readFileSync(join(dir, 'reports/fax.xml'), 'utf8')).toMatch(/<testsuite [^>]*failures="0"/);
    expect(readFileSync(join(dir, 'reports/fax-server.log'), 'utf8')).toContain('fax app listening on');
  });

  it('fail a defective app in GitHub Actions with annotations and a JUnit failure a reviewer can act on', async () => {
    const run = await runRecipe(recipes().github, { REPLY_TYPE: 'text/plain' });
    expect(run.code).toBe(1);
    const commands = run.stdout.split('\n').filter((line) => line.startsWith('::'));
    expect(commands.length).toBeGreaterThan(1);
    for (const line of commands) expect(line).toMatch(WORKFLOW_COMMAND);
    const annotation = commands.find((line) => line.startsWith('::error title=content-type'));
    expect(annotation).toContain('Twilio 12300');
    expect(annotation).toContain('Hint: reply with Content-Type: text/xml');
    expect(annotation).toMatch(/Reproduce with:%0Acurl /);
    expect(run.stdout).toContain('✗ error · content-type · Twilio 12300');
    const failure = /<testcase [^>]*name="content-type[^"]*"[^>]*>\s*<failure[^>]*>([\s\S]*?)<\/failure>/.exec(run.read('reports/fax.xml'))?.[1] ?? '';
    expect(failure).toContain('content-type · Twilio 12300 Invalid Content-Type');
    expect(failure).toContain('Hint: reply with Content-Type: text/xml');
    expect(failure).toMatch(/Reproduce with:\s+curl /);
    expect(run.listening).toBe(false);
  });
});
