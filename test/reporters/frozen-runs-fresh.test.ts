import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { FAILED_REPORT, PASSED_REPORT, STARTED_REPORT } from './fixtures.js';
import { generateFrozenRuns } from './runs/generate.js';

// The frozen reports must stay what real runs give: the same runs, made again now against the same servers (on free
// ports), must come to the same checks and findings. Wording may drift between regenerations; what a report says
// happened may not.
function outline(report: Report) {
  return {
    fields: Object.keys(report).sort(),
    findingFields: report.findings.map((finding) => Object.keys(finding).sort()),
    ok: report.ok,
    seed: report.seed,
    serverLog: report.serverLog,
    summary: { ...report.summary, durationMs: undefined },
    checks: report.checks.map(({ id, status, skipReason, exchanges, errors, warnings }) => ({ id, status, skipReason, exchanges, errors, warnings })),
    findings: report.findings.map(({ check, code, severity, twilioError, count, case: shown, line, column }) => ({ check, code, severity, twilioError, count, case: shown, line, column })),
  };
}

describe('the frozen runs', { timeout: 120_000 }, () => {
  it('come to the same checks and findings when made again', async () => {
    const fresh = await generateFrozenRuns({ failed: 0, passed: 0, started: 0 });
    const regenerate = 'the kit reports these runs differently now: npx tsx test/reporters/runs/generate.ts, then npx vitest run test/reporters -u';
    expect(outline(fresh['failed.json']), regenerate).toEqual(outline(FAILED_REPORT));
    expect(outline(fresh['passed.json']), regenerate).toEqual(outline(PASSED_REPORT));
    expect(outline(fresh['started.json']), regenerate).toEqual(outline(STARTED_REPORT));
  });
});
