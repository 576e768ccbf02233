import { describe, expect, it } from 'vitest';
import { CHECK_IDS } from '../../src/checks/registry.js';
import { VALIDATOR_CHECKS } from '../../src/model/validator-checks.js';
import { TWILIO_ERRORS, type TwilioErrorCode } from '../../src/protocol/twilio-errors.js';
import { validateFaxTwiml } from '../../src/twiml/index.js';
import { FAILED_REPORT, PASSED_REPORT, STARTED_REPORT } from './fixtures.js';

// The reports the reporter tests render were frozen from real runs (test/reporters/runs/). These tests fail when
// one of them names something the kit no longer has; frozen-runs-fresh.test.ts reruns them to catch any other drift.
const FROZEN = { 'failed.json': FAILED_REPORT, 'passed.json': PASSED_REPORT, 'started.json': STARTED_REPORT };
const VALIDATOR_IDS = new Set<string>(VALIDATOR_CHECKS.map((c) => c.id));
const REGENERATE = 'regenerate with npx tsx test/reporters/runs/generate.ts';

describe.each(Object.entries(FROZEN))('the frozen run %s', (_file, report) => {
  it('names only checks the registry has', () => {
    const named = [...report.checks.map((c) => c.id), ...report.findings.map((f) => f.check)];
    expect(named.filter((id) => !CHECK_IDS.includes(id)), REGENERATE).toEqual([]);
  });

  it("gives each Twilio error code Twilio's title", () => {
    for (const { twilioError, twilioErrorTitle } of report.findings) {
      if (twilioError === undefined) continue;
      expect(twilioErrorTitle, REGENERATE).toBe(TWILIO_ERRORS[twilioError as TwilioErrorCode]?.title);
    }
  });

  it('holds validator findings that the validator still makes of the recorded reply', () => {
    for (const finding of report.findings.filter((f) => VALIDATOR_IDS.has(f.check))) {
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
