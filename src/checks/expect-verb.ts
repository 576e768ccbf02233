import { effectOfVerb, verbWithEffect } from '../protocol/twiml-schema.js';
import { judgeReply } from './verdicts/reply-verdict.js';
import { whyNotJudged } from './hints/failure-owner.js';
import { judged, NO_REPLY_TO_JUDGE, notJudged, type Check } from './check-api/types.js';

/** `expect-verb`: the server answers with the verb that does what `--expect` names (`receive` or `reject`), in the profile's TwiML. */
export const expectVerbCheck: Check = {
  id: 'expect-verb',
  title: 'the server answers with the expected verb',
  scope: 'case',
  skipReason: (config) => (config.expect === 'any' ? 'no verb expected (--expect receive|reject)' : undefined),
  run({ exchange, config }) {
    const verdict = judgeReply(exchange, config.profile);
    // No verb at all is fax-action's finding (34106); this check only judges which verb.
    if (!verdict) return notJudged(whyNotJudged(exchange, config) ?? NO_REPLY_TO_JUDGE);
    if (!verdict.verb) return notJudged('no fax verb to compare (see fax-action)');
    if (config.expect === 'any') return notJudged('no verb expected');
    const expected = verbWithEffect(config.profile.twiml, config.expect)?.name;
    if (expected === undefined) return notJudged(`${config.profile.name} has no verb that does ${config.expect}`);
    if (verdict.verb === expected) return judged();
    const answered = effectOfVerb(config.profile.twiml, verdict.verb) ?? 'any';
    return judged([
      {
        exchange,
        diagnostic: {
          code: 'unexpected_verb',
          severity: 'error',
          message: `the server answered <${verdict.verb}> where <${expected}> was expected`,
          hint: `answer <${expected}> for this request, or run with --expect ${answered}${answered === 'any' ? '' : ' (or any)'}`,
        },
      },
    ]);
  },
};
