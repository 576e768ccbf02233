import { describe, expect, it } from 'vitest';
import { countWork, growthOnDoubling } from './count-work.js';

// The linearity tests of the validator stand on this measure, so it must tell a single pass from a rescan.
const tags = (n: number): string => '<a/>'.repeat(n);

describe('countWork', () => {
  it('finds a single pass twice the work on twice the input', () => {
    const onePass = (text: string) => {
      let found = 0;
      for (let i = text.indexOf('<'); i !== -1; i = text.indexOf('<', i + 1)) found++;
      return found;
    };
    expect(growthOnDoubling(tags, 1_000, onePass)).toBeCloseTo(2, 1);
  });

  it('finds a rescan from the start per element four times the work on twice the input', () => {
    const rescan = (text: string) => {
      let columns = 0;
      for (let i = text.indexOf('<'); i !== -1; i = text.indexOf('<', i + 1)) columns += text.slice(0, i).length;
      return columns;
    };
    expect(growthOnDoubling(tags, 1_000, rescan)).toBeCloseTo(4, 1);
  });

  it('counts the scans of regular expressions, whichever method runs them', () => {
    const text = 'x'.repeat(1_000);
    expect(countWork(() => /y/.test(text))).toBe(1_001);
    expect(countWork(() => text.search(/y/))).toBe(1_001);
    expect(countWork(() => text.replace(/y/g, 'z'))).toBe(1_001);
  });

  it('counts the elements an array search visits, through its callback', () => {
    const list = Array.from({ length: 100 }, (_, i) => i);
    expect(countWork(() => list.find((value) => value === 9))).toBe(1 + 10);
    expect(countWork(() => list.some((value) => value < 0))).toBe(1 + 100);
  });

  it('puts the built-ins back, even when the function throws', () => {
    const { indexOf } = String.prototype;
    const { exec } = RegExp.prototype;
    expect(() => countWork(() => {
      throw new Error('boom');
    })).toThrow('boom');
    expect(String.prototype.indexOf).toBe(indexOf);
    expect(RegExp.prototype.exec).toBe(exec);
    expect(countWork(() => undefined)).toBe(0);
  });
});
