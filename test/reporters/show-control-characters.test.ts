import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { showControlCharacters } from '../../src/reporters/show-control-characters.js';
import { hostileString } from './hostile-string.js';

describe('showControlCharacters', () => {
  it('makes terminal escapes, carriage returns and line separators visible and keeps tabs and line feeds', () => {
    expect(showControlCharacters('a\u001b[2J\r\n\tb\u0000\u009b\u2028')).toBe('a\\x1b[2J\\r\n\tb\\x00\\x9b\\u2028');
  });

  it('replaces lone surrogates and keeps paired ones', () => {
    expect(showControlCharacters('\uD800x😀\uDFFF')).toBe('\uFFFDx😀\uFFFD');
  });

  it('is idempotent: printable text stays as it is', () => {
    fc.assert(
      fc.property(hostileString(), (text) => {
        const once = showControlCharacters(text);
        expect(showControlCharacters(once)).toBe(once);
      }),
    );
  });
});
