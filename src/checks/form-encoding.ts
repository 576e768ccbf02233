import type { FormParams } from '../model/exchange.js';
import { encodeParams } from '../sender/encode-params.js';
import { FORM_ENCODINGS } from './variants/form-encodings.js';
import { withSipAddresses } from './variants/sip-params.js';
import { judged, NO_REPLY_TO_JUDGE, type Check, type CheckContext, type CheckOutcome } from './check-api/types.js';
import { compareVariant, type VariantRule } from './variants/compare-variant.js';

const RULE: VariantRule = {
  failCode: 'encoding_variant_fails',
  differCode: 'encoding_changes_reply',
  hint: "decode the body with a real form decoder (URLSearchParams, your framework's urlencoded parser): '+' is a space, %XX is a UTF-8 byte in either case, order does not matter",
};

/**
 * `form-encoding`: equivalent encodings of one request (order, `+`/`%20`, hex case, percent-encoded unreserved
 * characters) are answered alike. Runs on the case's phone-number parameters and on its SIP parameters, whose
 * display names carry the spaces, quotes and non-ASCII that naive decoders get wrong.
 */
export const formEncodingCheck: Check = {
  id: 'form-encoding',
  title: 'equivalent form encodings get the same reply',
  scope: 'case',
  async run(context) {
    const sipParams = withSipAddresses(context.case.input, context.config.profile.parameters.names);
    const sipReference = await context.send({ ...context.request, params: sipParams, encodedParams: encodeParams(sipParams) });
    const outcomes: CheckOutcome[] = [];
    for (const [params, reference] of [[context.request.params, context.exchange], [sipParams, sipReference]] as const) {
      const outcome = await compareEncodings(context, params, reference);
      // One defect shows in every encoding; the first is enough for this case.
      if (outcome.issues.length > 0) return outcome;
      outcomes.push(outcome);
    }
    // A pass means judged: at least one encoding was compared with a reference that worked.
    return outcomes.find((outcome) => outcome.notJudged === undefined) ?? outcomes[0] ?? judged();
  },
};

/** Compares every equivalent encoding with the reference; judged when any was compared, the first defect ends it. */
async function compareEncodings(context: CheckContext, params: FormParams, reference: Parameters<typeof compareVariant>[2]): Promise<CheckOutcome> {
  let unjudged: CheckOutcome | undefined;
  let compared = false;
  for (const encoding of FORM_ENCODINGS) {
    const variant = { ...context.request, params, encodedParams: encoding.encode(params) };
    const outcome = await compareVariant(context, RULE, reference, variant, `the same parameters with ${encoding.description}`);
    if (outcome.issues.length > 0) return outcome;
    if (outcome.notJudged === undefined) compared = true;
    else unjudged ??= outcome;
    // A reference that failed leaves nothing to compare any encoding with.
    if (outcome.notJudged === NO_REPLY_TO_JUDGE) break;
  }
  return compared ? judged() : (unjudged ?? judged());
}
