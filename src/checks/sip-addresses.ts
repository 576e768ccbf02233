import { encodeParams } from '../sender/encode-params.js';
import { bareSipUri, sipLabel, withSipAddresses } from './variants/sip-params.js';
import { judged, type Check, type CheckOutcome } from './check-api/types.js';
import { compareVariant } from './variants/compare-variant.js';

/**
 * `sip-addresses`: a fax from a SIP trunk works: `From` a SIP From value with a display name, then a bare SIP URI,
 * `To` a SIP URI. A different reply is fine (a server may refuse SIP callers); failing is not.
 */
export const sipAddressesCheck: Check = {
  id: 'sip-addresses',
  title: 'faxes from SIP addresses are answered',
  scope: 'case',
  async run(context) {
    const { sip } = context.case.input;
    const froms = [...new Set([sip.From, bareSipUri(sip.From)])];
    for (const from of froms) {
      const input = { ...context.case.input, sip: { ...sip, From: from } };
      const params = withSipAddresses(input, context.config.profile.parameters.names);
      const outcome: CheckOutcome = await compareVariant(
        context,
        {
          failCode: 'sip_address_fails',
          hint: 'do not assume From and To are E.164 numbers: a SIP-originated fax carries a SIP URI, and From may have a quoted display name',
        },
        context.exchange,
        { ...context.request, params, encodedParams: encodeParams(params) },
        `the same request with From=${JSON.stringify(from)} and To=${JSON.stringify(sip.To)}`,
        { label: sipLabel(from, sip.To) },
      );
      // One SIP defect per case is enough to show it.
      if (outcome.issues.length > 0 || outcome.notJudged !== undefined) return outcome;
    }
    return judged();
  },
};
