import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { PairCookieJars } from '../../../src/checks/conversation/pair-cookie-jars.js';
import { VirtualClock } from '../../../src/checks/conversation/virtual-clock.js';

const URL = 'http://127.0.0.1:3000/fax';
const FOUR_HOURS = 4 * 60 * 60 * 1000;
const A = { From: '+15005550006', To: '+15005550001' };
const B = { From: '+15005550007', To: '+15005550001' };

describe('PairCookieJars', () => {
  it('sends a pair the cookies its replies set', async () => {
    const clock = new VirtualClock();
    const jars = await PairCookieJars.create(FOUR_HOURS);
    jars.store(A, ['session=1; Path=/', 'lang=en'], URL, clock.now());
    expect(jars.cookieHeader(A, URL, clock.advance(60_000))).toBe('session=1; lang=en');
  });

  it('forgets a pair after 4 hours without a request, by the virtual clock', async () => {
    const clock = new VirtualClock();
    const jars = await PairCookieJars.create(FOUR_HOURS);
    jars.store(A, ['session=1; Max-Age=86400'], URL, clock.now());
    expect(jars.cookieHeader(A, URL, clock.advance(FOUR_HOURS - 1))).toBe('session=1');
    // Each request restarts the idle time; only 4 hours of silence ends it.
    expect(jars.cookieHeader(A, URL, clock.advance(FOUR_HOURS - 1))).toBe('session=1');
    expect(jars.cookieHeader(A, URL, clock.advance(FOUR_HOURS))).toBe('');
  });

  it('expires a cookie by its own Max-Age on the virtual clock', async () => {
    const clock = new VirtualClock();
    const jars = await PairCookieJars.create(FOUR_HOURS);
    jars.store(A, ['short=1; Max-Age=30', 'long=2; Max-Age=3600'], URL, clock.now());
    expect(jars.cookieHeader(A, URL, clock.advance(60_000))).toBe('long=2');
  });

  it('ignores a cookie RFC 6265 rejects instead of failing', async () => {
    const clock = new VirtualClock();
    const jars = await PairCookieJars.create(FOUR_HOURS);
    jars.store(A, ['x=1; Domain=other.example'], URL, clock.now());
    expect(jars.cookieHeader(A, URL, clock.now())).toBe('');
  });

  test.prop([fc.tuple(fc.string(), fc.string()), fc.tuple(fc.string(), fc.string()), fc.stringMatching(/^[a-z]{1,8}$/)])(
    'never sends one pair the cookies of another',
    async ([fromA, toA], [fromB, toB], name) => {
      fc.pre(fromA !== fromB || toA !== toB);
      const clock = new VirtualClock();
      const jars = await PairCookieJars.create(FOUR_HOURS);
      jars.store({ From: fromA, To: toA }, [`${name}=1`], URL, clock.now());
      expect(jars.cookieHeader({ From: fromB, To: toB }, URL, clock.now())).toBe('');
      expect(jars.cookieHeader({ From: fromA, To: toA }, URL, clock.now())).toBe(`${name}=1`);
    },
  );

  it('keeps pairs apart even when their numbers share characters', async () => {
    const jars = await PairCookieJars.create(FOUR_HOURS);
    const now = new Date();
    jars.store({ From: 'a|b', To: 'c' }, ['s=1'], URL, now);
    expect(jars.cookieHeader({ From: 'a', To: 'b|c' }, URL, now)).toBe('');
    expect(jars.cookieHeader(B, URL, now)).toBe('');
  });
});
