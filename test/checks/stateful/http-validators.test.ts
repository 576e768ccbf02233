import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { isEntityTag, isHttpDate, isStrongEntityTag } from '../../../src/checks/http-cache/http-validators.js';

const etagc = fc.stringMatching(/^[\x21\x23-\x7E]*$/);

describe('HTTP validators', () => {
  test.prop([etagc, fc.boolean()])('accepts every quoted entity tag, strong or weak', (opaque, weak) => {
    const tag = `${weak ? 'W/' : ''}"${opaque}"`;
    expect(isEntityTag(tag)).toBe(true);
    expect(isStrongEntityTag(tag)).toBe(!weak);
  });

  it.each(['abc', '"a b"', '"a"b"', 'w/"abc"', "'abc'", '"abc'])('refuses %s', (tag) => {
    expect(isEntityTag(tag)).toBe(false);
  });

  test.prop([fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2999-12-31T23:59:59Z'), noInvalidDate: true })])('accepts every date as Date#toUTCString writes it', (date) => {
    expect(isHttpDate(date.toUTCString())).toBe(true);
  });

  it.each(['Sunday, 06-Nov-94 08:49:37 GMT', 'Sun Nov  6 08:49:37 1994'])('accepts the obsolete form %s', (date) => {
    expect(isHttpDate(date)).toBe(true);
  });

  it.each(['2024-05-01T10:00:00Z', '1714557600', 'Wed, 01 May 2024 10:00:00 +0000', 'yesterday'])('refuses %s', (date) => {
    expect(isHttpDate(date)).toBe(false);
  });
});
