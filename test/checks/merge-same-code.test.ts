import { describe, expect, it } from 'vitest';
import { mergeSameCode } from '../../src/checks/verdicts/merge-same-code.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';

const unknown = (name: string): Diagnostic => ({ check: 'known-attributes', code: 'unknown_attribute', severity: 'warning', message: `${name} is not an attribute of <Receive>`, path: `Response/Receive/@${name}` });

describe('mergeSameCode', () => {
  it('keeps a reply with one diagnostic per code as it is', () => {
    const diagnostics = [unknown('foo'), { ...unknown('bar'), code: 'other' }];
    expect(mergeSameCode(diagnostics)).toEqual(diagnostics);
  });

  it('names five other places at most and counts the rest, whatever the reply holds', () => {
    const [merged, ...rest] = mergeSameCode(Array.from({ length: 7_000 }, (_, i) => unknown(`a${i}`)));
    expect(rest).toEqual([]);
    expect(merged?.message).toBe('a0 is not an attribute of <Receive>; also in this reply: Response/Receive/@a1, Response/Receive/@a2, Response/Receive/@a3, Response/Receive/@a4, Response/Receive/@a5, and 6,994 more');
    expect(merged?.path).toBe('Response/Receive/@a0');
  });
});
