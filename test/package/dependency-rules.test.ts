import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from './run.js';

// `npm run lint:deps` (scripts/lint-deps.mjs with .dependency-cruiser.cjs) is what keeps ARCHITECTURE.md's layers true.
// These tests prove it passes on the kit and fails on the tangles it exists to catch.
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const lintDeps = `node ${JSON.stringify(join(repo, 'scripts/lint-deps.mjs'))}`;
const fixtures: string[] = [];

/** A project holding only `files`, next to the kit's node_modules, for the kit's rules to judge. */
function project(files: Readonly<Record<string, string>>): string {
  const root = mkdtempSync(join(tmpdir(), 'fax-kit-deps-'));
  fixtures.push(root);
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

afterAll(() => {
  for (const root of fixtures) rmSync(root, { recursive: true, force: true });
});

describe('the dependency rules', { timeout: 60_000 }, () => {
  it('find no cycle and no upward import in the kit', async () => {
    const result = await run(lintDeps, repo);
    expect(result.stdout + result.stderr).toContain('no dependency violations found');
    expect(result.code).toBe(0);
  });

  it('fail on an import cycle, even one made of type imports, and on a layer importing one above it', async () => {
    const root = project({
      'src/model/report.ts': "import type { Plan } from '../runner/plan.js';\nexport type Report = { plan: Plan };\n",
      'src/runner/plan.ts': "import type { Report } from '../model/report.js';\nexport type Plan = { last?: Report };\n",
    });
    const result = await run(`${lintDeps} --root ${JSON.stringify(root)}`, root);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toMatch(/error no-circular: src\/model\/report\.js →\s+src\/runner\/plan\.js →\s+src\/model\/report\.js/);
    expect(result.stdout).toContain('error layer-model: src/model/report.js → src/runner/plan.js');
  });

  it('fail when the root entry reaches the harness, a heavy package or an entry is imported from inside', async () => {
    const root = project({
      'src/index.ts': "export { check } from './twiml/check.js';\nexport { run } from './harness/run.js';\n",
      'src/twiml/check.ts': "import { request } from 'undici';\nexport const check = request;\n",
      'src/harness/run.ts': 'export const run = 1;\n',
      'properties/params.ts': "import { check } from '../src/index.js';\nexport const params = check;\n",
    });
    const result = await run(`${lintDeps} --root ${JSON.stringify(root)}`, root);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toContain('error root-entry-is-the-core: src/index.js → src/harness/run.js');
    expect(result.stdout).toMatch(/error root-entry-stays-light: src\/index\.js → \S*node_modules\/undici\//);
    expect(result.stdout).toContain('error no-entry-from-inside: properties/params.js → src/index.js');
    expect(result.stdout).toContain('error properties-imports-core-only: properties/params.js → src/index.js');
  });
});
