import type { Exchange, WebhookRequest } from '../../model/exchange.js';
import { describeSummary, newErrors, sameReply, summarizeReply } from '../verdicts/reply-summary.js';
import { rootCauses } from '../verdicts/root-causes.js';
import { findSignatureMistake } from '../signatures/find-signature-mistake.js';
import { refusalHint, refusalOf } from '../hints/refusal-hint.js';
import { frameworkOf } from '../hints/server-framework.js';
import { failsOnlyWithoutSession } from './session-cookie.js';
import { ABORTED } from '../verdicts/exchange-outcome.js';
import { whyNotJudged } from '../hints/failure-owner.js';
import { judged, NO_REPLY_TO_JUDGE, notJudged, type CheckContext, type CheckOutcome } from '../check-api/types.js';

/** How a variant check words and codes its two ways of failing. */
export interface VariantRule {
  /** Diagnostic code when the variant fails although the reference works. */
  readonly failCode: string;
  /** Diagnostic code when both work but mean different things; absent: a different reply is fine. */
  readonly differCode?: string;
  readonly hint: string;
}

/** What sets a variant apart from the case's own request, for the report. */
export interface VariantShown {
  /** The label of the variant's findings, when the case's label does not describe it (e.g. a fax from SIP addresses). */
  readonly label?: string;
  /** What the reference request is, in a reason for judging nothing ("the base request" unless said). */
  readonly referenceName?: string;
}

/**
 * Sends `variant`, an equivalent of the request behind `reference`, and reports when it fails (no 2xx, or TwiML
 * errors the reference reply does not have) or is answered differently. Quiet when the reference got no 2xx: that
 * defect belongs to the check that saw it first; TwiML errors both replies share belong to the validator's checks.
 * A variant that fails only for want of the reference's session cookie is left to the `cookies` check, and a signed
 * variant refused 401/403 is explained as the signature mistake the server makes: neither is the variant's defect.
 */
export async function compareVariant(
  context: CheckContext,
  rule: VariantRule,
  reference: Exchange,
  variant: WebhookRequest,
  described: string,
  shown: VariantShown = {},
): Promise<CheckOutcome> {
  const profile = context.config.profile;
  const expected = summarizeReply(reference, profile);
  // Nothing is sent when the reference failed: its failure is the finding of the check that owns it.
  if (expected.outcome !== 'answered') return notJudged(whyNotJudged(reference, context.config, shown.referenceName) ?? NO_REPLY_TO_JUDGE);
  const label = shown.label === undefined ? {} : { label: shown.label };
  const exchange = await context.send(variant);
  const actual = summarizeReply(exchange, profile);
  if (actual.outcome === 'aborted') return notJudged(ABORTED);
  const broken = rootCauses(newErrors(expected, actual))[0];
  if (broken) {
    return judged([
      {
        exchange,
        reference,
        ...label,
        diagnostic: {
          code: rule.failCode,
          severity: 'error',
          ...(broken.twilioError ? { twilioError: broken.twilioError } : {}),
          message: `${described}: the reply has an error the reference reply does not (${broken.check}: ${broken.message})`,
          // The fix is the reply's: the variant only showed the server writes it for such a request.
          hint: broken.hint ?? rule.hint,
        },
      },
    ]);
  }
  if (actual.outcome === 'failed') {
    if (await failsOnlyWithoutSession(context, reference, variant)) return notJudged('the variant failed only for want of the session cookie (see cookies)');
    // With a token, a variant refused over its signature is a validation that misreads it: name the mistake when known.
    const refused = context.config.hasAuthToken ? refusalHint(exchange, context.config) : undefined;
    const mistake = refused && refusalOf(exchange) === 'signature' ? await findSignatureMistake(context, variant) : undefined;
    return judged([
      {
        exchange,
        ...label,
        diagnostic: {
          code: rule.failCode,
          severity: 'error',
          ...(actual.twilioError ? { twilioError: actual.twilioError } : {}),
          message: `${described}: the server ${describeSummary(actual)}, where the reference request is answered ${describeSummary(expected)}${mistake ? `; it ${mistake.behaviour}` : ''}`,
          hint: mistake?.hint(frameworkOf(exchange)) ?? (refused ? refusedHint(rule, refused) : rule.hint),
        },
      },
    ]);
  }
  if (!rule.differCode || sameReply(expected, actual)) return judged();
  return judged([
    {
      exchange,
      reference,
      ...label,
      diagnostic: {
        code: rule.differCode,
        severity: 'error',
        message: `${described}: the server answers ${describeSummary(actual)}, where the reference request is answered ${describeSummary(expected)}`,
        hint: rule.hint,
      },
    },
  ]);
}

/**
 * A variant refused 401/403 that no known signature mistake explains may be refused over its signature or for what
 * it is (a server that refuses every GET): the hint says both, the variant's own first.
 */
function refusedHint(rule: VariantRule, refused: string): string {
  return `${rule.hint}; or, if the server refuses it over its signature: ${refused}`;
}
