import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { replyMutations } from '../../properties/index.js';
import { VALIDATOR_CHECKS, type ValidatorCheckId } from '../../src/model/validator-checks.js';
import { validateFaxTwiml } from '../../src/twiml/index.js';

// A misspelled or unknown verb leaves no fax verb behind, so "no fax action" (34106) follows: Twilio does the same.
const ALSO_ALLOWED: Partial<Record<ValidatorCheckId, ValidatorCheckId[]>> = {
  'verb-case': ['fax-action'],
  'known-verbs': ['fax-action'],
};

describe('replyMutations', () => {
  test('has a mutation for every validator check', () => {
    expect(Object.keys(replyMutations).sort()).toEqual(VALIDATOR_CHECKS.map((check) => check.id).sort());
  });

  describe.each(VALIDATOR_CHECKS.map((check) => check.id))('%s', (id) => {
    test.prop([replyMutations[id]], { numRuns: id === 'body-size' ? 15 : 100 })(
      'every mutation is flagged by this check and by no other',
      (mutation) => {
        const contentType = mutation.contentType === undefined ? 'text/xml' : mutation.contentType;
        const { diagnostics } = validateFaxTwiml(mutation.xml, { contentType });
        const checks = new Set(diagnostics.filter((d) => d.severity !== 'notice').map((d) => d.check));
        expect(checks.has(id), `${mutation.description}: ${JSON.stringify(diagnostics)}`).toBe(true);
        const others = [...checks].filter((check) => check !== id && !ALSO_ALLOWED[id]?.includes(check as ValidatorCheckId));
        expect(others, mutation.description).toEqual([]);
      },
    );
  });
});
