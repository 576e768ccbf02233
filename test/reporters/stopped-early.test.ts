import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatGithubCommands } from '../../src/reporters/github.js';
import { formatJunitReport } from '../../src/reporters/junit.js';
import { formatPrettyReport } from '../../src/reporters/pretty.js';
import { checkServer } from '../../src/harness/check-server.js';
import type { Report } from '../../src/model/report.js';
import { RECEIVE_XML, send, serve, type RunningServer } from '../zoo/serve.js';
import { parseWellFormedXml } from './xml-parse.js';

// Reports of real runs the kit stopped early, rendered by each reporter: none may look green, and each says why.

interface Testcase {
  '@name': string;
  failure?: { '#text': string };
  error?: { '@type': string; '@message': string };
  'system-out'?: string;
}

function testcasesOf(report: Report): Testcase[] {
  const doc = parseWellFormedXml(formatJunitReport(report)) as { testsuites: { testsuite: { testcase: Testcase[] } } };
  return doc.testsuites.testsuite.testcase;
}

let silent: RunningServer;
let getHangs: RunningServer;
let downReport: Report;
let downNeverFailing: Report;
let getHangsReport: Report;
beforeAll(async () => {
  silent = await serve((req) => void req.resume());
  getHangs = await serve((req, res: ServerResponse) => {
    req.resume().on('end', () => {
      if (req.method !== 'GET') send(res, 200, RECEIVE_XML);
    });
  });
  // The silent server never answers, so its short timeout is no race; the POSTs the other server answers get a
  // budget no stall of a loaded machine reaches, so only its GETs time out.
  const down = { runs: 40, seed: 1, concurrency: 4, timeoutMs: 300 } as const;
  [downReport, downNeverFailing, getHangsReport] = await Promise.all([
    checkServer({ url: silent.url() }, down),
    checkServer({ url: silent.url() }, { ...down, failOn: 'never' }),
    checkServer({ url: getHangs.url() }, { runs: 20, seed: 1, concurrency: 2, timeoutMs: 1_000, method: 'both', checks: ['status-code', 'get-post'] }),
  ]);
});
afterAll(async () => {
  await Promise.all([silent.close(), getHangs.close()]);
});

describe('a run the kit stopped because the server let everything time out', () => {
  it('shows the stopped-early sentence just above the verdict, and the cases run of those planned, in the pretty report', () => {
    const lines = formatPrettyReport(downReport).trim().split('\n');
    expect(lines.at(-2)).toBe(`⚠ Stopped early: ${downReport.stoppedEarly}`);
    expect(lines.at(-1)).toMatch(/^✗ FAILED: 1 error, 0 warnings for http:\/\/127\.0\.0\.1:\d+\/fax; \d+ of \d+ checks judged something$/);
    expect(lines).toContain(`  Cases:     ${downReport.summary.cases} of ${downReport.summary.plannedCases} ran`);
  });

  it('says STOPPED EARLY, never PASSED, when no finding fails the run (--fail-on never)', () => {
    expect(downNeverFailing.ok).toBe(false);
    const verdict = formatPrettyReport(downNeverFailing).trim().split('\n').at(-1);
    expect(verdict).toMatch(/^✗ STOPPED EARLY: 1 error, 0 warnings for .*; \d+ of \d+ checks judged something, and the kit sent 4 of 42 cases; not a pass$/);
  });

  it('adds a run-stopped-early error testcase to JUnit, whether or not a check failed', () => {
    for (const report of [downReport, downNeverFailing]) {
      const [first] = testcasesOf(report);
      expect(first).toMatchObject({ '@name': 'run-stopped-early', error: { '@type': 'run-stopped-early' } });
      expect(first?.error?.['@message']).toContain(report.stoppedEarly);
    }
  });

  it('gives github an ::error that says why, and an ::error summary', () => {
    const lines = formatGithubCommands(downNeverFailing).trim().split('\n');
    expect(lines).toContain(`::error title=twiml-fax-kit stopped early::The run stopped early: ${downNeverFailing.stoppedEarly}`);
    expect(lines.at(-1)).toMatch(/^::error title=twiml-fax-kit::STOPPED EARLY \(not a pass\): .*; 4 of 42 cases ran; /);
  });
});

describe('a run in which one check stopped sending early', () => {
  it('puts the check\'s note under its row of the pretty report', () => {
    const note = getHangsReport.checks.find((c) => c.id === 'get-post')?.note;
    expect(note).toBeDefined();
    const lines = formatPrettyReport(getHangsReport).split('\n');
    const row = lines.findIndex((line) => /^ {2}✗ {2}get-post /.test(line));
    expect(lines[row + 1]).toBe(`     ⚠ ${note}`);
  });

  it('says the note first in the JUnit failure of that check', () => {
    const testcase = testcasesOf(getHangsReport).find((t) => t['@name'].startsWith('get-post'));
    const note = getHangsReport.checks.find((c) => c.id === 'get-post')?.note;
    expect(testcase?.failure?.['#text'].trimStart().startsWith(`Stopped early: ${note}`)).toBe(true);
  });

  it('keeps a passing check with a note out of the green: its note in system-out, and a check-stopped-early error', () => {
    const passingWithNote: Report = {
      ...getHangsReport,
      checks: getHangsReport.checks.map((c) => (c.id === 'get-post' ? { ...c, status: 'passed' } : c)),
      findings: [],
    };
    const testcases = testcasesOf(passingWithNote);
    expect(testcases[0]).toMatchObject({ '@name': 'check-stopped-early', error: { '@type': 'check-stopped-early' } });
    expect(testcases.find((t) => t['@name'].startsWith('get-post'))?.['system-out']).toContain('Stopped early: stopped sending after 3 of its requests');
    expect(formatPrettyReport(passingWithNote).trim().split('\n').at(-1)).toMatch(/^✗ STOPPED EARLY: .*, and get-post stopped sending early; not a pass$/);
    expect(formatGithubCommands(passingWithNote)).toMatch(/^::error title=get-post stopped early::get-post stopped sending after 3 /m);
  });
});
