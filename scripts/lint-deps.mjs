#!/usr/bin/env node
/**
 * `npm run lint:deps`: checks the dependency rules of ARCHITECTURE.md (.dependency-cruiser.cjs) with
 * dependency-cruiser, over `src/` and `properties/`. Exits non-zero on any violation.
 *
 * Why a skeleton: dependency-cruiser reads TypeScript through the `typescript` package's JavaScript API, and
 * TypeScript 7 (the native compiler this project builds with) has none, so dependency-cruiser would see no `.ts` file
 * at all. Each `.ts` file is therefore first reduced, by a real TypeScript parser (oxc, as rolldown ships it with
 * vitest), to a `.js` file that holds only its imports: value imports, `import type`, `export … from`, `import()` and
 * `import('x').T` types alike. dependency-cruiser cruises that skeleton, which has the sources' paths and edges.
 * Type-only imports count: a cycle or an upward import through types is still a tangle.
 *
 * Usage: node scripts/lint-deps.mjs [--root DIR] [-- dependency-cruiser options]
 *   --root DIR  check the sources under DIR instead of this repository's (the rules stay this repository's)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAst } from 'rolldown/parseAst';

const SOURCE_FOLDERS = ['src', 'properties'];
const repository = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const args = process.argv.slice(2);
const rootAt = args.indexOf('--root');
const root = rootAt >= 0 ? resolve(args[rootAt + 1] ?? '.') : repository;
const passThrough = args.includes('--') ? args.slice(args.indexOf('--') + 1) : [];

// Inside the root, so that bare specifiers resolve through its node_modules as the sources' do; one folder per run, so
// two runs at once do not trip over each other (git-ignored).
const skeleton = join(root, '.lint-deps', String(process.pid));
rmSync(skeleton, { recursive: true, force: true });

/** Every module specifier a TypeScript file depends on, types included, as written. */
function specifiersOf(code, file) {
  const found = [];
  const visit = (node) => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    const literal =
      node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration' || node.type === 'ExportNamedDeclaration' || node.type === 'ImportExpression'
        ? node.source
        : node.type === 'TSImportType'
          ? (node.argument?.literal ?? node.argument)
          : undefined;
    if (literal?.type === 'Literal' && typeof literal.value === 'string') found.push(literal.value);
    for (const key in node) visit(node[key]);
  };
  visit(parseAst(code, { lang: 'ts', sourceType: 'module' }, file));
  return found;
}

function* typeScriptFiles(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* typeScriptFiles(path);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && !entry.name.endsWith('.test.ts')) yield path;
  }
}

const folders = SOURCE_FOLDERS.filter((folder) => existsSync(join(root, folder)));
let files = 0;
for (const folder of folders) {
  for (const file of typeScriptFiles(join(root, folder))) {
    const imports = specifiersOf(readFileSync(file, 'utf8'), file).map((specifier) => `import ${JSON.stringify(specifier)};\n`);
    const target = join(skeleton, relative(root, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, imports.join(''));
    files += 1;
  }
}
if (files === 0) {
  console.error(`lint-deps: no TypeScript file under ${SOURCE_FOLDERS.join(' or ')} in ${root}`);
  process.exit(2);
}

const cruiser = join(repository, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const result = spawnSync(process.execPath, [cruiser, '--config', join(repository, '.dependency-cruiser.cjs'), '--output-type', 'err', ...passThrough, ...folders], {
  cwd: skeleton,
  stdio: 'inherit',
});
rmSync(skeleton, { recursive: true, force: true });
if (readdirSync(dirname(skeleton)).length === 0) rmSync(dirname(skeleton), { recursive: true, force: true });
process.exit(result.status ?? 2);
