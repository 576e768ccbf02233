import { describe, expect, it } from 'vitest';
import { shouldUseColor } from '../../src/reporters/color.js';

const tty = { isTTY: true, write: () => true };
const pipe = { isTTY: false, write: () => true };

describe('shouldUseColor', () => {
  it('colours a terminal and not a pipe', () => {
    expect(shouldUseColor(tty, {})).toBe(true);
    expect(shouldUseColor(pipe, {})).toBe(false);
  });

  it('turns colour off for NO_COLOR and TERM=dumb, but not for an empty NO_COLOR', () => {
    expect(shouldUseColor(tty, { NO_COLOR: '1' })).toBe(false);
    expect(shouldUseColor(tty, { TERM: 'dumb' })).toBe(false);
    expect(shouldUseColor(tty, { NO_COLOR: '' })).toBe(true);
  });

  it('honours FORCE_COLOR in both directions', () => {
    expect(shouldUseColor(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(shouldUseColor(pipe, { FORCE_COLOR: '' })).toBe(true);
    expect(shouldUseColor(tty, { FORCE_COLOR: '0' })).toBe(false);
    expect(shouldUseColor(tty, { FORCE_COLOR: 'false' })).toBe(false);
  });

  it('lets --color and --no-color win over the environment', () => {
    expect(shouldUseColor(pipe, { NO_COLOR: '1' }, true)).toBe(true);
    expect(shouldUseColor(tty, { FORCE_COLOR: '1' }, false)).toBe(false);
  });
});
