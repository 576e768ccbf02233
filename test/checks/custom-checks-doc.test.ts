// docs/custom-checks.md run for real, so that it stays true: its files, its script, its vitest suite and its
// command lines, against its app and against an app that breaks the rule.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import type { Report } from '../../src/model/report.js';
import { bufferIo } from '../support/buffer-io.js';
import { readText, serve, type RunningServer } from '../zoo/serve.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const doc = readFileSync(join(repo, 'docs/custom-checks.md'), 'utf8');

/** Where the doc's imports lead inside this repository (the published package maps them to dist/). */
const SPECIFIERS: Record<string, string> = {
  'twiml-fax-kit': join(repo, 'src/index.ts'),
  'twiml-fax-kit/harness': join(repo, 'src/harness/index.ts'),
  'twiml-fax-kit/vitest': join(repo, 'src/vitest/index.ts'),
};

/** The doc's files: each ```js block opens with `// NAME`. */
function docFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const [, name = '', body = ''] of doc.matchAll(/```js\n\/\/ ([\w.-]+)\n([\s\S]*?)```/g)) {
    files.set(name, body.replace(/from '(twiml-fax-kit[^']*)'/g, (whole, specifier: string) => (SPECIFIERS[specifier] ? `from '${SPECIFIERS[specifier]}'` : whole)));
  }
  return files;
}

/** The doc's command lines, as arguments of `twiml-fax-kit`. */
function docCommands(): string[][] {
  return [...doc.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap(([, block = '']) =>
    block
      .split('\n')
      .filter((line) => line.startsWith('npx twiml-fax-kit '))
      .map((line) => line.slice('npx twiml-fax-kit '.length).split(' ')),
  );
}

/** Serves a fetch handler on loopback, as a user's server would. */
function serveFetch(handler: (request: Request) => Promise<Response>): Promise<RunningServer> {
  return serve((req, res) => {
    void readText(req).then(async (body) => {
      const request = new Request(`http://127.0.0.1${req.url ?? '/'}`, { method: req.method ?? 'GET', headers: req.headers as Record<string, string>, ...(req.method === 'POST' && { body }) });
      const response = await handler(request);
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(await response.text());
    });
  });
}

/** An app that breaks the doc's rule: it receives every fax, whatever number it was sent to. */
async function receivesEverything(request: Request): Promise<Response> {
  await request.text();
  return new Response('<Response><Receive/></Response>', { headers: { 'Content-Type': 'text/xml' } });
}

let dir: string;
let app: RunningServer;
let broken: RunningServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'custom-checks-doc-'));
  const files = docFiles();
  expect([...files.keys()]).toEqual(['fax-checks.mjs', 'fax-app.mjs', 'check-fax-app.mjs', 'fax-app.test.mjs']);
  for (const [name, body] of files) writeFileSync(join(dir, name), body);
  const { faxApp } = (await import(pathToFileURL(join(dir, 'fax-app.mjs')).href)) as { faxApp: (request: Request) => Promise<Response> };
  app = await serveFetch(faxApp);
  broken = await serveFetch(receivesEverything);
});
afterAll(async () => {
  await Promise.all([app.close(), broken.close()]);
});

describe('docs/custom-checks.md', () => {
  it("runs the script: the doc's app passes every check, its own included", async () => {
    await expect(import(pathToFileURL(join(dir, 'check-fax-app.mjs')).href)).resolves.toBeDefined();
  });

  it('runs the script against an app that breaks the rule: it throws with the custom finding', async () => {
    writeFileSync(join(dir, 'broken-app.mjs'), `export ${receivesEverything.toString().replace('receivesEverything', 'faxApp')}`);
    writeFileSync(join(dir, 'check-broken-app.mjs'), readFileSync(join(dir, 'check-fax-app.mjs'), 'utf8').replace("'./fax-app.mjs'", "'./broken-app.mjs'"));
    const failure = await import(pathToFileURL(join(dir, 'check-broken-app.mjs')).href).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/✗ error · rejects-unknown-numbers · \[unknown_number_received\]\n {2}a fax to \+1202555\d{4}, a number the app does not serve, is answered with <Receive>/);
  });

  it('fails an app that breaks the rule with the custom finding, in every check command the doc shows', async () => {
    const [first, second] = docCommands();
    expect(first).toEqual(['check', 'http://127.0.0.1:3000/fax', '--custom-checks', 'fax-checks.mjs']);
    const withUrl = (argv: readonly string[], url: string) => [...argv.map((arg) => (arg === 'http://127.0.0.1:3000/fax' ? url : arg)), '--runs', '5', '--seed', '7', '--no-color'];

    const good = bufferIo({ cwd: dir });
    expect(await runCli(withUrl(first ?? [], app.url()), good.io)).toBe(0);
    expect(good.stdout()).toMatch(/✓ +rejects-unknown-numbers +a fax to a number the app does not serve is rejected +passed +7 exchanges/);

    const bad = bufferIo({ cwd: dir });
    expect(await runCli(withUrl(second ?? [], broken.url()), bad.io)).toBe(1);
    const junit = readFileSync(join(dir, 'reports/fax.xml'), 'utf8');
    expect(junit).toMatch(/<testcase classname="twiml-fax-kit" name="rejects-unknown-numbers: a fax to a number the app does not serve is rejected" time="0">\s*<failure message="rejects-unknown-numbers: a fax to \+1202555\d{4}, a number the app does not serve, is answered with &lt;Receive&gt;/);
  });

  it('replays a finding of the custom check with the command the finding carries', async () => {
    const { io, stdout } = bufferIo({ cwd: dir });
    await runCli(['check', broken.url(), '--custom-checks', 'fax-checks.mjs', '--checks', 'rejects-unknown-numbers', '--runs', '5', '--seed', '7', '--reporter', 'json'], io);
    const [finding] = (JSON.parse(stdout()) as Report).findings;
    expect(finding).toMatchObject({ check: 'rejects-unknown-numbers', code: 'unknown_number_received', case: 'a fax from a US number', count: 7 });
    const command = finding?.replay?.command ?? '';
    expect(command).toBe(`twiml-fax-kit check ${broken.url()} --custom-checks fax-checks.mjs --seed 7 --replay example-1 --checks rejects-unknown-numbers`);
    const again = bufferIo({ cwd: dir });
    expect(await runCli([...command.split(' ').slice(1), '--reporter', 'json'], again.io)).toBe(1);
    expect((JSON.parse(again.stdout()) as Report).findings).toMatchObject([{ check: 'rejects-unknown-numbers', message: finding?.message, reproduce: finding?.reproduce }]);
  });

  it('runs the vitest suite: the custom check has a test of its own, which passes', () => {
    const vitestBin = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
    const results = join(dir, 'results.json');
    spawnSync(process.execPath, [vitestBin, 'run', '--root', dir, '--reporter=json', `--outputFile.json=${results}`], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8' });
    const json = JSON.parse(readFileSync(results, 'utf8')) as { testResults: { assertionResults: { fullName: string; status: string }[] }[] };
    const tests = new Map(json.testResults.flatMap((file) => file.assertionResults).map((r) => [r.fullName, r.status]));
    expect(tests.get('fax app rejects-unknown-numbers: a fax to a number the app does not serve is rejected')).toBe('passed');
    expect(tests.get('fax app status-code: the final reply is 2xx, through redirects Twilio follows')).toBe('passed');
  });
});
