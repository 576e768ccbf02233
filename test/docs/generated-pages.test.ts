import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedPages } from '../../scripts/docs/generate.js';
import { REPOSITORY } from '../../scripts/docs/page.js';

const pages = await generatedPages();

describe('the generated reference pages', () => {
  it('are the four pages npm run docs writes', () => {
    expect(pages.map((page) => page.path)).toEqual(['docs/cli.md', 'docs/checks.md', 'docs/api.md', 'docs/assumptions.md']);
  });

  it.each(pages.map((page) => [page.path, page] as const))('%s is what the code says today (run npm run docs after a change)', (path, page) => {
    expect(readFileSync(resolve(REPOSITORY, path), 'utf8'), `${path} is stale: run npm run docs`).toBe(page.text);
  });

  it.each(pages.map((page) => [page.path, page] as const))('%s says at the top that it is generated, and by what', (_path, page) => {
    const [title, blank, note] = page.text.split('\n');
    expect(title).toMatch(/^# /);
    expect(blank).toBe('');
    expect(note).toMatch(/^> Generated from .+ by `npm run docs` \(`scripts\/docs\/generate\.ts`\)\.$/);
  });
});
