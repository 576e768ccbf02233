import type { Exchange, FormParams } from '../model/exchange.js';
import { encodeParams } from '../sender/encode-params.js';
import { FORM_ENCODINGS } from './variants/form-encodings.js';
import { sipLabel, withSipAddresses } from './variants/sip-params.js';
import { judged, notJudged, type Check, type CheckContext, type CheckOutcome } from './check-api/types.js';
import { compareVariant, type VariantRule, type VariantShown } from './variants/compare-variant.js';
import { exchangeOutcome } from './verdicts/exchange-outcome.js';
import { whyNotJudged } from './hints/failure-owner.js';

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
    // Without a working base request there is nothing to compare with, and the SIP reference would fail alike.
    const failed = whyNotJudged(context.exchange, context.config);
    if (failed) return notJudged(failed);
    const phone = await compareEncodings(context, context.request.params, context.exchange, {});
    // One defect shows in every encoding; the first is enough for this case.
    if (phone.issues.length > 0) return phone;
    const { sip } = context.case.input;
    const sipParams = withSipAddresses(context.case.input, context.config.profile.parameters.names);
    const sipReference = await context.send({ ...context.request, params: sipParams, encodedParams: encodeParams(sipParams) });
    // A SIP reference that fails is sip-addresses' finding (it sends the same request): the phone numbers judged this case.
    const shown = { label: sipLabel(sip.From, sip.To), referenceName: 'the same fax from SIP addresses' };
    const fromSip = await compareEncodings(context, sipParams, sipReference, shown);
    if (fromSip.issues.length > 0) return fromSip;
    // A pass means judged: either set of parameters compared with a reference that worked.
    return phone.notJudged !== undefined && fromSip.notJudged === undefined ? fromSip : phone;
  },
};

/** Compares every equivalent encoding with the reference; judged when any was compared, the first defect ends it. */
async function compareEncodings(context: CheckContext, params: FormParams, reference: Exchange, shown: VariantShown): Promise<CheckOutcome> {
  let unjudged: CheckOutcome | undefined;
  let compared = false;
  for (const encoding of FORM_ENCODINGS) {
    const variant = { ...context.request, params, encodedParams: encoding.encode(params) };
    const outcome = await compareVariant(context, RULE, reference, variant, `the same parameters with ${encoding.description}`, shown);
    if (outcome.issues.length > 0) return outcome;
    if (outcome.notJudged === undefined) compared = true;
    else unjudged ??= outcome;
    // A reference that failed leaves nothing to compare any encoding with (compareVariant sent nothing).
    if (!exchangeOutcome(reference, context.config.profile).ok) break;
  }
  return compared ? judged() : (unjudged ?? judged());
}
