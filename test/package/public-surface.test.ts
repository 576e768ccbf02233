import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { publicExports, type PublicExport } from './public-exports.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const manifest = JSON.parse(readFileSync(resolve(repo, 'package.json'), 'utf8')) as { exports: Record<string, string | { types: string; default: string }> };

/** Each subpath of package.json `exports`, with the source file behind it. */
const entries = Object.entries(manifest.exports)
  .filter((entry): entry is [string, { types: string; default: string }] => typeof entry[1] === 'object')
  .map(([subpath, target]) => ({ subpath, source: resolve(repo, target.default.replace(/^\.\/dist\//, '').replace(/\.js$/, '.ts')) }));
const surface = new Map<string, PublicExport[]>(entries.map(({ subpath, source }) => [subpath, publicExports(source)]));
const everyExport = [...surface].flatMap(([subpath, exports]) => exports.map((e) => ({ subpath, ...e })));

describe('the public surface', () => {
  it('is the core at the root and the harness, Pact, msw, vitest and generators behind subpaths', () => {
    expect([...surface.keys()]).toEqual(['.', './harness', './pact', './msw', './vitest', './properties']);
    expect(Object.fromEntries([...surface].map(([subpath, exports]) => [subpath, exports.map((e) => e.name).sort()]))).toMatchSnapshot();
  });

  it('documents every export with a TSDoc comment', () => {
    const undocumented = everyExport.filter((e) => !e.documented).map((e) => `${e.subpath}: ${e.name} (${relative(repo, e.file)})`);
    expect(undocumented).toEqual([]);
  });

  it('exports each function and constant once, under one name', () => {
    const values = everyExport.filter((e) => e.kind === 'value');
    const byDeclaration = new Map<string, typeof values>();
    for (const e of values) {
      const declaration = `${relative(repo, e.file)}#${e.local}`;
      byDeclaration.set(declaration, [...(byDeclaration.get(declaration) ?? []), e]);
    }
    const twice = [...byDeclaration].filter(([, names]) => names.length > 1).map(([declaration, names]) => `${declaration}: ${names.map((n) => `${n.subpath} ${n.name}`).join(', ')}`);
    expect(twice).toEqual([]);
  });

  it('keeps the machinery of the CLI and the runner internal', () => {
    const names = new Set(everyExport.map((e) => e.name));
    for (const internal of ['countStartedServers', 'planCases', 'feedReporters', 'runConformance', 'createReporters', 'startServer', 'startMediaServer', 'runCli', 'encodeCanonically']) {
      expect(names.has(internal), internal).toBe(false);
    }
  });
});
