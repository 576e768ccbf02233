import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPOSITORY } from '../../scripts/docs/page.js';
import { publicExports } from '../../scripts/docs/public-exports.js';

const page = readFileSync(resolve(REPOSITORY, 'docs/api.md'), 'utf8');
const manifest = JSON.parse(readFileSync(resolve(REPOSITORY, 'package.json'), 'utf8')) as { exports: Record<string, string | { default: string }> };
const entries = Object.entries(manifest.exports).flatMap(([subpath, target]) =>
  typeof target === 'object' ? [{ specifier: subpath === '.' ? 'twiml-fax-kit' : `twiml-fax-kit/${subpath.slice(2)}`, source: resolve(REPOSITORY, target.default.replace(/^\.\/dist\//, '').replace(/\.js$/, '.ts')) }] : [],
);

/** The part of the page about one entry: from its heading to the next entry's. */
function sectionOf(specifier: string): string {
  const start = page.indexOf(`\n## \`${specifier}\`\n`);
  const next = page.indexOf('\n## ', start + 1);
  return start === -1 ? '' : page.slice(start, next === -1 ? undefined : next);
}

describe('docs/api.md', () => {
  it.each(entries.map((entry) => [entry.specifier, entry] as const))('lists every export of %s with its kind and the start of its TSDoc', (specifier, { source }) => {
    const section = sectionOf(specifier);
    expect(section, `no section for ${specifier}`).not.toBe('');
    for (const e of publicExports(source)) {
      const row = section.split('\n').find((line) => line.startsWith(`| \`${e.name}\` |`));
      expect(row, `${specifier}: ${e.name}`).toContain(`| ${e.declarationKind} |`);
      expect(row, `${specifier}: ${e.name}`).not.toContain('(undocumented)');
    }
  });
});
