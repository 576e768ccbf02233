import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPOSITORY } from '../../scripts/docs/page.js';

// What `npm publish` would ship, as npm itself lists it (no build: only the files that exist are listed, which is
// all that matters for the documentation).
const { stdout } = await promisify(execFile)('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPOSITORY, env: { ...process.env, npm_config_loglevel: 'silent' } });
const packed = new Set((JSON.parse(stdout) as [{ files: { path: string }[] }])[0].files.map((f) => f.path));
const manifest = JSON.parse(readFileSync(resolve(REPOSITORY, 'package.json'), 'utf8')) as {
  files: string[];
  main: string;
  types: string;
  bin: Record<string, string>;
  exports: Record<string, string | Record<string, string>>;
};

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function anchorOf(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-');
}

/** The anchors a Markdown file's headings make. */
function anchorsIn(text: string): Set<string> {
  return new Set(withoutCodeBlocks(text).split('\n').flatMap((line) => /^#{1,6} (.+)$/.exec(line)?.[1] ?? []).map(anchorOf));
}

function withoutCodeBlocks(text: string): string {
  return text.replace(/^```[\s\S]*?^```$/gm, '');
}

/** Every relative link of a shipped Markdown file: `[text](target)`, outside code. */
function relativeLinks(path: string): { target: string; anchor?: string }[] {
  const text = withoutCodeBlocks(readFileSync(resolve(REPOSITORY, path), 'utf8'));
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1] ?? '')
    .filter((href) => !/^[a-z][a-z0-9+.-]*:/i.test(href))
    .map((href) => {
      const [file = '', anchor] = href.split('#');
      return { target: file === '' ? path : posix.normalize(posix.join(posix.dirname(path), file)), ...(anchor !== undefined && { anchor }) };
    });
}

const shippedMarkdown = [...packed].filter((path) => path.endsWith('.md'));

describe('the published package', () => {
  it('ships the README and the docs', () => {
    for (const path of ['README.md', 'docs/README.md', 'docs/cli.md', 'docs/checks.md', 'docs/report.md', 'docs/report.schema.json', 'docs/api.md', 'docs/assumptions.md', 'docs/protocol.md']) {
      expect(packed, path).toContain(path);
    }
  });

  it.each(shippedMarkdown)('%s links only to files it ships, and to headings that exist', (path) => {
    const broken = relativeLinks(path).flatMap(({ target, anchor }) => {
      if (!packed.has(target)) return [`${target} is not in the package`];
      if (anchor === undefined || !target.endsWith('.md')) return [];
      return anchorsIn(readFileSync(resolve(REPOSITORY, target), 'utf8')).has(anchor) ? [] : [`${target} has no heading #${anchor}`];
    });
    expect(broken).toEqual([]);
  });

  it('points main, types, bin and every export at files it ships', () => {
    const targets = [manifest.main, manifest.types, ...Object.values(manifest.bin), ...Object.values(manifest.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)))];
    // npm always ships package.json; everything else must be under an entry of `files`.
    const shipped = (path: string) => path === 'package.json' || manifest.files.some((entry) => path === entry || path.startsWith(`${entry}/`));
    expect(targets.map((t) => t.replace(/^\.\//, '')).filter((path) => !shipped(path))).toEqual([]);
    // Outside dist (built on pack), a target must be there already.
    for (const target of targets.map((t) => t.replace(/^\.\//, '')).filter((path) => !path.startsWith('dist/'))) expect(packed, target).toContain(target);
  });
});
