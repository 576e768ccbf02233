import { judgeReply } from './verdicts/reply-verdict.js';
import { judged, NO_REPLY_TO_JUDGE, notJudged, type Check } from './check-api/types.js';

/** `expect-verb`: the server answers with the verb `--expect` names (`receive` or `reject`). */
export const expectVerbCheck: Check = {
  id: 'expect-verb',
  title: 'the server answers with the expected verb',
  scope: 'case',
  skipReason: (config) => (config.expect === 'any' ? 'no verb expected (--expect receive|reject)' : undefined),
  run({ exchange, config }) {
    const verdict = judgeReply(exchange, config.profile);
    // No verb at all is fax-action's finding (34106); this check only judges which verb.
    if (!verdict) return notJudged(NO_REPLY_TO_JUDGE);
    if (!verdict.verb) return notJudged('no fax verb to compare (see fax-action)');
    const expected = config.expect === 'receive' ? 'Receive' : 'Reject';
    if (verdict.verb === expected) return judged();
    return judged([
      {
        exchange,
        diagnostic: {
          code: 'unexpected_verb',
          severity: 'error',
          message: `the server answered <${verdict.verb}> where <${expected}> was expected`,
          hint: `answer <${expected}> for this request, or run with --expect ${verdict.verb.toLowerCase()} (or any)`,
        },
      },
    ]);
  },
};
