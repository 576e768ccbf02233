import { VALIDATOR_CHECKS } from '../model/validator-checks.js';
import { judgeReply } from './verdicts/reply-verdict.js';
import { mergeSameCode } from './verdicts/merge-same-code.js';
import { whyNotJudged } from './hints/failure-owner.js';
import { issuesOf, judged, NO_REPLY_TO_JUDGE, notJudged, type Check } from './check-api/types.js';

/**
 * The validator's checks (`content-type` ... `fax-action`) as harness checks: each reads every 2xx reply and keeps
 * the validator's diagnostics of its own id, so `--checks content-type` selects exactly that rule. Diagnostics of one
 * code in one reply become one issue naming every place, as a run reports one finding per check and code.
 */
export const twimlReplyChecks: readonly Check[] = VALIDATOR_CHECKS.map(
  ({ id, title }): Check => ({
    id,
    title,
    scope: 'case',
    run({ exchange, config }) {
      const verdict = judgeReply(exchange, config.profile);
      return verdict ? judged(issuesOf(exchange, mergeSameCode(verdict.diagnostics.filter((d) => d.check === id)))) : notJudged(whyNotJudged(exchange, config) ?? NO_REPLY_TO_JUDGE);
    },
  }),
);
