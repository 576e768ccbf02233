import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// vitest.config.ts sorts the test files into unit, integration and e2e by folder and file. A file that matches no
// project would never run, and one that matches two would run twice; only vitest knows which files its globs pick,
// so this asks a child vitest for its list and compares it with the test files on disk.
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const vitestBin = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const ROOTS = ['test', 'src', 'properties', 'contracts'];

function testFilesOnDisk(): string[] {
  return ROOTS.flatMap((root) => {
    try {
      return readdirSync(join(repo, root), { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.test.ts'))
        .map((file) => `${root}/${file.split('\\').join('/')}`);
    } catch {
      return []; // a root that does not exist holds no tests
    }
  }).sort();
}

function projectsOfEachFile(): Map<string, string[]> {
  const listed = JSON.parse(
    execFileSync(process.execPath, [vitestBin, 'list', '--filesOnly', '--json'], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } }),
  ) as { file: string; projectName: string }[];
  const projects = new Map<string, string[]>();
  for (const { file, projectName } of listed) {
    const path = relative(repo, file).split('\\').join('/');
    projects.set(path, [...(projects.get(path) ?? []), projectName]);
  }
  return projects;
}

describe('the test projects', { timeout: 60_000 }, () => {
  it('run every test file on disk in exactly one of unit, integration and e2e', () => {
    const projects = projectsOfEachFile();
    const misplaced = testFilesOnDisk()
      .map((file) => ({ file, projects: projects.get(file) ?? [] }))
      .filter((entry) => entry.projects.length !== 1);
    // Each entry names the file: add it (or its folder) to one list of TEST_PLACES in vitest.config.ts.
    expect(misplaced).toEqual([]);
    expect(new Set([...projects.values()].flat())).toEqual(new Set(['unit', 'integration', 'e2e']));
  });
});
