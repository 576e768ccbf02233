import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS } from '../../src/protocol/assumptions.js';
import { REPOSITORY } from '../../scripts/docs/page.js';

const page = readFileSync(resolve(REPOSITORY, 'docs/assumptions.md'), 'utf8');

describe('docs/assumptions.md', () => {
  it('lists exactly the assumptions the kit makes, in order, with their statements and reasons', () => {
    const rows = page.split('\n').filter((line) => line.startsWith('| `'));
    expect(rows).toEqual(ASSUMPTIONS.map((a) => `| \`${a.id}\` | ${a.statement.replaceAll('|', '\\|')} | ${a.why.replaceAll('|', '\\|')} |`));
  });
});
