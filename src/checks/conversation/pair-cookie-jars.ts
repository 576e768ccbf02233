import type { Cookie, CookieJar } from 'tough-cookie';
import { loadOnce } from '../../model/load-once.js';

/** tough-cookie, loaded when a check first keeps cookies (most runs' first request needs none). */
const loadToughCookie = loadOnce(() => import('tough-cookie'));

/** The pair of numbers Twilio keys its cookies on. */
export interface NumberPair {
  readonly From: string;
  readonly To: string;
}

interface PairJar {
  jar: CookieJar;
  lastUsed: number;
}

/**
 * Twilio's cookie store (docs/protocol.md, "Stateful behaviour"): one RFC 6265 jar (tough-cookie) per (From, To) pair, never shared, and
 * forgotten after `idleExpiryMs` without a request for that pair. Times are passed in, from a virtual clock.
 */
export class PairCookieJars {
  private readonly jars = new Map<string, PairJar>();

  private constructor(
    private readonly idleExpiryMs: number,
    private readonly newJar: () => CookieJar,
  ) {}

  /** Empty jars that forget a pair after `idleExpiryMs` without a request for it; loads tough-cookie on first use. */
  static async create(idleExpiryMs: number): Promise<PairCookieJars> {
    const { CookieJar } = await loadToughCookie();
    return new PairCookieJars(idleExpiryMs, () => new CookieJar());
  }

  /** The `Cookie` header Twilio would send for `pair` to `url` at `now` ('' for none); marks the pair as used. */
  cookieHeader(pair: NumberPair, url: string, now: Date): string {
    const entry = this.live(pair, now);
    entry.lastUsed = now.getTime();
    return unexpired(entry.jar, url, now)
      .map((cookie) => cookie.cookieString())
      .join('; ');
  }

  /** Stores the `Set-Cookie` values of a reply to `url` for `pair`; values RFC 6265 ignores are ignored. */
  store(pair: NumberPair, setCookies: readonly string[], url: string, now: Date): void {
    const entry = this.live(pair, now);
    entry.lastUsed = now.getTime();
    for (const setCookie of setCookies) entry.jar.setCookieSync(setCookie, url, { now, ignoreError: true });
  }

  /** How many cookies the pair's jar would send to `url` at `now`, without marking the pair as used. */
  count(pair: NumberPair, url: string, now: Date): number {
    const entry = this.jars.get(keyOf(pair));
    if (!entry || now.getTime() - entry.lastUsed >= this.idleExpiryMs) return 0;
    return unexpired(entry.jar, url, now).length;
  }

  private live(pair: NumberPair, now: Date): PairJar {
    const key = keyOf(pair);
    const existing = this.jars.get(key);
    if (existing && now.getTime() - existing.lastUsed < this.idleExpiryMs) return existing;
    const fresh = { jar: this.newJar(), lastUsed: now.getTime() };
    this.jars.set(key, fresh);
    return fresh;
  }
}

/**
 * The cookies for `url` that are alive at the virtual `now`. tough-cookie's own expiry check reads the real clock, so
 * expiry is decided here: `Expires` as written, `Max-Age` counted from when the cookie was stored (virtual time).
 */
function unexpired(jar: CookieJar, url: string, now: Date): Cookie[] {
  return jar.getCookiesSync(url, { expire: false }).filter((cookie) => {
    const created = cookie.creation instanceof Date ? cookie.creation : undefined;
    const expiry = cookie.expiryTime(created);
    return expiry === undefined || expiry > now.getTime();
  });
}

// JSON keeps the two numbers apart whatever characters they hold (SIP addresses may contain any separator).
function keyOf(pair: NumberPair): string {
  return JSON.stringify([pair.From, pair.To]);
}
