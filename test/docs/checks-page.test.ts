import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replyMutations } from '../../properties/index.js';
import { CHECKS } from '../../src/checks/registry.js';
import { NEEDS_AUTH_TOKEN } from '../../src/checks/signature-accepted.js';
import { VALIDATOR_CHECKS } from '../../src/model/validator-checks.js';
import { validateFaxTwiml } from '../../src/twiml/validate.js';
import { describeCheck } from '../../scripts/docs/checks-page.js';
import { HARNESS_CHECK_DESCRIPTIONS, VALIDATOR_CHECK_DESCRIPTIONS } from '../../scripts/docs/check-descriptions.js';
import { REPOSITORY } from '../../scripts/docs/page.js';
import { DEFECTIVE_SERVERS } from '../zoo/defective-servers.js';
import { DEFECTIVE_STATEFUL_SERVERS } from '../zoo/stateful/servers.js';

const page = readFileSync(resolve(REPOSITORY, 'docs/checks.md'), 'utf8');
const checkById = new Map(CHECKS.map((check) => [check.id, check]));

/** What the page promises of a check's findings: its Twilio codes (any, for a failure's own) and severities. */
function promised(checkId: string) {
  const check = checkById.get(checkId);
  if (!check) throw new Error(`the zoo names '${checkId}', which the registry does not have`);
  return describeCheck(check);
}

describe('docs/checks.md', () => {
  it('describes every check of the registry and the validator, and no other', () => {
    const validatorIds = VALIDATOR_CHECKS.map((check) => check.id);
    expect(Object.keys(VALIDATOR_CHECK_DESCRIPTIONS).sort()).toEqual([...validatorIds].sort());
    expect(Object.keys(HARNESS_CHECK_DESCRIPTIONS).sort()).toEqual(CHECKS.map((c) => c.id).filter((id) => !validatorIds.includes(id as never)).sort());
    for (const check of CHECKS) expect(page).toContain(`### \`${check.id}\``);
  });

  it('gives every reason a check is skipped for in some configuration', () => {
    for (const check of CHECKS) for (const reason of describeCheck(check).skipReasons) expect(page).toContain(`"${reason}"`);
    expect(describeCheck(checkById.get('signature-enforced')!).skipReasons).toEqual([NEEDS_AUTH_TOKEN]);
    expect(describeCheck(checkById.get('caching')!).skipReasons).toHaveLength(1);
  });

  it.each([...DEFECTIVE_SERVERS, ...DEFECTIVE_STATEFUL_SERVERS].map((server) => [server.name, server.caughtBy] as const))(
    "gives the Twilio code and severity of the zoo's finding for %s",
    (_name, caughtBy) => {
      const described = promised(caughtBy.check);
      expect(described.severities).toContain(caughtBy.severity ?? 'error');
      if (caughtBy.twilioError !== undefined && !described.failureCodes) expect(described.twilioErrors).toContain(caughtBy.twilioError);
    },
  );

  it.each(VALIDATOR_CHECKS.map((check) => check.id))("gives the codes and severities of replies broken the way %s catches", (id) => {
    const described = promised(id);
    for (const mutation of fc.sample(replyMutations[id], { numRuns: 40, seed: 1 })) {
      const options = mutation.contentType === undefined ? { contentType: 'text/xml' } : { contentType: mutation.contentType };
      for (const diagnostic of validateFaxTwiml(mutation.xml, options).diagnostics.filter((d) => d.check === id)) {
        expect(described.severities, mutation.description).toContain(diagnostic.severity);
        if (diagnostic.twilioError !== undefined) expect(described.twilioErrors, mutation.description).toContain(diagnostic.twilioError);
      }
    }
  });
});
