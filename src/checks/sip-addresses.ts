import { encodeCanonically } from './form-encodings.js';
import { withSipAddresses } from './sip-params.js';
import type { Check } from './types.js';
import { compareVariant } from './variant.js';

/**
 * `sip-addresses`: a fax from a SIP trunk (`From` a SIP From value with a display name, `To` a SIP URI) works.
 * A different reply is fine (a server may refuse SIP callers); failing is not.
 */
export const sipAddressesCheck: Check = {
  id: 'sip-addresses',
  title: 'faxes from SIP addresses are answered',
  scope: 'case',
  judges: 'reply',
  run(context) {
    const { sip } = context.case.input;
    const params = withSipAddresses(context.case.input);
    return compareVariant(
      context,
      {
        check: 'sip-addresses',
        failCode: 'sip_address_fails',
        hint: 'do not assume From and To are E.164 numbers: a SIP-originated fax carries a SIP URI, and From may have a quoted display name',
      },
      context.exchange,
      { ...context.request, params, encodedParams: encodeCanonically(params) },
      `the same request with From=${JSON.stringify(sip.From)} and To=${JSON.stringify(sip.To)}`,
    );
  },
};
