import type { Exchange } from '../model/exchange.js';
import { withoutCredentials } from '../secrets/hide-credentials.js';
import { judged, notJudged, type Check, type CheckIssue } from './check-api/types.js';
import { fallbackLabel, fallbackRequest, faxUrlFailure, seededFailure } from './fallback-request.js';
import { ABORTED } from './verdicts/exchange-outcome.js';
import { mergeSameCode } from './verdicts/merge-same-code.js';
import { describeSummary, summarizeReply } from './verdicts/reply-summary.js';
import { judgeReply } from './verdicts/reply-verdict.js';

/** The value of header `name` on the first request of `exchange`, as sent. */
function sentHeader(exchange: Exchange, name: string): string | undefined {
  const headers = exchange.hops[0]?.request.headers ?? {};
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : headers[key];
}

/** Why the check cannot run without a fallback URL. */
export const NO_FALLBACK_URL = "needs --fallback-url (the number's fallback URL); the run plays no fallback";

/**
 * `fallback-reply`: the number's fallback URL answers a usable reply when the fax URL fails. Twilio requests the
 * fallback "immediately" when it cannot retrieve or execute the fax URL's TwiML, with `ErrorCode` and `ErrorUrl` added
 * (docs/protocol.md, "Fallback URL"), and a fallback that fails too fails the fax: an error. Each case's fax request
 * that failed is followed by its fallback request; a case whose fax URL answered sends the fallback as if the fax URL
 * had failed with a seeded error code (labelled so), so the fallback is judged on every case (docs/check.md,
 * "Fallback URL"). Its reply is judged by the same verdict as the fax URL's.
 */
export const fallbackReplyCheck: Check = {
  id: 'fallback-reply',
  // Played beside the fax URL (`--fallback-url`); `--endpoint fallback` judges a fallback handler with the webhook's checks.
  endpoints: ['webhook'],
  title: 'the fallback URL answers valid TwiML when the fax URL fails',
  scope: 'case',
  skipReason: (config) => (config.fallbackUrl === undefined ? NO_FALLBACK_URL : undefined),
  async run(context) {
    const { config } = context;
    const { profile, fallbackUrl } = config;
    if (fallbackUrl === undefined) return notJudged(NO_FALLBACK_URL);
    const failed = faxUrlFailure(context.exchange, profile);
    if (failed === 'aborted') return notJudged(ABORTED);
    const failure = failed ?? seededFailure(context.random, profile, context.request.url, context.case.kind === 'example');
    // The same fax: the token the fax URL's request carried, read from what was sent (assumption `fallback-same-fax`).
    const token = sentHeader(context.exchange, profile.sender.idempotencyHeader);
    const faxRequest = token === undefined ? context.request : { ...context.request, idempotencyToken: token };
    const exchange = await context.send(fallbackRequest(faxRequest, fallbackUrl, failure, profile));
    const summary = summarizeReply(exchange, profile);
    if (summary.outcome === 'aborted') return notJudged(ABORTED);
    const label = fallbackLabel(failure);
    const shown = withoutCredentials(fallbackUrl);
    if (summary.outcome === 'failed') {
      return judged([
        {
          exchange,
          label,
          diagnostic: {
            code: 'fallback_fails',
            severity: 'error',
            ...(summary.twilioError !== undefined && { twilioError: summary.twilioError }),
            message: `the fallback URL ${shown} ${describeSummary(summary)}, ${failure.seeded ? `asked as if the fax URL had failed with ${failure.code}` : `after the fax URL failed with ${failure.code}`}: ${profile.service} would have nothing left to try and would fail the fax`,
            hint: `answer the fallback request with a 2xx and fax TwiML whatever its ${profile.fallback.errorCodeParam} and ${profile.fallback.errorUrlParam} say: they are two more parameters of the same fax, not a different request`,
          },
        },
      ]);
    }
    // The same verdict as the fax URL's reply (the twiml-reply checks), each diagnostic naming the fallback.
    const verdict = judgeReply(exchange, profile);
    const issues: CheckIssue[] = mergeSameCode(verdict?.diagnostics ?? []).map(({ check: _validatorCheck, ...diagnostic }) => ({
      exchange,
      label,
      diagnostic: { ...diagnostic, message: `the fallback URL ${shown} answers: ${diagnostic.message}` },
    }));
    return judged(issues);
  },
};
