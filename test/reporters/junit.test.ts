import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatJunitReport } from '../../src/reporters/junit.js';
import { showControlCharacters } from '../../src/reporters/show-control-characters.js';
import type { Report } from '../../src/model/report.js';
import { FAILED_REPORT, MISSING_CONTENT_TYPE, PASSED_REPORT, SEEDLESS_REPORT } from './fixtures.js';
import { hostileString } from './hostile-string.js';
import { parseWellFormedXml } from './xml-parse.js';

interface Testcase {
  '@name': string;
  '@classname': string;
  '@time': string;
  failure?: { '@message': string; '@type': string; '#text': string };
  skipped?: { '@message': string };
  'system-out'?: string;
}

function suiteOf(xml: string): { attributes: Record<string, string>; testcases: Testcase[] } {
  const doc = parseWellFormedXml(xml) as { testsuites: { testsuite: Record<string, string> & { testcase: Testcase[] } } };
  const { testcase, ...attributes } = doc.testsuites.testsuite;
  return { attributes: attributes as Record<string, string>, testcases: testcase };
}

describe('junit reporter', () => {
  it('renders one testcase per check with failures and skips', () => {
    expect(formatJunitReport(FAILED_REPORT)).toMatchSnapshot();
  });

  it('is well-formed XML with the counts CI test reporters read', () => {
    const { attributes, testcases } = suiteOf(formatJunitReport(FAILED_REPORT));
    expect(attributes).toMatchObject({ '@name': 'twiml-fax-kit', '@tests': '5', '@failures': '3', '@errors': '0', '@skipped': '1', '@time': '1.234' });
    expect(testcases.map((t) => t['@name'])).toEqual(FAILED_REPORT.checks.map((c) => `${c.id}: ${c.title}`));
    expect(testcases.every((t) => t['@classname'] === 'twiml-fax-kit')).toBe(true);
    expect(testcases.filter((t) => t.failure).map((t) => t['@name'].split(':')[0])).toEqual(['status-code', 'content-type', 'attribute-values']);
    expect(testcases[4]?.skipped?.['@message']).toBe('needs --auth-token or TWILIO_AUTH_TOKEN');
  });

  it('names the check, the Twilio code and the message in the failure, with hint and curl line in its body', () => {
    const failure = suiteOf(formatJunitReport(FAILED_REPORT)).testcases[2]?.failure;
    expect(failure?.['@message']).toBe('content-type (Twilio 12300 Invalid Content-Type): the reply has no Content-Type header');
    expect(failure?.['@type']).toBe('missing_content_type');
    expect(failure?.['#text']).toContain(`Hint: ${MISSING_CONTENT_TYPE.hint}`);
    expect(failure?.['#text']).toContain(`Reproduce with:\n\n    ${MISSING_CONTENT_TYPE.reproduce}`);
  });

  it('leads the failure message with the first error when a check also has warnings', () => {
    const failure = suiteOf(formatJunitReport(FAILED_REPORT)).testcases[3]?.failure;
    expect(failure?.['@message']).toMatch(/^attribute-values \(Twilio 11100 .*\[2 findings\]$/);
    expect(failure?.['#text']).toContain('value_case_mismatch');
  });

  it('leaves out the seed property when no seed repeats the run, and names the log of a started server in system-out', () => {
    const xml = formatJunitReport(SEEDLESS_REPORT);
    expect(xml).not.toContain('name="seed"');
    expect((parseWellFormedXml(xml) as { testsuites: { testsuite: { 'system-out': string } } }).testsuites.testsuite['system-out']).toBe(
      'server output: .twiml-fax-kit/server.log',
    );
  });

  it('keeps a passing run to passing testcases with no failures', () => {
    const { attributes, testcases } = suiteOf(formatJunitReport(PASSED_REPORT));
    expect(attributes).toMatchObject({ '@tests': '4', '@failures': '0', '@skipped': '0', '@time': '0.480' });
    expect(testcases.some((t) => t.failure || t.skipped)).toBe(false);
  });

  it('adds a testcase for findings of a check the report does not list', () => {
    const report: Report = { ...PASSED_REPORT, ok: false, findings: [{ ...MISSING_CONTENT_TYPE, check: 'transport' }] };
    const { attributes, testcases } = suiteOf(formatJunitReport(report));
    expect(attributes).toMatchObject({ '@tests': '5', '@failures': '1' });
    expect(testcases[4]?.['@name']).toBe('transport');
  });

  it('stays well-formed and keeps the text, whatever the server and the checks put in messages and bodies', () => {
    fc.assert(
      fc.property(hostileString(), hostileString(), hostileString(), (message, body, reason) => {
        const report: Report = {
          ...FAILED_REPORT,
          target: body,
          checks: FAILED_REPORT.checks.map((c) => (c.status === 'skipped' ? { ...c, skipReason: reason } : { ...c, title: message })),
          findings: FAILED_REPORT.findings.map((f) => ({
            ...f,
            message,
            hint: message,
            reproduce: `curl --data-raw '${body}'`,
            response: f.response && { ...f.response, bodyStart: body, headers: { 'content-type': message } },
          })),
        };
        const { testcases } = suiteOf(formatJunitReport(report));
        expect(testcases).toHaveLength(5);
        expect(testcases[2]?.failure?.['@message']).toBe(`content-type (Twilio 12300 Invalid Content-Type): ${showControlCharacters(message)}`);
        expect(testcases[4]?.skipped?.['@message']).toBe(showControlCharacters(reason));
        // A parser turns CR LF into LF in text, so compare a CR-free part.
        expect(testcases[2]?.failure?.['#text']).toContain(`curl --data-raw '${showControlCharacters(body.split('\n')[0] ?? '')}`);
      }),
    );
  });
});
