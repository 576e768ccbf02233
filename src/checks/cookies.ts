import type { Exchange, WebhookRequest } from '../model/exchange.js';
import { asNewFax, freshCaller, paramOf } from './conversation/fresh-ids.js';
import { PairCookieJars, type NumberPair } from './conversation/pair-cookie-jars.js';
import { rejectedSetCookie } from './conversation/set-cookie-issue.js';
import { VirtualClock } from './conversation/virtual-clock.js';
import { exchangeOutcome, twilioErrorOf } from './verdicts/exchange-outcome.js';
import { whyNotJudged } from './hints/failure-owner.js';
import { judged, notJudged, type Check, type CheckContext, type CheckIssue } from './check-api/types.js';

/** Time between two faxes of the conversation that are meant to share cookies. */
const SHORT_PAUSE_MS = 60_000;

/** One request of the conversation: who faxes, what it carried, and what came back. */
interface Turn {
  readonly request: WebhookRequest;
  readonly exchange: Exchange;
  readonly cookie: string;
}

/**
 * `cookies`: a conversation as Twilio holds it, on a virtual clock with one RFC 6265 jar per (From, To) pair: a
 * first fax, a second one carrying the cookies the server set, a fax from another pair (which carries none), and a
 * fax after the pair has been idle longer than Twilio keeps cookies (4 hours: none again). The pairs are new to the
 * server, so the traffic of other checks cannot have started a session for them.
 */
export const cookiesCheck: Check = {
  id: 'cookies',
  title: 'sessions work as Twilio keeps cookies (per number pair, 4 hours idle)',
  scope: 'run',
  async run(context) {
    // A webhook that fails the case's own request would fail the conversation's faxes alike: nothing is sent.
    const baseFailed = whyNotJudged(context.exchange, context.config);
    if (baseFailed) return notJudged(baseFailed);
    const { profile } = context.config;
    const { names } = profile.parameters;
    const { cookieIdleExpiryMs } = profile.sender;
    const clock = new VirtualClock();
    const jars = await PairCookieJars.create(cookieIdleExpiryMs);
    const to = paramOf(context.request.params, names.to) ?? '';
    const first: NumberPair = { From: freshCaller(context.random), To: to };
    let other: NumberPair = { From: freshCaller(context.random), To: to };
    if (other.From === first.From) other = { From: `${first.From.slice(0, -1)}${first.From.endsWith('9') ? '8' : '9'}`, To: to };

    const turn = async (pair: NumberPair): Promise<Turn> => {
      const now = clock.now();
      const cookie = jars.cookieHeader(pair, context.request.url, now);
      const request: WebhookRequest = {
        method: context.request.method,
        url: context.request.url,
        params: asNewFax(context.request.params, context.random, profile, { [names.from]: pair.From, [names.to]: pair.To }),
        ...(cookie !== '' && { headers: { Cookie: cookie } }),
      };
      const exchange = await context.send(request);
      for (const hop of exchange.hops) if (hop.response) jars.store(pair, hop.response.setCookies, hop.request.url, now);
      return { request, exchange, cookie };
    };

    const opening = await turn(first);
    const rejected = rejectedSetCookie(opening.exchange);
    if (rejected) return judged([rejectedCookieIssue(context, opening.exchange, rejected, 'the first fax from a new pair of numbers')]);
    // A first fax that fails is the finding of the check that owns its failure; a server that sets no cookie has no
    // session to test.
    const firstFailed = whyNotJudged(opening.exchange, context.config, 'the first fax of the conversation');
    if (firstFailed) return notJudged(firstFailed);
    if (jars.count(first, context.request.url, clock.now()) === 0) return notJudged('the server sets no cookie: there is no session to test');

    clock.advance(SHORT_PAUSE_MS);
    const returning = await turn(first);
    const issues = judge(context, returning, 'fails_with_own_cookies', `a second fax from the same numbers, carrying the cookies the server set (${returning.cookie})`, 'the server failed on a request carrying its own session cookie: look for the exception in its logs and reproduce it with the curl line');
    clock.advance(SHORT_PAUSE_MS);
    issues.push(...judge(context, await turn(other), 'fails_for_new_pair', 'a fax from another pair of numbers, which carries none of the first pair\'s cookies', 'treat a request without cookies as a new session: Twilio keeps cookies per (From, To) pair and never shares them'));
    clock.advance(cookieIdleExpiryMs + SHORT_PAUSE_MS);
    const hours = cookieIdleExpiryMs / 3_600_000;
    issues.push(
      ...judge(
        context,
        await turn(first),
        'fails_after_cookie_expiry',
        `a fax from the first numbers again after ${hours} hours without traffic, when Twilio has forgotten their cookies`,
        `treat a request without cookies as a new session: Twilio drops a pair's cookies after ${hours} hours without traffic, so a returning caller may come without them`,
      ),
    );
    return judged(issues);
  },
};

// `described` doubles as the label: every request of the conversation is a new fax of the kit's, not the case's own.
function judge(context: CheckContext, turn: Turn, code: string, described: string, hint: string): CheckIssue[] {
  const rejected = rejectedSetCookie(turn.exchange);
  if (rejected) return [rejectedCookieIssue(context, turn.exchange, rejected, described)];
  const outcome = exchangeOutcome(turn.exchange, context.config.profile);
  if (outcome.ok || outcome.kind === 'aborted') return [];
  return [
    {
      exchange: turn.exchange,
      label: described,
      diagnostic: {
        code,
        severity: 'error',
        ...twilioErrorOf(outcome),
        message: `${described}: the server answers ${outcome.description}; Twilio fails that fax`,
        hint,
      },
    },
  ];
}

function rejectedCookieIssue(context: CheckContext, exchange: Exchange, violation: string, label: string): CheckIssue {
  return {
    exchange,
    label,
    diagnostic: {
      code: 'invalid_set_cookie',
      severity: 'error',
      // An HTTP protocol violation (Twilio's 11206).
      twilioError: context.config.profile.errors.failures.protocol,
      message: `${violation}; Twilio rejects the whole reply as an HTTP protocol violation and fails the fax`,
      hint: 'send Set-Cookie as name=value with a non-empty name and no control characters (use your framework\'s cookie API rather than writing the header by hand)',
    },
  };
}

