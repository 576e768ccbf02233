import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

interface AssertionResult {
  readonly fullName: string;
  readonly status: 'passed' | 'failed' | 'skipped' | 'pending';
  readonly failureMessages: readonly string[];
}

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const vitestBin = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');

let results: Map<string, AssertionResult>;
let junit: string;
beforeAll(() => {
  // A child vitest runs the fixture suites, since a test cannot watch its own run's tests fail.
  const dir = mkdtempSync(join(tmpdir(), 'fax-vitest-'));
  const reporters = ['--reporter=json', `--outputFile.json=${join(dir, 'results.json')}`, '--reporter=junit', `--outputFile.junit=${join(dir, 'junit.xml')}`];
  spawnSync(process.execPath, [vitestBin, 'run', '--root', fixtures, '--config', 'vitest.config.ts', ...reporters], {
    cwd: fixtures,
    env: { ...process.env, PACT_DO_NOT_TRACK: 'true', NO_COLOR: '1' },
    encoding: 'utf8',
  });
  const json = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as { testResults: { assertionResults: AssertionResult[] }[] };
  results = new Map(json.testResults.flatMap((file) => file.assertionResults).map((r) => [r.fullName, r]));
  junit = readFileSync(join(dir, 'junit.xml'), 'utf8');
});

function result(name: string): AssertionResult {
  const found = [...results.values()].find((r) => r.fullName.startsWith(name));
  if (!found) throw new Error(`no test named '${name}…' among ${[...results.keys()].join(', ')}`);
  return found;
}

describe('describeFaxConformance in a vitest run', () => {
  it('registers one test per selected check, named by check id and title', () => {
    expect([...results.keys()].sort()).toEqual([
      'custom rejects-every-fax: the app refuses every fax',
      'custom status-code: the final reply is 2xx, through redirects Twilio follows',
      'defective content-type: the reply is text/xml or application/xml',
      'defective fax-action: exactly one fax verb, <Receive> or <Reject>, with nothing inside it',
      'defective status-code: the final reply is 2xx, through redirects Twilio follows',
      'good content-type: the reply is text/xml or application/xml',
      'good get-post: GET and POST with the same parameters get the same reply',
      'good status-code: the final reply is 2xx, through redirects Twilio follows',
      'nothing judged content-type: the reply is text/xml or application/xml',
      'too slow status-code: the final reply is 2xx, through redirects Twilio follows',
      'warning, default failOn attribute-values: attribute values are among those Twilio accepts',
      'warning, failOn error attribute-values: attribute values are among those Twilio accepts',
    ]);
  });

  it('passes the checks a conforming handler satisfies', () => {
    expect(result('good status-code').status).toBe('passed');
    expect(result('good content-type').status).toBe('passed');
    expect(result('defective status-code').status).toBe('passed');
  });

  it('skips a check the configuration cannot run', () => {
    expect(result('good get-post').status).toBe('skipped');
  });

  it('fails a check with its id, Twilio code and title, hint and curl line', () => {
    const failed = result('defective content-type');
    expect(failed.status).toBe('failed');
    const message = failed.failureMessages.join('\n');
    expect(message).toContain('content-type: ');
    expect(message).toContain('Twilio 12300 Invalid Content-Type');
    expect(message).toContain('Hint:');
    expect(message).toMatch(/Reproduce with:\s+curl /);
    expect(message).toContain('seed 7');
  });

  it('gives a custom check a test of its own, which fails with its finding and the options that replay it', () => {
    expect(result('custom status-code').status).toBe('passed');
    const failed = result('custom rejects-every-fax');
    expect(failed.status).toBe('failed');
    const message = failed.failureMessages.join('\n');
    expect(message).toContain('rejects-every-fax: 1 finding for handler:fetch (seed 7');
    expect(message).toContain('✗ error · rejects-every-fax · [fax_received]\n  the app received a fax');
    expect(message).not.toContain('Replay this case with');
    expect(message).toContain('Hint: answer <Reject/>');
    expect(message).toMatch(/Reproduce with:\s+curl /);
    expect(message).toContain("Replay just this case: pass { seed: 7, replay: 'example-1', checks: ['rejects-every-fax'] }");
  });

  it('fails the check of a misspelled verb with Twilio 34106', () => {
    const failed = result('defective fax-action');
    expect(failed.status).toBe('failed');
    expect(failed.failureMessages.join('\n')).toContain('Twilio 34106');
  });

  it('fails a check on a warning by default, as the CLI does, and only annotates it under failOn error', () => {
    const failed = result('warning, default failOn attribute-values');
    expect(failed.status).toBe('failed');
    expect(failed.failureMessages.join('\n')).toContain('A4');
    expect(failed.failureMessages.join('\n')).toMatch(/Replay just this case: pass \{ seed: 7, replay: 'example-1', checks: \['attribute-values'\] \}/);
    expect(result('warning, failOn error attribute-values').status).toBe('passed');
  });

  it('skips a check that judged nothing with its reason, and fails the suite of a run that judged nothing', () => {
    expect(result('nothing judged content-type').status).toBe('skipped');
    const suite = /<testcase [^>]*name="nothing judged"[^>]*>\s*<failure message="([^"]*)"/.exec(junit)?.[1] ?? '';
    expect(suite).toContain('no selected check judged anything, so the run proves nothing');
  });

  it('stops a run that outlasts runTimeoutMs and fails its suite with a message naming the option', () => {
    expect(result('too slow status-code').status).toBe('skipped');
    const suite = /<testcase [^>]*name="too slow"[^>]*>\s*<failure message="([^"]*)"/.exec(junit)?.[1] ?? '';
    expect(suite).toMatch(/^describeFaxConformance\(&apos;too slow&apos;\): the run took longer than runTimeoutMs \(200 ms\) and was stopped after \d+ requests; raise runTimeoutMs/);
  });
});
