import { describe, expect, it } from 'vitest';
import { formatFindingsText } from '../../src/reporters/format-findings-text.js';
import { formatGithubCommands } from '../../src/reporters/github.js';
import { formatJsonReport } from '../../src/reporters/json.js';
import { formatJunitReport } from '../../src/reporters/junit.js';
import { formatPrettyReport } from '../../src/reporters/pretty.js';
import type { Finding, Report } from '../../src/model/report.js';
import { FAILED_REPORT, MISSING_CONTENT_TYPE, PASSED_REPORT } from './fixtures.js';
import { parseWellFormedXml } from './xml-parse.js';

/** A run stopped by Ctrl-C after its checks had passed what they saw: the runner marks it interrupted, not ok. */
const INTERRUPTED_REPORT: Report = { ...PASSED_REPORT, ok: false, interrupted: true };

/** Every selected check skipped: nothing judged. */
const NOTHING_JUDGED_REPORT: Report = {
  ...PASSED_REPORT,
  ok: false,
  summary: { ...PASSED_REPORT.summary, passed: 0, skipped: PASSED_REPORT.checks.length },
  checks: PASSED_REPORT.checks.map((c) => ({ ...c, status: 'skipped', skipReason: 'no 2xx reply to judge', exchanges: 0 })),
};

interface Suite {
  '@tests': string;
  '@errors': string;
  testcase: Array<{ '@name': string; error?: { '@type': string; '@message': string } }>;
}

function suiteOf(report: Report): Suite {
  return (parseWellFormedXml(formatJunitReport(report)) as { testsuites: { testsuite: Suite } }).testsuites.testsuite;
}

describe('a run that is not ok is never green', () => {
  it('gives an interrupted run an error testcase in JUnit', () => {
    const suite = suiteOf(INTERRUPTED_REPORT);
    expect(suite['@errors']).toBe('1');
    expect(suite['@tests']).toBe(String(PASSED_REPORT.checks.length + 1));
    expect(suite.testcase[0]).toMatchObject({ '@name': 'run-interrupted', error: { '@type': 'run-interrupted' } });
    expect(suite.testcase[0]?.error?.['@message']).toContain('not a verdict');
  });

  it('gives a run that judged nothing an error testcase in JUnit', () => {
    expect(suiteOf(NOTHING_JUDGED_REPORT).testcase[0]).toMatchObject({ '@name': 'nothing-judged', error: { '@type': 'nothing-judged' } });
  });

  it('adds no error testcase to a run that passed or whose checks failed', () => {
    expect(suiteOf(PASSED_REPORT)['@errors']).toBe('0');
    expect(suiteOf(FAILED_REPORT)['@errors']).toBe('0');
  });

  it('ends the github annotations of an interrupted run with an ::error', () => {
    const last = formatGithubCommands(INTERRUPTED_REPORT).trim().split('\n').at(-1);
    expect(last).toMatch(/^::error title=twiml-fax-kit::INTERRUPTED \(not a verdict\): 0 errors, 0 warnings .*not a verdict$/);
  });

  it('ends the github annotations of a run that judged nothing with an ::error', () => {
    expect(formatGithubCommands(NOTHING_JUDGED_REPORT).trim().split('\n').at(-1)).toMatch(/^::error title=twiml-fax-kit::NOTHING CHECKED: /);
  });

  it('says INTERRUPTED and never PASSED in the pretty report, and ok:false in JSON', () => {
    const pretty = formatPrettyReport(INTERRUPTED_REPORT);
    expect(pretty).toContain('⚠ INTERRUPTED');
    expect(pretty).not.toContain('PASSED');
    expect(JSON.parse(formatJsonReport(INTERRUPTED_REPORT))).toMatchObject({ ok: false, interrupted: true });
  });
});

describe('notices', () => {
  const notice: Finding = { ...MISSING_CONTENT_TYPE, severity: 'notice' };

  it('names notices in the verdict of a run that failed on them (--fail-on notice)', () => {
    const report: Report = { ...FAILED_REPORT, failOn: 'notice', findings: [notice] };
    expect(formatPrettyReport(report).trim().split('\n').at(-1)).toBe(`✗ FAILED: 0 errors, 0 warnings, 1 notice for ${FAILED_REPORT.target}; 4 of 5 checks judged something`);
  });

  it('names notices beside a pass', () => {
    const report: Report = { ...PASSED_REPORT, findings: [notice] };
    expect(formatPrettyReport(report).trim().split('\n').at(-1)).toBe(`✓ PASSED: ${PASSED_REPORT.target} conforms (1 notice); 4 of 4 checks judged something`);
  });

  it('says FAILED, not NOTHING CHECKED, when warnings alone fail the run', () => {
    const report: Report = { ...FAILED_REPORT, findings: [{ ...MISSING_CONTENT_TYPE, severity: 'warning' }] };
    expect(formatPrettyReport(report).trim().split('\n').at(-1)).toMatch(/^✗ FAILED: 0 errors, 1 warning for /);
  });
});

describe('replay commands and credentials', () => {
  it('shows the command that replays a finding\'s case when the finding carries one', () => {
    const finding: Finding = { ...MISSING_CONTENT_TYPE, replay: { seed: 1337, path: '3:0', command: 'twiml-fax-kit check https://fax.example.test/fax/incoming --seed 1337 --replay 3:0' } };
    const report: Report = { ...FAILED_REPORT, findings: [finding] };
    for (const text of [formatPrettyReport(report), formatJunitReport(report), formatFindingsText(report)]) {
      expect(text).toContain('Replay this case with:\n\n    twiml-fax-kit check https://fax.example.test/fax/incoming --seed 1337 --replay 3:0');
    }
    expect(formatGithubCommands(report)).toContain('Replay this case with:%0Atwiml-fax-kit check');
  });

  it('says once which variables the curl lines of an authenticated webhook read the credentials from', () => {
    const finding: Finding = { ...MISSING_CONTENT_TYPE, reproduce: 'curl -sS -i --globoff -u "$FAX_USER:$FAX_PASSWORD" http://h/fax' };
    const report: Report = { ...FAILED_REPORT, findings: [finding, finding] };
    const note = "curl lines read the webhook URL's HTTP-auth user and password from $FAX_USER and $FAX_PASSWORD; export them before running one";
    for (const text of [formatPrettyReport(report), formatJunitReport(report), formatGithubCommands(report), formatFindingsText(report)]) {
      expect(text.split(note)).toHaveLength(2);
    }
    expect(formatPrettyReport(FAILED_REPORT)).not.toContain('FAX_PASSWORD');
  });
});
