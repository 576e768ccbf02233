import type { Exchange, WebhookRequest } from '../model/exchange.js';
import type { FaxProfile } from '../protocol/profile.js';
import { asNewFax, paramOf } from './conversation/fresh-ids.js';
import { fallbackRequest, type FaxUrlFailure } from './fallback-request.js';
import type { TwilioErrorCode } from '../protocol/twilio-errors.js';
import { withoutCredentials } from '../secrets/hide-credentials.js';
import { ABORTED } from './verdicts/exchange-outcome.js';
import { describeSummary, summarizeReply, type ReplySummary } from './verdicts/reply-summary.js';
import { whyNotJudged } from './hints/failure-owner.js';
import { judged, notJudged, type Check, type CheckContext, type CheckIssue } from './check-api/types.js';

/** Why the check cannot run when the run plays no fallback. */
export const NO_SECOND_DELIVERY =
  "a fax reaches a server twice only through the number's fallback URL: give --fallback-url, or check the fallback handler with --endpoint fallback";

/** What stays the same on the second delivery, as the profile names it: "same FaxSid and I-Twilio-Idempotency-Token". */
function sameIds(profile: FaxProfile): string {
  return `same ${profile.parameters.names.faxSid} and ${profile.sender.idempotencyHeader}`;
}

function hintFor(profile: FaxProfile): string {
  return `a fallback request may carry a fax the fax URL already saw (it timed out or failed after storing it): treat a known ${profile.parameters.names.faxSid} (same ${profile.sender.idempotencyHeader}) as the same fax, answer it as the first time, e.g. with the stored reply, and do not fail on a duplicate key`;
}

/**
 * How a fax URL fails after the server stored the fax: it answers too late (11205) or stores it and then fails (a
 * 5xx, 11200). Either way Twilio counts a failure and delivers the same fax to the fallback.
 */
const FAILED_AFTER_STORING: readonly TwilioErrorCode[] = [11205, 11200];

/** The two deliveries of one fax: to the fax URL, then to the fallback URL after a failure of the first. */
interface Scenario {
  readonly first: WebhookRequest;
  readonly second: WebhookRequest;
  readonly failure: FaxUrlFailure;
  /** True when both go to one URL (a number whose fallback URL is its fax URL): the two replies are then comparable. */
  readonly sameUrl: boolean;
}

/**
 * The scenario of this run, or undefined when it plays no fallback: with `--fallback-url`, a new fax to the fax URL
 * and then to the fallback; when the case's own request is a fallback request (`--endpoint fallback`), a new fax to
 * that URL first as the fax URL (without `ErrorCode`), then as its own fallback.
 */
function scenarioOf(context: CheckContext): Scenario | undefined {
  const { profile, fallbackUrl } = context.config;
  const { errorCodeParam, errorUrlParam } = profile.fallback;
  const ownIsFallback = paramOf(context.request.params, errorCodeParam) !== undefined;
  if (fallbackUrl === undefined && !ownIsFallback) return undefined;
  const faxParams = context.request.params.filter(([name]) => name !== errorCodeParam && name !== errorUrlParam);
  const first: WebhookRequest = {
    method: context.request.method,
    url: context.request.url,
    params: asNewFax(faxParams, context.random, profile),
    idempotencyToken: context.random.uuid(),
  };
  const failure: FaxUrlFailure = { code: FAILED_AFTER_STORING[context.random.int(FAILED_AFTER_STORING.length)] ?? 11205, url: withoutCredentials(first.url), seeded: true };
  const secondUrl = fallbackUrl ?? context.request.url;
  return { first, second: fallbackRequest(first, secondUrl, failure, profile), failure, sameUrl: secondUrl === first.url };
}

/**
 * `idempotency`: the same fax delivered twice, as the fallback URL delivers it, the one documented way a server sees
 * a fax twice (docs/protocol.md, "Fallback URL"): to the fax URL, which fails as Twilio counts failure after the server
 * stored it (a timeout), then to the fallback URL with the same `FaxSid` and idempotency token, `ErrorCode` and
 * `ErrorUrl` added. A fallback that fails on it fails the fax: an error. Runs only when the run plays a fallback
 * (`--fallback-url`, or `--endpoint fallback`, where the URL is its own fallback). Uses a new fax, so no other
 * check's traffic can have delivered it already.
 */
export const idempotencyCheck: Check = {
  id: 'idempotency',
  title: 'the fallback answers a fax the fax URL already saw',
  scope: 'run',
  skipReason: (config) => (config.fallbackUrl === undefined && config.endpoint !== 'fallback' ? NO_SECOND_DELIVERY : undefined),
  async run(context) {
    const scenario = scenarioOf(context);
    if (!scenario) return notJudged(NO_SECOND_DELIVERY);
    // A webhook that fails the case's own request would fail the new fax alike: nothing is sent.
    const baseFailed = whyNotJudged(context.exchange, context.config);
    if (baseFailed) return notJudged(baseFailed);
    const profile = context.config.profile;
    const delivered = await context.send(scenario.first);
    // A first delivery that fails is the finding of the check that owns its failure: the fax never reached the server.
    const firstFailed = whyNotJudged(delivered, context.config, 'the first delivery');
    if (firstFailed) return notJudged(firstFailed === ABORTED ? ABORTED : `${firstFailed}: the server never had the fax`);
    const first = summarizeReply(delivered, profile);
    if (first.outcome !== 'answered') return notJudged('the first delivery got no reply to compare');
    const retry = await context.send(scenario.second);
    const second = summarizeReply(retry, profile);
    if (second.outcome === 'aborted') return notJudged(ABORTED);
    const label = `a new fax delivered to the fax URL, then to the ${scenario.sameUrl ? 'same URL as its fallback' : 'fallback URL'} as if the fax URL had failed with ${scenario.failure.code} after storing it (${sameIds(profile)})`;
    if (second.outcome === 'failed') {
      // A fallback that fails on every new fax is fallback-reply's finding, not a repeat's.
      const alone = await failsAlone(context, scenario, profile);
      if (alone === 'aborted') return notJudged(ABORTED);
      if (alone) return notJudged(`the fallback fails on a new fax too (${describeSummary(alone)}; see fallback-reply)`);
      return judged([failedIssue(retry, second, first, label, profile)]);
    }
    if (!scenario.sameUrl || second.verb === first.verb) return judged();
    return judged([
      {
        exchange: retry,
        label,
        diagnostic: {
          code: 'retry_changes_verb',
          severity: 'warning',
          message: `the same fax delivered again as the fallback request answers <${second.verb}>, where the first delivery got <${first.verb}>: a fax URL that failed once would change what happens to the fax`,
          hint: hintFor(profile),
        },
      },
    ]);
  },
};

/** The finding of a fallback that fails on a fax its fax URL already saw. */
function failedIssue(retry: Exchange, second: Extract<ReplySummary, { outcome: 'failed' }>, first: ReplySummary, label: string, profile: FaxProfile): CheckIssue {
  return {
    exchange: retry,
    label,
    diagnostic: {
      code: 'retry_fails',
      severity: 'error',
      ...(second.twilioError ? { twilioError: second.twilioError } : {}),
      message: `the same fax delivered again as the fallback request (${sameIds(profile)}): the server ${describeSummary(second)}, where the first delivery got ${describeSummary(first)}; after a failure of the fax URL, Twilio would fail the fax`,
      hint: hintFor(profile),
    },
  };
}

/**
 * Whether the fallback fails on a fax it has not seen either (another new fax, straight to it): undefined when it
 * answers one, the summary of its failure when it does not.
 */
async function failsAlone(context: CheckContext, scenario: Scenario, profile: FaxProfile): Promise<ReplySummary | 'aborted' | undefined> {
  const fresh: WebhookRequest = { ...scenario.second, params: asNewFax(scenario.second.params, context.random, profile), idempotencyToken: context.random.uuid() };
  const summary = summarizeReply(await context.send(fresh), profile);
  if (summary.outcome === 'aborted') return 'aborted';
  return summary.outcome === 'failed' ? summary : undefined;
}
