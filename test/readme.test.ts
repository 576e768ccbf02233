import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS } from '../src/protocol/assumptions.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('the README', () => {
  it('names every assumption the kit makes, with its statement', () => {
    for (const assumption of ASSUMPTIONS) {
      expect(readme).toContain(`| \`${assumption.id}\` | ${assumption.statement} |`);
    }
  });

  it('gives exactly two quick-start commands, the second being the test command', () => {
    const quickStart = readme.split('## Quick start')[1]?.split('##')[0] ?? '';
    const commands = quickStart.split('\n').filter((line) => /^npm /.test(line));
    expect(commands.map((c) => c.split('#')[0]?.trim())).toEqual(['npm ci && npm start', 'npm test']);
  });
});
