import { describe, expect, it } from 'vitest';
import { CHECK_IDS } from '../../src/checks/registry.js';
import { VALIDATOR_CHECKS } from '../../src/model/validator-checks.js';
import { TWILIO_ERRORS, type TwilioErrorCode } from '../../src/protocol/twilio-errors.js';
import { validateFaxTwiml } from '../../src/twiml/index.js';
import { FAILED_REPORT, PASSED_REPORT, STARTED_REPORT } from './fixtures.js';

// The reports the reporter tests render were frozen from real runs (test/reporters/runs/). These tests fail when
// one of them names something the kit no longer has; frozen-runs-fresh.test.ts reruns them to catch any other drift.
const FROZEN = [FAILED_REPORT, PASSED_REPORT, STARTED_REPORT];
const FINDINGS = FROZEN.flatMap((report) => report.findings);
const VALIDATOR_IDS = new Set<string>(VALIDATOR_CHECKS.map((c) => c.id));
const REGENERATE = 'regenerate with npx tsx test/reporters/runs/generate.ts';

describe('the frozen runs', () => {
  it('name only checks the registry has', () => {
    const named = FROZEN.flatMap((report) => [...report.checks.map((c) => c.id), ...report.findings.map((f) => f.check)]);
    expect(named.filter((id) => !CHECK_IDS.includes(id)), REGENERATE).toEqual([]);
  });

  it("give each Twilio error code Twilio's title", () => {
    const withCodes = FINDINGS.filter((f) => f.twilioError !== undefined);
    expect(withCodes.length).toBeGreaterThan(0);
    for (const { twilioError, twilioErrorTitle } of withCodes) {
      expect(twilioErrorTitle, REGENERATE).toBe(TWILIO_ERRORS[twilioError as TwilioErrorCode]?.title);
    }
  });

  it('hold validator findings that the validator still makes of the recorded reply, at the same place', () => {
    const fromValidator = FINDINGS.filter((f) => VALIDATOR_IDS.has(f.check));
    expect(fromValidator.map((f) => f.code)).toEqual(['missing_content_type', 'invalid_url', 'value_case_mismatch']);
    for (const finding of fromValidator) {
      const reply = finding.response;
      if (!reply) throw new Error(`the ${finding.code} finding has no reply`);
      expect(Buffer.byteLength(reply.bodyStart), 'the whole body is recorded').toBe(reply.bodyBytes);
      const contentType = Object.entries(reply.headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1];
      const { diagnostics } = validateFaxTwiml(reply.bodyStart, { contentType: contentType ?? null });
      const { check, code, severity, twilioError, line, column } = finding;
      expect(diagnostics, REGENERATE).toContainEqual(expect.objectContaining({ check, code, severity, twilioError, ...(line !== undefined && { line, column }) }));
    }
  });
});
