import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyAsCleanClone } from '../package/clean-copy.js';
import { freePort, isListening } from '../package/ports.js';
import { run, runOrThrow, userEnv } from '../package/run.js';

// The kit as a new user meets it: packed from a clean copy of the repository, installed into an empty project
// next to that project's own vitest and Express, and used there from the CLI, from vitest, and from TypeScript.
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const appFiles = join(repo, 'test/e2e/app');
const tsc = join(repo, 'node_modules/typescript/bin/tsc');
const SETUP_TIMEOUT_MS = 300_000;

let work: string;
let app: string;
let packedFiles: string[];
let tarball: string;
let installOutput: string;

interface VitestJson {
  readonly testResults: readonly { readonly assertionResults: readonly { fullName: string; status: string; failureMessages: string[] }[] }[];
}

function readVitestJson(file: string): Map<string, { status: string; failureMessages: string[] }> {
  const json = JSON.parse(readFileSync(file, 'utf8')) as VitestJson;
  return new Map(json.testResults.flatMap((f) => f.assertionResults).map((r) => [r.fullName, r]));
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'fax-kit-e2e-'));
  const kit = join(work, 'kit');
  copyAsCleanClone(repo, kit);
  // `prepack` builds dist in the copy, as on a fresh clone (no script runs when a user installs the package).
  const packed = await runOrThrow(`npm pack --json --pack-destination ${JSON.stringify(work)}`, kit);
  const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  if (!info) throw new Error(`npm pack printed no package: ${packed.stdout}`);
  packedFiles = info.files.map((f) => f.path);

  tarball = join(work, info.filename);

  app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'fax-app', private: true, type: 'module' }, null, 2));
  for (const file of readdirSync(appFiles)) cpSync(join(appFiles, file), join(app, file));
  const installed = await runOrThrow(
    `npm install ${JSON.stringify(tarball)} vitest@^4.1 express@^5 msw@^2 @fast-check/vitest@^0.5 @types/node@^20 typescript@^5 --prefer-offline --no-audit --no-fund`,
    app,
  );
  installOutput = installed.stdout + installed.stderr;
}, SETUP_TIMEOUT_MS);

// The temporary project holds a full node_modules; set KEEP_E2E=1 to look at it after a failure.
afterAll(() => {
  if (work && !process.env.KEEP_E2E) rmSync(work, { recursive: true, force: true });
});

describe('the packed package', { timeout: 120_000 }, () => {
  it('ships the built library, its types, the examples and the docs, and no tests or TypeScript sources', () => {
    const unexpected = packedFiles.filter(
      (path) => !/^(dist\/(src|properties)\/.+\.(js|d\.ts)|examples\/replies\/.+|examples\/server\/fax-server\.ts|README\.md|docs\/[\w.-]+\.(md|json)|ARCHITECTURE\.md|LICENSE|package\.json)$/.test(path),
    );
    expect(unexpected).toEqual([]);
    expect(packedFiles.filter((path) => /\.test\./.test(path))).toEqual([]);
    for (const entry of ['dist/src/bin.js', 'dist/src/index.d.ts', 'dist/src/harness/index.d.ts', 'dist/src/pact/index.d.ts', 'dist/properties/index.d.ts', 'dist/src/vitest/index.d.ts', 'dist/src/msw/index.d.ts']) {
      expect(packedFiles).toContain(entry);
    }
  });

  it('ships no file whose relative imports point outside the package', () => {
    const shipped = new Set(packedFiles);
    const broken = packedFiles
      .filter((path) => /\.(js|ts)$/.test(path) && !path.endsWith('.d.ts'))
      .flatMap((path) => {
        const source = readFileSync(join(work, 'kit', path), 'utf8');
        const targets = [...source.matchAll(/(?:from|import\()\s*'(\.\.?\/[^']+)'/g)].map((m) => posix.join(posix.dirname(path), m[1] ?? ''));
        return targets.filter((target) => !shipped.has(target) && !shipped.has(target.replace(/\.js$/, '.ts'))).map((target) => `${path} -> ${target}`);
      });
    expect(broken).toEqual([]);
  });

  it('installs with no install script of its own (npm warns about none)', () => {
    // npm 11 lists packages whose install scripts it has not been told to allow; the user's msw or esbuild may be
    // there, the kit must not.
    expect(installOutput.split('\n').filter((line) => /install-scripts?\b.*twiml-fax-kit/i.test(line))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(app, 'node_modules/twiml-fax-kit/package.json'), 'utf8')) as { scripts?: Record<string, string> };
    expect(Object.keys(manifest.scripts ?? {}).filter((name) => /^(pre|post)?install$|^prepare$/.test(name))).toEqual([]);
  });

  it('imports the core and the harness in a project that installed nothing but the kit (no msw, vitest or Pact)', async () => {
    const bare = join(work, 'bare');
    mkdirSync(bare);
    writeFileSync(join(bare, 'package.json'), JSON.stringify({ name: 'bare-app', private: true, type: 'module' }));
    const installed = await runOrThrow(`npm install ${JSON.stringify(tarball)} --prefer-offline --no-audit --no-fund`, bare);
    expect(installed.stdout + installed.stderr).not.toMatch(/install-scripts/);
    expect(existsSync(join(bare, 'node_modules/msw'))).toBe(false);
    const script = [
      "const [kit, harness] = await Promise.all([import('twiml-fax-kit'), import('twiml-fax-kit/harness')]);",
      "const report = await harness.checkServer({ handler: () => new Response('<Response><Receive/></Response>', { headers: { 'Content-Type': 'text/xml' } }), url: 'http://localhost/fax' }, { runs: 1, seed: 1 });",
      'console.log(typeof kit.validateFaxTwiml, typeof report.ok);',
    ].join(' ');
    const result = await run(`node --input-type=module -e ${JSON.stringify(script)}`, bare);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('function boolean\n');
  });

  it('installs without Pact, an optional peer dependency only the pact commands need', () => {
    expect(existsSync(join(app, 'node_modules/twiml-fax-kit/package.json'))).toBe(true);
    expect(existsSync(join(app, 'node_modules/@pact-foundation/pact'))).toBe(false);
  });

  it('answers npx twiml-fax-kit --help and --version', async () => {
    const help = await run('npx twiml-fax-kit --help', app);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: twiml-fax-kit <command> [options]');
    const version = await run('npx twiml-fax-kit --version', app);
    expect(version.stdout).toBe(`${(JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string }).version}\n`);
  });

  it('says in one line that the pact commands need Pact when it is not installed', async () => {
    const result = await run('npx twiml-fax-kit pact generate --provider fax-app', app);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('twiml-fax-kit: @pact-foundation/pact is not installed; the pact commands need it: npm install --save-dev @pact-foundation/pact@^17 (on Node 20: @^16.5)\n');
  });

  it('imports the core and its subpaths from plain JavaScript, without Pact installed; the harness is not in the core', async () => {
    const script = [
      "const subpaths = ['twiml-fax-kit', 'twiml-fax-kit/harness', 'twiml-fax-kit/pact', 'twiml-fax-kit/properties', 'twiml-fax-kit/msw', 'twiml-fax-kit/vitest'];",
      'const [kit, harness, pact, properties, msw, vitest] = await Promise.all(subpaths.map((s) => import(s)));',
      'console.log(typeof kit.validateFaxTwiml, typeof kit.checkServer, typeof harness.checkServer, typeof pact.writeFaxPact, typeof properties.faxWebhookParams, typeof msw.twilioFaxHandlers, typeof vitest.describeFaxConformance);',
    ].join(' ');
    const result = await run(`node --input-type=module -e ${JSON.stringify(script)}`, app);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('function undefined function function function function function\n');
  });

  // The user's own TypeScript 5 too, with the settings older projects still have (classic node resolution).
  it.each([
    ['the kit\'s TypeScript, NodeNext', tsc, { module: 'NodeNext', moduleResolution: 'NodeNext', skipLibCheck: false }],
    ['TypeScript 5, Bundler', 'node_modules/typescript/bin/tsc', { module: 'ESNext', moduleResolution: 'Bundler', skipLibCheck: false }],
    ['TypeScript 5, node (node10)', 'node_modules/typescript/bin/tsc', { module: 'ESNext', moduleResolution: 'node', skipLibCheck: true }],
  ])('resolves the types of the core and every subpath from %s', async (_name, compiler, settings) => {
    writeFileSync(
      join(app, 'check-types.ts'),
      `import { validateFaxTwiml, type Report } from 'twiml-fax-kit';
import { checkServer } from 'twiml-fax-kit/harness';
import { writeFaxPact } from 'twiml-fax-kit/pact';
import { faxWebhookParams } from 'twiml-fax-kit/properties';
import { describeFaxConformance, type FaxConformanceOptions } from 'twiml-fax-kit/vitest';
import { twilioFaxHandlers, type TwilioFaxHandlersOptions } from 'twiml-fax-kit/msw';

const report: Promise<Report> = checkServer({ url: 'http://127.0.0.1:3000/fax' }, { runs: 1 });
const options: FaxConformanceOptions = { runs: 5, seed: 1, expect: 'receive' };
const mswOptions: TwilioFaxHandlersOptions = { mediaRequiresAuth: true };
// @ts-expect-error: the types are precise, not any (runs is a number)
const wrong: FaxConformanceOptions = { runs: 'many' };
export { report, options, mswOptions, wrong, validateFaxTwiml, writeFaxPact, faxWebhookParams, describeFaxConformance, twilioFaxHandlers };
`,
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', ...settings, strict: true, noEmit: true, types: ['node'] }, files: ['check-types.ts'] }),
    );
    const result = await run(`node ${JSON.stringify(compiler)} -p tsconfig.json`, app);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('checks the Express app it starts with --start and --wait-for, writes JUnit, and stops the app', async () => {
    const port = await freePort();
    const result = await run(
      `npx twiml-fax-kit check http://127.0.0.1:${port}/fax --start "node server.js" --wait-for http://127.0.0.1:${port}/health --runs 5 --seed 1 --reporter pretty --reporter junit:reports/fax.xml`,
      app,
      userEnv({ PORT: String(port) }),
    );
    expect(result.stderr).toBe('server output: .twiml-fax-kit/server.log\n');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`http://127.0.0.1:${port}/fax`);
    const junit = readFileSync(join(app, 'reports/fax.xml'), 'utf8');
    expect(junit).toMatch(/<testsuite [^>]*failures="0"/);
    expect(readFileSync(join(app, '.twiml-fax-kit/server.log'), 'utf8')).toContain(`fax app on http://127.0.0.1:${port}`);
    expect(await isListening(port)).toBe(false);
  });

  it('reports a defective app as a failed JUnit testcase with the Twilio code, the hint and a curl line', async () => {
    const port = await freePort();
    const result = await run(
      `npx twiml-fax-kit check http://127.0.0.1:${port}/fax --start "node server.js" --wait-for http://127.0.0.1:${port}/health --runs 5 --seed 1 --reporter junit:reports/defective.xml`,
      app,
      userEnv({ PORT: String(port), FAX_REPLY_TYPE: 'text/plain' }),
    );
    expect(result.code).toBe(1);
    const junit = readFileSync(join(app, 'reports/defective.xml'), 'utf8');
    const failure = /<testcase [^>]*name="content-type[^"]*"[^>]*>\s*<failure[^>]*>([\s\S]*?)<\/failure>/.exec(junit)?.[1] ?? '';
    expect(failure).toContain('12300');
    expect(failure).toContain('Hint:');
    expect(failure).toContain('curl ');
    expect(await isListening(port)).toBe(false);
  });

  it('runs describeFaxConformance as vitest tests that pass for the conforming app and fail for the defective one', async () => {
    const result = await run('npx vitest run conformance.test.js --reporter=json --outputFile=reports/conformance.json', app);
    expect(result.code).toBe(1);
    const tests = readVitestJson(join(app, 'reports/conformance.json'));
    const statuses = Object.fromEntries([...tests].map(([name, r]) => [name.replace(/:.*$/, ''), r.status]));
    expect(statuses).toEqual({
      'conforming app reachable': 'passed',
      'conforming app status-code': 'passed',
      'conforming app content-type': 'passed',
      'conforming app fax-action': 'passed',
      'conforming app get-post': 'skipped',
      'defective app reachable': 'passed',
      'defective app status-code': 'passed',
      'defective app content-type': 'failed',
      'defective app fax-action': 'passed',
      'defective app get-post': 'skipped',
    });
    const failure = [...tests].find(([name]) => name.startsWith('defective app content-type'))?.[1].failureMessages.join('\n') ?? '';
    expect(failure).toContain('Twilio 12300 Invalid Content-Type');
    expect(failure).toContain('Hint:');
    expect(failure).toMatch(/Reproduce with:\s+curl /);
  });

  it('runs describeFaxConformance on an Express app in process ({ listener }, no port) and over a URL, with the same verdicts', async () => {
    const result = await run('npx vitest run in-process.test.js --reporter=json --outputFile=reports/in-process.json', app);
    const tests = readVitestJson(join(app, 'reports/in-process.json'));
    const statuses = Object.fromEntries([...tests].map(([name, r]) => [name.replace(/:.*$/, ''), r.status]));
    const checks = ['reachable', 'status-code', 'content-type', 'fax-action'];
    expect(statuses).toEqual(Object.fromEntries(['express in process', 'express over a URL'].flatMap((target) => checks.map((check) => [`${target} ${check}`, 'passed']))));
    expect(result.code).toBe(0);
  });

  it("runs the user's msw media test and @fast-check/vitest property test offline", async () => {
    const result = await run('npx vitest run media.test.js properties.test.js --reporter=json --outputFile=reports/own.json', app);
    const tests = readVitestJson(join(app, 'reports/own.json'));
    expect(Object.fromEntries([...tests].map(([name, r]) => [name, r.status]))).toEqual({
      'saves the PDF of a received fax': 'passed',
      'answers every incoming fax with valid TwiML (with seed=1)': 'passed',
    });
    expect(result.code).toBe(0);
  });
});
