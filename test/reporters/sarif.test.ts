import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { VALIDATOR_CHECKS } from '../../src/model/validator-checks.js';
import { bufferIo } from '../support/buffer-io.js';

/**
 * The official SARIF 2.1.0 schema, committed (test/reporters/sarif/SOURCE.md names where from). It is JSON Schema
 * draft-04, which Ajv 8 reads once its two draft-04 spellings are put as later drafts spell them: `id` → `$id`, and no
 * `$schema` pointing at a meta-schema Ajv does not ship. Its two formats are checked here as well.
 */
function sarifValidator(): ValidateFunction {
  const { $schema: _draft04, id, ...schema } = JSON.parse(readFileSync(new URL('./sarif/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat('uri-reference', (value: string) => URL.canParse(value, 'file:///'));
  ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
  return ajv.compile({ $id: String(id), ...schema });
}

const validateSarif = sarifValidator();

interface SarifLog {
  version: string;
  runs: Array<{
    tool: { driver: { name: string; rules: Array<{ id: string; name: string; shortDescription: { text: string }; helpUri?: string }> } };
    columnKind: string;
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations?: Array<{ physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn?: number } } }>;
      properties: Record<string, unknown>;
    }>;
  }>;
}

function workspace(files: Record<string, string>): string {
  const cwd = mkdtempSync(join(tmpdir(), 'sarif-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(cwd, name), text);
  return cwd;
}

async function validate(argv: string[], cwd: string) {
  const buffered = bufferIo({ cwd });
  const code = await runCli(['validate', ...argv], buffered.io);
  return { code, stdout: buffered.stdout(), stderr: buffered.stderr() };
}

// A lowercase fax verb on line 3, column 3 (Twilio skips it, leaving no fax verb: two errors), an unknown attribute
// on line 3, column 6 (a warning), and a good reply beside them.
const BROKEN = '<?xml version="1.0" encoding="UTF-8"?>\n<Response>\n  <receive action="/done"/>\n</Response>\n';
const UNKNOWN_ATTRIBUTE = '<Response>\n  <Receive\n     colour="red"/>\n</Response>\n';
const GOOD = '<Response><Receive/></Response>\n';

describe('validate --reporter sarif', () => {
  it('writes a log that the official SARIF 2.1.0 schema accepts, one result per diagnostic at its line and column', async () => {
    const cwd = workspace({ 'broken.xml': BROKEN, 'attribute.xml': UNKNOWN_ATTRIBUTE, 'good.xml': GOOD });
    const result = await validate(['--reporter', 'sarif:reports/twiml.sarif', 'broken.xml', 'attribute.xml', 'good.xml'], cwd);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const log = JSON.parse(readFileSync(join(cwd, 'reports/twiml.sarif'), 'utf8')) as SarifLog;
    expect(validateSarif(log), JSON.stringify(validateSarif.errors, null, 2)).toBe(true);

    const [run] = log.runs;
    expect(run?.columnKind).toBe('unicodeCodePoints');
    const at = (file: string) =>
      run?.results
        .filter((r) => r.locations?.[0]?.physicalLocation.artifactLocation.uri === file)
        .map((r) => ({ rule: r.ruleId, level: r.level, region: r.locations?.[0]?.physicalLocation.region, twilio: r.properties['twilioError'] }));
    expect(at('broken.xml')).toEqual([
      { rule: 'fax-action', level: 'error', region: { startLine: 2, startColumn: 1 }, twilio: 34106 },
      { rule: 'verb-case', level: 'error', region: { startLine: 3, startColumn: 3 }, twilio: 12200 },
    ]);
    expect(at('attribute.xml')).toEqual([{ rule: 'known-attributes', level: 'warning', region: { startLine: 3, startColumn: 6 }, twilio: 12200 }]);
    expect(at('good.xml')).toEqual([]);
  });

  it('has one rule per validator check, and each result points at its rule by id and index', async () => {
    const cwd = workspace({ 'broken.xml': BROKEN });
    const { stdout, code } = await validate(['--reporter', 'sarif', 'broken.xml'], cwd);
    expect(code).toBe(1);
    const [run] = (JSON.parse(stdout) as SarifLog).runs;
    const rules = run?.tool.driver.rules ?? [];
    expect(rules.map((rule) => rule.id)).toEqual(VALIDATOR_CHECKS.map((check) => check.id));
    expect(rules.find((rule) => rule.id === 'verb-case')).toMatchObject({
      name: 'VerbCase',
      shortDescription: { text: 'Verb and attribute names have the right case' },
      helpUri: 'https://www.twilio.com/docs/api/errors/12200',
    });
    for (const result of run?.results ?? []) expect(rules[result.ruleIndex]?.id).toBe(result.ruleId);
  });

  it("carries Twilio's error code, title and help URL in the message and the properties", async () => {
    const cwd = workspace({ 'attribute.xml': UNKNOWN_ATTRIBUTE });
    const { stdout } = await validate(['--reporter', 'sarif', 'attribute.xml'], cwd);
    const unknown = (JSON.parse(stdout) as SarifLog).runs[0]?.results.find((r) => r.ruleId === 'known-attributes');
    expect(unknown?.message.text).toContain('Twilio 12200 Schema validation warning: https://www.twilio.com/docs/api/errors/12200');
    expect(unknown?.message.text).toContain('Hint: ');
    expect(unknown?.properties).toMatchObject({
      code: 'unknown_attribute',
      severity: 'warning',
      twilioError: 12200,
      twilioErrorTitle: 'Schema validation warning',
      helpUrl: 'https://www.twilio.com/docs/api/errors/12200',
    });
  });

  it('has a schema check that can fail: a result at level "notice" or at line 0 is refused', async () => {
    const cwd = workspace({ 'broken.xml': BROKEN });
    const log = JSON.parse((await validate(['--reporter', 'sarif', 'broken.xml'], cwd)).stdout) as SarifLog;
    const first = log.runs[0]?.results[0];
    if (!first) throw new Error('no result');
    expect(validateSarif({ ...log, runs: [{ ...log.runs[0], results: [{ ...first, level: 'notice' }] }] })).toBe(false);
    const atLineZero = { ...first, locations: [{ physicalLocation: { artifactLocation: { uri: 'broken.xml' }, region: { startLine: 0 } } }] };
    expect(validateSarif({ ...log, runs: [{ ...log.runs[0], results: [atLineZero] }] })).toBe(false);
  });

  it('maps a notice to SARIF level note', async () => {
    const cwd = workspace({ 'reply.xml': GOOD });
    const { stdout, code } = await validate(['--reporter', 'sarif', '--content-type', 'text/html', 'reply.xml'], cwd);
    expect(code).toBe(0);
    const log = JSON.parse(stdout) as SarifLog;
    expect(validateSarif(log)).toBe(true);
    expect(log.runs[0]?.results.map((r) => [r.ruleId, r.level])).toEqual([['content-type', 'note']]);
  });

  it('gives a reply read from stdin no location, and still passes the schema', async () => {
    const cwd = workspace({});
    const buffered = bufferIo({ cwd });
    const io = { ...buffered.io, stdin: Object.assign((async function* () { yield Buffer.from(BROKEN); })(), { isTTY: false }) };
    const code = await runCli(['validate', '--reporter', 'sarif'], io);
    expect(code).toBe(1);
    const log = JSON.parse(buffered.stdout()) as SarifLog;
    expect(validateSarif(log)).toBe(true);
    expect(log.runs[0]?.results.every((r) => r.locations === undefined && r.properties['file'] === '<stdin>')).toBe(true);
  });

  it('percent-encodes a file name as a relative URI the schema accepts', async () => {
    const cwd = workspace({ 'my reply #1.xml': BROKEN });
    const { stdout } = await validate(['--reporter', 'sarif', 'my reply #1.xml'], cwd);
    const log = JSON.parse(stdout) as SarifLog;
    expect(validateSarif(log)).toBe(true);
    expect(log.runs[0]?.results[0]?.locations?.[0]?.physicalLocation.artifactLocation.uri).toBe('my%20reply%20%231.xml');
  });

  it('refuses a sarif file in a place it cannot write before reading any reply, as every reporter does', async () => {
    const cwd = workspace({ 'broken.xml': BROKEN, 'taken': '' });
    const { code, stderr } = await validate(['--reporter', 'sarif:taken/twiml.sarif', 'broken.xml'], cwd);
    expect(code).toBe(2);
    expect(stderr).toContain('is not a directory');
  });
});
