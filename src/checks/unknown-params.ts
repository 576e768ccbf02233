import { notJudged, type Check } from './check-api/types.js';
import { compareVariant } from './variants/compare-variant.js';

/** `unknown-params`: parameters Twilio may add one day neither break nor change the reply. */
export const unknownParamsCheck: Check = {
  id: 'unknown-params',
  title: 'parameters Twilio may add one day are ignored',
  scope: 'case',
  run(context) {
    const { extras } = context.case.input;
    if (extras.length === 0) return notJudged('this case carries no extra parameters');
    const names = extras.map(([name]) => name).join(', ');
    return compareVariant(
      context,
      {
        failCode: 'unknown_params_break_reply',
        differCode: 'unknown_params_change_reply',
        hint: 'ignore parameters you do not know; Twilio warns it may add parameters at any time (do not validate the request against a closed list)',
      },
      context.exchange,
      { ...context.request, params: [...context.request.params, ...extras] },
      `the same request with ${extras.length === 1 ? 'the parameter' : 'the parameters'} ${names} added`,
    );
  },
};
