import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORD_HOOKS_SOURCE } from '../support/record-hooks.js';
import { run, runOrThrow } from './run.js';

// What `import 'twiml-fax-kit'` loads, as plain Node loads the built package: a module hook writes down the URL of
// every module resolved, and the process lists the built-in modules it loaded. No timing: the root stays cheap by
// loading none of the heavy modules, which only the harness and the adapters need.
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const HEAVY = ['undici', 'msw', '@mswjs', '@pact-foundation', 'tough-cookie', 'http-cache-semantics', 'fast-check', 'cli-progress', 'picocolors', 'vitest'];

let work: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'fax-kit-root-import-'));
  await runOrThrow(`node ${JSON.stringify(join(repo, 'node_modules/typescript/bin/tsc'))} -p tsconfig.build.json --outDir ${JSON.stringify(join(work, 'dist'))}`, repo);
  writeFileSync(join(work, 'package.json'), JSON.stringify({ type: 'module' }));
  // Beside the kit's dependencies, so that a heavy import would load (and be recorded) rather than fail.
  symlinkSync(join(repo, 'node_modules'), join(work, 'node_modules'), 'dir');
  writeFileSync(
    join(work, 'record-hooks.mjs'),
    RECORD_HOOKS_SOURCE,
  );
  writeFileSync(join(work, 'record.mjs'), "import { register } from 'node:module';\nregister('./record-hooks.mjs', import.meta.url, { data: { out: process.env.RECORD_TO } });\n");
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The modules importing `entry` (a built file) loads: resolved URLs, and Node's own modules. */
async function modulesLoadedBy(entry: string, name: string): Promise<{ urls: string[]; builtins: string[]; exports: number }> {
  const out = join(work, `${name}.urls`);
  const script = `const m = await import(${JSON.stringify(`./dist/${entry}`)}); console.log(Object.keys(m).length, JSON.stringify(process.moduleLoadList));`;
  const result = await run(`node --import ./record.mjs --input-type=module -e ${JSON.stringify(script)}`, work, { ...process.env, RECORD_TO: out });
  expect(result.stderr).toBe('');
  const printed = result.stdout.trim();
  const builtins = JSON.parse(printed.slice(printed.indexOf(' ') + 1)) as string[];
  return { urls: readFileSync(out, 'utf8').trim().split('\n'), builtins, exports: Number(printed.slice(0, printed.indexOf(' '))) };
}

const heavyIn = (urls: readonly string[]): string[] => urls.filter((url) => HEAVY.some((name) => url.includes(`/node_modules/${name}/`)));
const childProcessIn = (loaded: { urls: string[]; builtins: string[] }): boolean =>
  loaded.urls.includes('node:child_process') || loaded.builtins.some((m) => /\bchild_process$/.test(m));

describe('importing the root entry', { timeout: 60_000 }, () => {
  it('loads the validator and signatures, and no HTTP client, msw, Pact, generator, cookie, cache or process module', async () => {
    const loaded = await modulesLoadedBy('src/index.js', 'root');
    expect(loaded.exports).toBeGreaterThan(0);
    expect(loaded.urls).toContain(`file://${join(work, 'dist/src/twiml/validate.js')}`);
    expect(loaded.urls).toContain(`file://${join(work, 'dist/src/signature/sign.js')}`);
    expect(heavyIn(loaded.urls)).toEqual([]);
    expect(loaded.urls.filter((url) => url.includes('/node_modules/'))).toEqual([]);
    expect(childProcessIn(loaded)).toBe(false);
  });

  it('is told apart from the harness entry, which loads undici (fast-check, cookies and caching on first use), but not msw (a peer of ./msw only)', async () => {
    const loaded = await modulesLoadedBy('src/harness/index.js', 'harness');
    const packages = new Set(heavyIn(loaded.urls).map((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1]));
    expect([...packages]).toContain('undici');
    expect([...packages].filter((name) => name === 'msw' || name?.startsWith('@mswjs/'))).toEqual([]);
  });

  it('is told apart from the generators, which load fast-check', async () => {
    const loaded = await modulesLoadedBy('properties/index.js', 'properties');
    expect(heavyIn(loaded.urls).some((url) => url.includes('/node_modules/fast-check/'))).toBe(true);
  });

  it('is told apart from the process code of check --start, which loads node:child_process to start the server under test', async () => {
    const loaded = await modulesLoadedBy('src/lifecycle/index.js', 'lifecycle');
    expect(childProcessIn(loaded)).toBe(true);
  });

  it('is not what the CLI loads for --help and --version: no command module, so no harness, Pact or process code', async () => {
    const loaded = await modulesLoadedBy('src/cli/run-cli.js', 'cli');
    expect(childProcessIn(loaded)).toBe(false);
    expect(heavyIn(loaded.urls)).toEqual([]);
  });
});
