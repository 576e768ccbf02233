import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { helpText } from '../../scripts/docs/cli-page.js';
import { REPOSITORY } from '../../scripts/docs/page.js';
import { publicExports } from '../../scripts/docs/public-exports.js';

// The commands and imports the README and the guides show, checked against the real CLI and entry points, so a
// renamed flag or export fails here rather than in a user's terminal. docs/cli.md is the --help itself.
const pages = ['README.md', ...readdirSync(resolve(REPOSITORY, 'docs')).filter((f) => f.endsWith('.md') && f !== 'cli.md').map((f) => `docs/${f}`)];
const read = (page: string) => readFileSync(resolve(REPOSITORY, page), 'utf8');

/** The code blocks of a Markdown page. */
function codeBlocks(text: string): string[] {
  return [...text.matchAll(/^```[a-z]*\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? '');
}

/**
 * Each `twiml-fax-kit` command line of a code block, with its continuation lines (after `\`, or YAML's folded lines
 * that start with `--`) joined, and the `npx`, environment and comment around it left out.
 */
function commandLines(block: string): string[] {
  const lines = block.split('\n');
  const found: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const at = /twiml-fax-kit (?=check|validate|pact)/.exec(lines[i] ?? '');
    if (!at) continue;
    let line = (lines[i] ?? '').slice(at.index);
    while (/\\$/.test(line) || /^\s+--/.test(lines[i + 1] ?? '')) line = `${line.replace(/\\$/, '')} ${(lines[++i] ?? '').trim()}`;
    found.push(line.replace(/\s+#.*$/, ''));
  }
  return found;
}

const commands = pages.flatMap((page) => codeBlocks(read(page)).flatMap(commandLines).map((line) => [page, line] as const));
const imports = pages.flatMap((page) =>
  codeBlocks(read(page)).flatMap((block) =>
    [...block.matchAll(/import \{([^}]+)\} from '(twiml-fax-kit(?:\/[a-z]+)?)'/g)].map((m) => [page, m[2] ?? '', (m[1] ?? '').split(',').map((n) => n.trim().replace(/^type /, '')).filter(Boolean)] as const),
  ),
);
const manifest = JSON.parse(read('package.json')) as { exports: Record<string, string | { default: string }> };

describe('the commands and imports the docs show', () => {
  it('are found: the README and the guides show the CLI and the entry points at work', () => {
    expect(commands.length).toBeGreaterThan(10);
    expect(new Set(commands.map(([, line]) => line.split(' ')[1]))).toEqual(new Set(['check', 'validate', 'pact']));
    expect(imports.length).toBeGreaterThan(3);
  });

  it.each(commands)('%s: `%s` uses only flags its --help lists', async (_page, line) => {
    const [, command, sub] = line.split(' ');
    const help = await helpText(command === 'pact' ? [command, sub ?? '', '--help'] : [command ?? '', '--help']);
    const flags = [...line.matchAll(/(?<=\s)--[a-z][a-z-]*/g)].map((m) => m[0]);
    expect(flags.filter((flag) => !new RegExp(`(^|[\\s,])${flag}(?=[\\s=,]|$)`, 'm').test(help))).toEqual([]);
  });

  it.each(imports)('%s: the names imported from %s are exports of it', (_page, specifier, names) => {
    const subpath = specifier === 'twiml-fax-kit' ? '.' : `./${specifier.slice('twiml-fax-kit/'.length)}`;
    const target = manifest.exports[subpath];
    expect(target, `${specifier} is not an entry point`).toBeTypeOf('object');
    const source = resolve(REPOSITORY, (target as { default: string }).default.replace(/^\.\/dist\//, '').replace(/\.js$/, '.ts'));
    const exported = new Set(publicExports(source).map((e) => e.name));
    expect(names.filter((name) => !exported.has(name))).toEqual([]);
  });
});
