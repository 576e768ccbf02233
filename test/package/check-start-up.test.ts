import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORD_HOOKS_SOURCE } from '../support/record-hooks.js';
import { run, userEnv } from './run.js';

// What the `check` command loads, in a process of its own. No timing (npm run bench measures the start-up): `check`
// starts fast by loading undici's Client and connector alone, not its index, and by loading what its first request
// does not need (fast-check and the generators, tough-cookie, http-cache-semantics, cli-progress, the reporters not
// asked for, the process code of --start, Pact, msw) only after it, or never. A module hook writes down every
// module resolved, and a subscriber of undici's channel for written headers marks where the first request went out.
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Dependencies `check` must not load before its first request (issue 14); the first four do load later in a run. */
const NOT_BEFORE_FIRST_REQUEST = ['fast-check', 'pure-rand', 'tough-cookie', 'http-cache-semantics', 'cli-progress', 'tldts', 'msw', '@mswjs', '@pact-foundation', 'vitest'];
/** The kit's own modules `check` must not load before its first request: the generators, the reporters not asked for, --start, Pact, msw. */
const KIT_NOT_BEFORE_FIRST_REQUEST = [/\/properties\/(?!_internals\/failed-fax-errors)/, /\/src\/runner\/(generated-cases|shrink)\./, /\/src\/reporters\/(html\/|json|junit|github|markdown)/, /\/src\/lifecycle\/(start-server|guardian|with-started-server|wait-for-http)\./, /\/src\/pact\//, /\/src\/msw\//];

const FIRST_REQUEST = 'FIRST REQUEST OUT';

let work: string;
let server: Server;
let url: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'fax-kit-start-up-'));
  writeFileSync(
    join(work, 'record-hooks.mjs'),
    RECORD_HOOKS_SOURCE,
  );
  writeFileSync(
    join(work, 'record.mjs'),
    [
      "import { register, createRequire } from 'node:module';",
      "import { channel } from 'node:diagnostics_channel';",
      "import { appendFileSync } from 'node:fs';",
      "import { pathToFileURL } from 'node:url';",
      'const out = process.env.RECORD_TO;',
      "register(new URL('./record-hooks.mjs', import.meta.url), { data: { out } });",
      // CommonJS modules that CommonJS requires (undici's, cli-progress's) never reach the module hook.
      "const Module = createRequire(import.meta.url)('node:module');",
      'const load = Module._load;',
      'Module._load = function (request, parent, isMain) {',
      '  const loaded = load.apply(this, arguments);',
      "  try { appendFileSync(out, pathToFileURL(Module._resolveFilename(request, parent, isMain)).href + '\\n'); } catch {}",
      '  return loaded;',
      '};',
      "globalThis.headersWritten = channel('undici:client:sendHeaders');",
      'let first = true;',
      `globalThis.headersWritten.subscribe(() => { if (first) appendFileSync(out, '${FIRST_REQUEST}\\n'); first = false; });`,
    ].join('\n'),
  );
  // A reply with an ETag, so that caching has something to revalidate (and loads its cache rules).
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(200, { 'content-type': 'text/xml', etag: '"v1"' }).end('<Response><Receive/></Response>'));
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/fax`;
}, 60_000);

afterAll(async () => {
  await new Promise((closed) => server?.close(closed));
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The modules a `check` run loads before its first request goes out, and after it. */
async function checkRun(name: string, args: string): Promise<{ before: string[]; after: string[] }> {
  const out = join(work, `${name}.urls`);
  const command = `node --import tsx --import ${JSON.stringify(join(work, 'record.mjs'))} src/bin.ts check ${url} --seed 1 --runs 3 ${args}`;
  const result = await run(command, repo, userEnv({ RECORD_TO: out }));
  expect(result.stderr).toBe('');
  const lines = readFileSync(out, 'utf8').trim().split('\n');
  const first = lines.indexOf(FIRST_REQUEST);
  expect(first).toBeGreaterThan(0);
  return { before: lines.slice(0, first), after: lines.slice(first + 1) };
}

const packagesIn = (urls: readonly string[], names: readonly string[]): string[] =>
  [...new Set(names.filter((name) => urls.some((url) => url.includes(`/node_modules/${name}/`))))];

describe("the check command's start-up", { timeout: 120_000 }, () => {
  it("loads undici's Client and connector, not undici's index", async () => {
    const script = [
      "import { createRequire } from 'node:module';",
      "await import('./src/cli/check.ts');",
      "const undici = Object.keys(createRequire(import.meta.url).cache).filter((file) => file.includes('/node_modules/undici/')).map((file) => file.slice(file.indexOf('/node_modules/undici/') + 21));",
      'console.log(JSON.stringify(undici));',
    ].join(' ');
    const result = await run(`node --import tsx --input-type=module -e ${JSON.stringify(script)}`, repo, userEnv());
    expect(result.stderr).toBe('');
    const loaded = JSON.parse(result.stdout) as string[];
    expect(loaded).toContain('lib/dispatcher/client.js');
    expect(loaded).toContain('lib/core/connect.js');
    expect(loaded).not.toContain('index.js');
    expect(loaded.filter((file) => file.startsWith('lib/web/'))).toEqual([]);
  });

  it('sends its first request before loading fast-check, the generators, cookies, caching, progress bar, other reporters, --start, Pact or msw', async () => {
    const { before, after } = await checkRun('get', `--method both --reporter pretty --reporter json:${join(work, 'report.json')}`);

    expect(packagesIn(before, NOT_BEFORE_FIRST_REQUEST)).toEqual([]);
    expect(before.filter((url) => KIT_NOT_BEFORE_FIRST_REQUEST.some((pattern) => pattern.test(url)))).toEqual([]);
    // The same run loads them once they are needed: the generated cases, the cookie jars, caching's GET, the JSON report.
    expect(packagesIn(after, ['fast-check', 'tough-cookie', 'http-cache-semantics'])).toEqual(['fast-check', 'tough-cookie', 'http-cache-semantics']);
    expect(after.some((url) => /\/src\/reporters\/json\./.test(url))).toBe(true);
    expect(after.some((url) => /\/src\/reporters\/html\//.test(url))).toBe(false);
  });
});
