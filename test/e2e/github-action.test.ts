import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';

// The GitHub Action's script (scripts/action/run-action.mjs), run as action.yml runs it: inputs as INPUT_*
// environment variables, stand-in files for $GITHUB_STEP_SUMMARY and $GITHUB_OUTPUT, and the kit from this checkout
// (through tsx rather than the build action.yml makes: KIT_COMMAND).
//
// Not exercised here, as GitHub itself cannot run: action.yml's composite steps (the expressions, npm ci and the build
// in the action's path, actions/upload-artifact), how GitHub renders the summary and the annotations, and its masking
// of the token in the log (the script asks for it with ::add-mask::, which is checked).

const SCRIPT = resolve('scripts/action/run-action.mjs');
const KIT_COMMAND = JSON.stringify([process.execPath, '--import', pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href, resolve('src/bin.ts')]);
const EARLIER_SUMMARY = '### an earlier step\n\nIts summary stays.\n';
const TOKEN = 'test-token-0123456789abcdef';

/** A webhook with a lowercase verb Twilio skips (`<receive>`: no fax verb left, error 34106), or a conforming one. */
function startServer(reply: string): Promise<Server> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'text/xml' });
      response.end(reply);
    });
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

interface ActionRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly summary: string;
  readonly outputs: Record<string, string>;
  readonly workspace: string;
}

/** Reads $GITHUB_OUTPUT as GitHub does: `name=value` lines, or `name<<DELIMITER` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const heredoc = /^([\w-]+)<<(.+)$/.exec(lines[i] ?? '');
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const end = lines.indexOf(delimiter ?? '', i + 1);
      outputs[name ?? ''] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i]?.includes('=')) {
      const [name, ...value] = (lines[i] ?? '').split('=');
      outputs[name ?? ''] = value.join('=');
    }
  }
  return outputs;
}

function runAction(inputs: Record<string, string>): Promise<ActionRun> {
  const workspace = mkdtempSync(join(tmpdir(), 'gh-workspace-'));
  const summaryFile = join(workspace, '..', `${workspace.split('/').at(-1)}-summary.md`);
  const outputFile = join(workspace, '..', `${workspace.split('/').at(-1)}-output`);
  writeFileSync(summaryFile, EARLIER_SUMMARY);
  writeFileSync(outputFile, 'earlier=kept\n');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
    KIT_COMMAND,
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name}`, value])),
  };
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [SCRIPT], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', fail);
    child.on('exit', (code) =>
      done({ code, stdout, summary: readFileSync(summaryFile, 'utf8'), outputs: parseOutputs(readFileSync(outputFile, 'utf8')), workspace }),
    );
  });
}

/** A port nothing listens on now (the kernel's pick, released), for a server the action starts itself. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as AddressInfo;
  await new Promise((done) => probe.close(done));
  return port;
}

let broken: Server;
let good: Server;
const urlOf = (server: Server): string => `http://127.0.0.1:${(server.address() as AddressInfo).port}/fax`;

beforeAll(async () => {
  broken = await startServer('<Response><receive/></Response>');
  good = await startServer('<?xml version="1.0" encoding="UTF-8"?><Response><Receive/></Response>');
});
afterAll(async () => {
  await Promise.all([broken, good].map((server) => new Promise((done) => server.close(done))));
});

describe('the GitHub Action script', { timeout: 120_000 }, () => {
  it('fails the step, writes the reports, a job summary with the failing checks and the outputs, for a failing webhook', async () => {
    const run = await runAction({ URL: urlOf(broken), RUNS: '3', SEED: '7', AUTH_TOKEN: TOKEN, CHECKS: 'verb-case,fax-action,content-type' });
    expect(run.code).toBe(1);
    expect(run.outputs['earlier']).toBe('kept');
    expect(run.outputs['ok']).toBe('false');
    expect(run.outputs['exit-code']).toBe('1');
    const html = join(run.workspace, 'twiml-fax-kit-reports', 'fax.html');
    expect(run.outputs['report']).toBe(html);
    expect(readFileSync(html, 'utf8')).toContain('data-verdict="failed"');
    expect(run.outputs['junit']).toBe(join(run.workspace, 'twiml-fax-kit-reports', 'fax.xml'));
    expect(existsSync(run.outputs['junit'] ?? '')).toBe(true);
    const report = JSON.parse(readFileSync(run.outputs['json'] ?? '', 'utf8')) as Report;
    expect(report.ok).toBe(false);

    expect(run.summary.startsWith(EARLIER_SUMMARY)).toBe(true);
    expect(run.summary).toContain('### ❌ twiml-fax-kit: ✗ FAILED: ');
    expect(run.summary).toContain('| `verb-case` | error | 12200 Schema validation warning |');
    expect(run.summary).toContain('| `fax-action` | error | 34106 No Fax TwiML action specified |');
    expect(run.summary).toContain('--seed 7 --replay example-1 --checks');
    // The annotations reach the log, and the token is masked before anything else prints.
    expect(run.stdout.split('\n')[0]).toBe(`::add-mask::${TOKEN}`);
    expect(run.stdout).toMatch(/^::error title=verb-case/m);
    expect(run.summary).not.toContain(TOKEN);
  });

  it('passes the step with ok=true and a green summary for a conforming webhook', async () => {
    const run = await runAction({ URL: urlOf(good), RUNS: '2', CHECKS: 'verb-case,fax-action,content-type' });
    expect(run.code).toBe(0);
    expect(run.outputs['ok']).toBe('true');
    expect(run.summary).toContain('### ✅ twiml-fax-kit: ✓ PASSED: ');
    expect(run.summary).not.toContain('| check |');
  });

  it('never says ok when the kit could not run: a wrong flag gives exit 2, ok=false and a summary that says so', async () => {
    const run = await runAction({ URL: urlOf(good), FAIL_ON: 'sometimes' });
    expect(run.code).toBe(2);
    expect(run.outputs['ok']).toBe('false');
    expect(run.outputs['report']).toBeUndefined();
    expect(run.summary).toContain('### ❌ twiml-fax-kit did not finish (exit code 2)');
    // The kit's own one-line reason is in the summary, not only in the step's log.
    expect(run.summary).toMatch(/the kit said:\n\n```text\n.*--fail-on.*sometimes.*\n```/);
  });

  it("keeps a started server's output beside the reports, so the uploaded artifact holds it", async () => {
    const port = await freePort();
    const script = join(mkdtempSync(join(tmpdir(), 'gh-server-')), 'server.cjs');
    writeFileSync(
      script,
      `console.log('hello from the server under test');
require('node:http').createServer((q, s) => { q.resume(); q.on('end', () => s.writeHead(200, { 'content-type': 'text/xml' }).end('<Response><Receive/></Response>')); }).listen(${port}, '127.0.0.1');`,
    );
    const run = await runAction({ URL: `http://127.0.0.1:${port}/fax`, RUNS: '1', CHECKS: 'content-type', START: `"${process.execPath}" "${script}"` });
    expect(run.code).toBe(0);
    const log = join(run.workspace, 'twiml-fax-kit-reports', 'server.log');
    expect(readFileSync(log, 'utf8')).toContain('hello from the server under test');
  });

  it('asks for the url when it is missing', async () => {
    const run = await runAction({});
    expect(run.code).toBe(2);
    expect(run.outputs['ok']).toBe('false');
    expect(run.stdout).toContain("::error title=twiml-fax-kit::the input 'url' is required");
  });

  it('never says ok for a run that judged nothing, though no finding fails it', async () => {
    const run = await runAction({ URL: urlOf(good), CHECKS: 'signature-accepted' });
    expect(run.code).toBe(1);
    expect(run.outputs['ok']).toBe('false');
    expect(run.summary).toContain('NOTHING CHECKED');
  });
});
