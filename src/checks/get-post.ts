import type { Check } from './check-api/types.js';
import { compareVariant } from './variants/compare-variant.js';

/** `get-post`: with `--method both`, the same parameters by GET and by POST get the same reply. */
export const getPostCheck: Check = {
  id: 'get-post',
  title: 'GET and POST with the same parameters get the same reply',
  scope: 'case',
  skipReason: (config) => (config.method === 'both' ? undefined : 'needs --method both'),
  run(context) {
    return compareVariant(
      context,
      {
        failCode: 'get_fails',
        differCode: 'get_post_differ',
        hint: 'serve the webhook for GET (parameters in the query) as for POST (parameters in the body): the number may be configured for either',
      },
      context.exchange,
      { ...context.request, method: 'GET' },
      'the same parameters by GET',
    );
  },
};
