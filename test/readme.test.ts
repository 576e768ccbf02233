import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS } from '../src/protocol/assumptions.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('the README', () => {
  it('lists exactly the assumptions the kit makes, in order, with their statements and reasons', () => {
    const table = readme.slice(readme.indexOf('| id | the kit assumes | because |'));
    const rows = table.split('\n').slice(2).filter((line, index, all) => all.slice(0, index + 1).every((l) => l.startsWith('|')));
    expect(rows).toEqual(ASSUMPTIONS.map((a) => `| \`${a.id}\` | ${a.statement} | ${a.why} |`));
  });

  it('gives exactly two quick-start commands, the second being the test command', () => {
    const quickStart = readme.split('## Quick start')[1]?.split('##')[0] ?? '';
    const commands = quickStart.split('\n').filter((line) => /^npm /.test(line));
    expect(commands.map((c) => c.split('#')[0]?.trim())).toEqual(['npm ci && npm start', 'npm test']);
  });
});
