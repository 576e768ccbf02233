import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cell, pageHeader, REPOSITORY, type GeneratedPage } from './page.js';
import { moduleDoc, publicExports, type PublicExport } from './public-exports.js';

interface Entry {
  /** The import specifier, e.g. `twiml-fax-kit/harness`. */
  readonly specifier: string;
  /** The TypeScript source behind it. */
  readonly source: string;
}

/** Every entry of package.json `exports` that is code, with its TypeScript source (`./dist/x.js` is `x.ts`). */
function entries(): Entry[] {
  const manifest = JSON.parse(readFileSync(resolve(REPOSITORY, 'package.json'), 'utf8')) as { name: string; exports: Record<string, unknown> };
  return Object.entries(manifest.exports).flatMap(([subpath, target]) => {
    const file = typeof target === 'object' && target !== null ? (target as { default?: string }).default : undefined;
    if (!file?.endsWith('.js')) return [];
    const specifier = subpath === '.' ? manifest.name : `${manifest.name}/${subpath.replace(/^\.\//, '')}`;
    return [{ specifier, source: resolve(REPOSITORY, file.replace(/^\.\/dist\//, '').replace(/\.js$/, '.ts')) }];
  });
}

/** The first sentence of a TSDoc text: up to a full stop followed by a new sentence (not "e.g." or "i.e."). */
export function firstSentence(doc: string): string {
  const paragraph = (doc.split(/\n\s*\n/)[0] ?? '').replace(/\s*\n\s*/g, ' ').trim();
  const end = /(?<!\be\.g|\bi\.e|\betc|\bvs)\.(?=\s+[A-Z`(*])/.exec(paragraph);
  return end ? paragraph.slice(0, end.index + 1) : paragraph;
}

function row(e: PublicExport): string {
  return `| \`${e.name}\` | ${e.declarationKind} | ${cell(firstSentence(e.doc)) || '(undocumented)'} |`;
}

function section({ specifier, source }: Entry): string {
  const exports = publicExports(source);
  const values = exports.filter((e) => e.kind === 'value');
  const types = exports.filter((e) => e.kind === 'type');
  const table = (list: readonly PublicExport[]) =>
    ['| export | kind | what |', '|---|---|---|', ...[...list].sort((a, b) => a.name.localeCompare(b.name)).map(row)].join('\n');
  return [
    `## \`${specifier}\``,
    '',
    moduleDoc(source).replace(/\s*\n\s*/g, ' '),
    '',
    `\`import { … } from '${specifier}';\``,
    '',
    '### Functions, classes and constants',
    '',
    table(values),
    '',
    '### Types',
    '',
    types.length > 0 ? table(types) : 'None.',
    '',
  ].join('\n');
}

/** `docs/api.md`: every export of every entry point, with the first sentence of its TSDoc. */
export function renderApiPage(): GeneratedPage {
  const all = entries();
  const text = [
    pageHeader('Library API', 'the TSDoc of every export of the entry points in `package.json` `exports`'),
    'Each entry point, its exports, and the first sentence of each one\'s TSDoc; your editor shows the rest. The root',
    'entry is the pure core (no HTTP client, msw, Pact or process code); the harness and the adapters live behind',
    'subpaths. How to use them, with examples: [the library guide](library.md).',
    '',
    ...all.map((entry) => `- [\`${entry.specifier}\`](#${anchor(entry.specifier)})`),
    '',
    ...all.map(section),
  ].join('\n');
  return { path: 'docs/api.md', text };
}

/** GitHub's anchor for a heading that is just `specifier` in backticks. */
function anchor(specifier: string): string {
  return specifier.toLowerCase().replace(/[^a-z0-9 -]/g, '');
}
