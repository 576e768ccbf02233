import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../../src/cli/run-cli.js';
import { parseWellFormedXml } from '../reporters/xml-parse.js';
import type { CliIo } from '../../src/model/io.js';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function run(argv: string[], options: { cwd: string; stdin?: string | AsyncIterable<Uint8Array>; tty?: boolean; env?: Record<string, string> }): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const { stdin } = options;
  const chunks = stdin === undefined ? [] : typeof stdin === 'string' ? [Buffer.from(stdin)] : stdin;
  const io: CliIo = {
    stdout: { write: (chunk: string) => (stdout += chunk), isTTY: options.tty ?? false },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    stdin: Object.assign((async function* () { yield* chunks; })(), { isTTY: stdin === undefined }),
    env: options.env ?? {},
    cwd: options.cwd,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'validate-cli-'));
  await mkdir(join(dir, 'replies'));
  await mkdir(join(dir, 'empty'));
  await writeFile(join(dir, 'good.xml'), '<?xml version="1.0" encoding="UTF-8"?>\n<Response>\n  <Receive pageSize="a4"/>\n</Response>\n');
  await writeFile(join(dir, 'bad.xml'), '<Response>\n  <receive/>\n</Response>\n');
  await writeFile(join(dir, 'warn.xml'), '<Response>\n  <Reject reason="busy"/>\n</Response>\n');
  await writeFile(join(dir, 'replies', 'b.xml'), '<Response><Reject/></Response>');
  await writeFile(join(dir, 'replies', 'a.xml'), '<Response><Receive/></Response>');
  await writeFile(join(dir, 'replies', 'a.content-type'), 'application/json\n');
  await writeFile(join(dir, 'replies', 'notes.txt'), 'not a reply');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('twiml-fax-kit validate', () => {
  it('exits 0 and says what Twilio would do with a good reply', async () => {
    const result = await run(['validate', 'good.xml'], { cwd: dir });
    expect(result).toEqual({ code: 0, stdout: '✓ good.xml: Twilio would receive the fax\n', stderr: '' });
  });

  it('prints each diagnostic with its place, hint and Twilio error, then the verdict', async () => {
    const result = await run(['validate', 'bad.xml', 'warn.xml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatchInlineSnapshot(`
      "bad.xml:1:1  error    fax-action  <Response> holds no fax verb, so Twilio has nothing to do with the fax
          hint: add <Receive/> to receive the fax, or <Reject/> to refuse it
          Twilio error 34106: No Fax TwiML action specified (https://www.twilio.com/docs/api/errors/34106)
      bad.xml:2:3  error    verb-case  <receive> is not a fax verb: verb names are case-sensitive; Twilio skips it, leaving no fax verb
          hint: rename <receive> to <Receive>
          Twilio error 12200: Schema validation warning (https://www.twilio.com/docs/api/errors/12200)
      ✗ bad.xml: Twilio would fail the fax with error 34106

      warn.xml:2:11  warning  known-attributes  <Reject> has no attribute reason; Twilio ignores it
          hint: remove reason; <Reject> takes no attributes
          Twilio error 12200: Schema validation warning (https://www.twilio.com/docs/api/errors/12200)
      ✗ warn.xml: Twilio would reject the fax but ignore reason (warning 12200)

      2 replies: 0 pass, 2 fail (--fail-on warning)
      "
    `);
  });

  it('fails a reply Twilio receives with a warning, saying what Twilio ignores and what follows', async () => {
    const body = '<Response><Receive Action="/fax/received"/></Response>\n';
    const verdict = 'Twilio would receive the fax but ignore Action (warning 12200): no action callback would ever come';
    const byDefault = await run(['validate', '-', '--content-type', 'text/xml'], { cwd: dir, stdin: body });
    expect(byDefault.code).toBe(1);
    expect(byDefault.stdout.split('\n').at(-2)).toBe(`✗ <stdin>: ${verdict}`);
    const onErrors = await run(['validate', '-', '--content-type', 'text/xml', '--fail-on', 'error'], { cwd: dir, stdin: body });
    expect(onErrors.code).toBe(0);
    expect(onErrors.stdout.split('\n').at(-2)).toBe(`✓ <stdin>: ${verdict}`);
  });

  it.each([
    ['<Response><Receive pageSize="A4"/></Response>', 'Twilio would receive the fax but use pageSize="letter" instead of "A4" (warning 12200)', 1, 0],
    ['<Response><Receive action="ftp://x"/></Response>', 'Twilio would receive the fax but fail to request action="ftp://x" (error 11100): no action callback would ever come', 1, 1],
    ['<Response><Say/></Response>', 'Twilio would fail the fax with error 34106', 1, 1],
  ])('says what Twilio does with %s, and exits as --fail-on says', async (body, verdict, byDefault, onErrors) => {
    const warned = await run(['validate', '-'], { cwd: dir, stdin: body });
    expect(warned).toMatchObject({ code: byDefault, stderr: '' });
    expect(warned.stdout).toContain(`<stdin>: ${verdict}\n`);
    expect((await run(['validate', '-', '--fail-on', 'ERROR'], { cwd: dir, stdin: body })).code).toBe(onErrors);
    expect((await run(['validate', '-', '--fail-on', 'never'], { cwd: dir, stdin: body })).code).toBe(0);
  });

  it('fails on a notice only under --fail-on notice, and says what fails the line', async () => {
    const args = ['validate', '--content-type', 'text/html', 'good.xml'];
    expect(await run(args, { cwd: dir })).toMatchObject({ code: 0, stdout: expect.stringContaining('✓ good.xml: Twilio would receive the fax\n') });
    expect(await run([...args, '--fail-on', 'notice'], { cwd: dir })).toMatchObject({ code: 1, stdout: expect.stringContaining('✗ good.xml: Twilio would receive the fax (1 notice)\n') });
  });

  it('exits 2 for a --fail-on it does not know, in the words of check', async () => {
    expect(await run(['validate', '--fail-on', 'warnings', 'good.xml'], { cwd: dir })).toEqual({
      code: 2, stdout: '', stderr: "twiml-fax-kit: --fail-on must be one of error, warning, notice, never, not 'warnings'\n",
    });
  });

  it('collapses 15 000 identical findings of one reply into one line with the count', async () => {
    const body = `<Response><Receive/>${'<X/>'.repeat(15_000)}</Response>`;
    const result = await run(['validate', '-', '--reporter', 'json'], { cwd: dir, stdin: body });
    const json = JSON.parse(result.stdout) as { files: { diagnostics: { code: string; count?: number }[] }[] };
    expect(json.files[0]?.diagnostics).toMatchObject([{ code: 'unknown_verb', count: 15_000 }]);
  });

  it('colours the output only on a terminal without NO_COLOR', async () => {
    expect((await run(['validate', 'good.xml'], { cwd: dir, tty: true })).stdout).toContain('\u001b[32m');
    expect((await run(['validate', 'good.xml'], { cwd: dir, tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await run(['validate', 'good.xml'], { cwd: dir, tty: false })).stdout).not.toContain('\u001b[');
  });

  it('prints { ok, failOn, files } with --reporter json, each file ok as --fail-on says', async () => {
    const result = await run(['validate', '--reporter', 'json', 'good.xml', 'bad.xml', 'warn.xml'], { cwd: dir });
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout) as { ok: boolean; failOn: string; files: { file: string; ok: boolean; verb: string | null; verdict: string; diagnostics: { check: string; line?: number }[] }[] };
    expect(json).toMatchObject({ ok: false, failOn: 'warning' });
    expect(json.files.map((f) => ({ file: f.file, ok: f.ok, verb: f.verb, verdict: f.verdict, checks: f.diagnostics.map((d) => d.check) }))).toEqual([
      { file: 'good.xml', ok: true, verb: 'Receive', verdict: 'Twilio would receive the fax', checks: [] },
      { file: 'bad.xml', ok: false, verb: null, verdict: 'Twilio would fail the fax with error 34106', checks: ['fax-action', 'verb-case'] },
      { file: 'warn.xml', ok: false, verb: 'Reject', verdict: 'Twilio would reject the fax but ignore reason (warning 12200)', checks: ['known-attributes'] },
    ]);
    expect(json.files[1]?.diagnostics[1]).toMatchObject({ code: 'verb_case_mismatch', severity: 'error', twilioError: 12200, line: 2, column: 3, path: 'Response/receive' });
    const onErrors = JSON.parse((await run(['validate', '--reporter', 'json', '--fail-on', 'error', 'warn.xml'], { cwd: dir })).stdout) as { ok: boolean; files: { ok: boolean }[] };
    expect(onErrors).toMatchObject({ ok: true, failOn: 'error', files: [{ ok: true }] });
  });

  it('reads stdin when no file is given, or for -', async () => {
    const body = '<Response><Reject/></Response>';
    expect(await run(['validate'], { cwd: dir, stdin: body })).toMatchObject({ code: 0, stdout: '✓ <stdin>: Twilio would reject the fax\n' });
    expect(await run(['validate', '-', '--content-type', 'text/plain'], { cwd: dir, stdin: body })).toMatchObject({ code: 1 });
  });

  it('judges the Content-Type given by --content-type or --no-content-type', async () => {
    const missing = await run(['validate', '--no-content-type', 'good.xml'], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('good.xml  error    content-type  the reply has no Content-Type header');
    expect(missing.stdout).toContain('Twilio would fail the fax with error 12300');
    expect((await run(['validate', '--content-type', 'text/xml; charset=utf-8', 'good.xml'], { cwd: dir })).code).toBe(0);
    expect((await run(['validate', '--content-type=text/html', 'good.xml'], { cwd: dir })).stdout).toContain('good.xml  notice   content-type');
  });

  it('exits 2 when --content-type and --no-content-type contradict each other, in either order', async () => {
    const message = 'twiml-fax-kit: use either --content-type TYPE or --no-content-type, not both\n';
    expect(await run(['validate', '--content-type', 'text/xml', '--no-content-type', 'good.xml'], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: message });
    expect(await run(['validate', '--no-content-type', '--content-type=text/plain', 'good.xml'], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: message });
  });

  it('validates every .xml file of a directory in name order, with sidecar Content-Types', async () => {
    const result = await run(['validate', '--reporter', 'json', 'replies'], { cwd: dir });
    const json = JSON.parse(result.stdout) as { files: { file: string; diagnostics: { code: string }[] }[] };
    expect(json.files.map((f) => [f.file, f.diagnostics.map((d) => d.code)])).toEqual([
      [join('replies', 'a.xml'), ['invalid_content_type']],
      [join('replies', 'b.xml'), []],
    ]);
    expect((await run(['validate', '--content-type', 'text/xml', 'replies'], { cwd: dir })).code).toBe(0);
  });

  it('exits 2 with one line for an unreadable file', async () => {
    expect(await run(['validate', 'good.xml', 'reply.xml'], { cwd: dir })).toEqual({
      code: 2, stdout: '', stderr: 'twiml-fax-kit: cannot read reply.xml: no such file (check the path)\n',
    });
  });

  it('exits 2 for a directory with no replies', async () => {
    const result = await run(['validate', 'empty'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^twiml-fax-kit: cannot read empty: the directory holds no \.xml files/);
  });

  it('exits 2 for an unknown flag or reporter', async () => {
    const flag = await run(['validate', '--strict', 'good.xml'], { cwd: dir });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/^twiml-fax-kit: .*'--strict'.*\(see 'twiml-fax-kit validate --help'\)\n$/);
    expect(await run(['validate', '--reporter', 'html', 'good.xml'], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: "twiml-fax-kit: unknown reporter 'html'; reporters: pretty, json, junit, github, sarif (--reporter NAME[:FILE])\n",
    });
  });

  it('asks for input instead of waiting on a terminal', async () => {
    expect(await run(['validate'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'twiml-fax-kit: no reply to validate: pass a FILE or pipe a reply into stdin\n' });
  });

  it('documents usage, options, examples and exit codes in --help', async () => {
    const { code, stdout } = await run(['validate', '--help'], { cwd: dir });
    expect(code).toBe(0);
    for (const part of ['Usage: twiml-fax-kit validate', '--content-type TYPE', '--no-content-type', '--fail-on LEVEL', '--reporter', 'Examples:', 'Exit codes:', '.content-type']) expect(stdout).toContain(part);
  });

  it('prints the example output of docs/validate.md verbatim', async () => {
    const root = resolve(import.meta.dirname, '../..');
    const page = await readFile(join(root, 'docs/validate.md'), 'utf8');
    const command = /`npx twiml-fax-kit (validate examples\/replies\/[^`]*)`:\n\n```\n([\s\S]*?)```/.exec(page);
    expect(command).not.toBeNull();
    const [, argv = '', shown] = command ?? [];
    expect((await run(argv.split(' '), { cwd: root })).stdout).toBe(shown);
  });

  it('validates the bundled examples: three pass and four fail', async () => {
    const root = resolve(import.meta.dirname, '../..');
    const result = await run(['validate', '--reporter', 'json', 'examples/replies'], { cwd: root });
    const json = JSON.parse(result.stdout) as { files: { file: string; ok: boolean }[] };
    expect(Object.fromEntries(json.files.map((f) => [f.file.replace(/^.*[\\/]/, ''), f.ok]))).toEqual({
      'indented-no-declaration.xml': true,
      'lowercase-receive.xml': false,
      'miscased-action.xml': false,
      'page-size-A4.xml': false,
      'receive-all-attributes.xml': true,
      'reject.xml': true,
      'whitespace-before-declaration.xml': false,
    });
  });

  it("words --fail-on as check does", async () => {
    const words = (help: string) => help.slice(help.indexOf('--fail-on LEVEL')).split('\n').slice(0, 3).map((line) => line.trim().replace(/\s+/g, ' ')).join(' ');
    const check = await run(['check', '--help'], { cwd: dir });
    const validate = await run(['validate', '--help'], { cwd: dir });
    expect(words(validate.stdout)).toBe(words(check.stdout));
  });
});

describe('twiml-fax-kit validate --reporter, as check has it', () => {
  interface Testcase {
    '@name': string;
    '@file'?: string;
    failure?: { '@message': string; '@type': string; '#text': string };
    'system-out'?: string;
  }

  it('writes JUnit: one testcase per reply, a failure with the verdict for each that fails, notices in system-out', async () => {
    const result = await run(['validate', '--content-type', 'text/html', '--reporter', 'junit:reports/twiml.xml', 'good.xml', 'bad.xml', '-'], { cwd: dir, stdin: '<Response><Reject/></Response>' });
    expect(result).toEqual({ code: 1, stdout: '', stderr: '' });
    const doc = parseWellFormedXml(await readFile(join(dir, 'reports/twiml.xml'), 'utf8')) as { testsuites: { '@tests': string; '@failures': string; testsuite: { testcase: Testcase[] } } };
    expect(doc.testsuites).toMatchObject({ '@tests': '3', '@failures': '1' });
    const [good, bad, stdin] = doc.testsuites.testsuite.testcase;
    expect(good).toMatchObject({ '@name': 'good.xml', '@file': 'good.xml' });
    expect(good?.failure).toBeUndefined();
    expect(good?.['system-out']).toContain('good.xml  notice   content-type  ');
    expect(bad?.failure).toMatchObject({ '@message': 'bad.xml: Twilio would fail the fax with error 34106', '@type': 'no_fax_action' });
    expect(bad?.failure?.['#text']).toContain('bad.xml:2:3  error    verb-case  <receive> is not a fax verb');
    expect(stdin).toMatchObject({ '@name': '<stdin>' });
    expect(stdin?.['@file']).toBeUndefined();
  });

  it('writes GitHub annotations at the file, line and column of each finding, then a summary that fails the step', async () => {
    const result = await run(['validate', '--reporter', 'github', 'bad.xml', 'warn.xml', 'good.xml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      '::error file=bad.xml,line=1,col=1,title=fax-action · Twilio 34106 No Fax TwiML action specified::<Response> holds no fax verb, so Twilio has nothing to do with the fax [no_fax_action]%0A%0AHint: add <Receive/> to receive the fax, or <Reject/> to refuse it',
      '::error file=bad.xml,line=2,col=3,title=verb-case · Twilio 12200 Schema validation warning::<receive> is not a fax verb: verb names are case-sensitive; Twilio skips it, leaving no fax verb [verb_case_mismatch]%0A%0AHint: rename <receive> to <Receive>',
      '::warning file=warn.xml,line=2,col=11,title=known-attributes · Twilio 12200 Schema validation warning::<Reject> has no attribute reason; Twilio ignores it [unknown_attribute]%0A%0AHint: remove reason; <Reject> takes no attributes',
      '::error title=twiml-fax-kit validate::FAILED: 2 of 3 replies fail under --fail-on warning: bad.xml: Twilio would fail the fax with error 34106; warn.xml: Twilio would reject the fax but ignore reason (warning 12200)',
      '',
    ]);
  });

  it('annotates a reply from stdin without a file, and passes with a notice', async () => {
    const result = await run(['validate', '--reporter', 'github', '--content-type', 'text/html'], { cwd: dir, stdin: '<Response><Reject/></Response>' });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^::notice title=content-type::.* \[undocumented_content_type\]/);
    expect(result.stdout.trim().split('\n').at(-1)).toBe('::notice title=twiml-fax-kit validate::PASSED: the reply passes under --fail-on warning');
  });

  it('keeps JUnit well-formed and each annotation one line whatever the reply holds', async () => {
    const hostile = '<Response>\n<Receive pageSize="a%0A\u0085\u2028\u009b31m&#13;"/></Response>';
    const result = await run(['validate', '-', '--reporter', 'github', '--reporter', 'junit:hostile.xml'], { cwd: dir, stdin: hostile });
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) [^\n\r\u001b\u0000]*$/);
    expect(lines.some((line) => line.includes('%250A'))).toBe(true);
    parseWellFormedXml(await readFile(join(dir, 'hostile.xml'), 'utf8'));
  });

  it('prints pretty and GitHub annotations together on stdout, and refuses two documents there', async () => {
    const both = await run(['validate', '--reporter', 'pretty', '--reporter', 'github', 'bad.xml'], { cwd: dir });
    expect(both.stdout).toMatch(/^bad\.xml:1:1 {2}error {4}fax-action/);
    expect(both.stdout).toContain('\n::error file=bad.xml,line=2,col=3,');
    expect(await run(['validate', '--reporter', 'pretty', '--reporter', 'json', 'bad.xml'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: "twiml-fax-kit: reporters 'pretty' and 'json' both write to stdout; give one a file (e.g. --reporter json:report.json)\n",
    });
  });

  it('checks every output path before reading a reply, and removes an earlier report first', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'validate-outputs-'));
    await writeFile(join(cwd, 'reports'), 'a file where a directory should be');
    let read = false;
    const stdin = (async function* () {
      read = true;
      yield Buffer.from('<Response><Receive/></Response>');
    })();
    expect(await run(['validate', '--reporter', 'junit:reports/twiml.xml'], { cwd, stdin })).toEqual({
      code: 2,
      stdout: '',
      stderr: `twiml-fax-kit: cannot write --reporter junit:reports/twiml.xml: ${join(cwd, 'reports')} is not a directory\n`,
    });
    expect(read).toBe(false);
    await writeFile(join(cwd, 'old.xml'), 'an earlier report');
    expect((await run(['validate', '--reporter', 'junit:old.xml', 'missing.xml'], { cwd })).code).toBe(2);
    expect(existsSync(join(cwd, 'old.xml'))).toBe(false);
    await rm(cwd, { recursive: true, force: true });
  });
});

// Twilio reads 64 kB; so does validate, then it stops: no reply, however long or endless, holds it or its memory.
// A short budget: reading everything (the regression) must fail fast rather than fill the machine's memory.
describe('twiml-fax-kit validate on replies that never end', { timeout: 10_000 }, () => {
  const TOO_LARGE = 'error    body-size  the body is larger than 65,536 bytes';

  it.skipIf(!existsSync('/dev/zero'))('reads /dev/zero only as far as the limit and reports 11750', async () => {
    const result = await run(['validate', '/dev/zero', '--content-type', 'text/xml'], { cwd: dir });
    expect(result).toMatchObject({ code: 1, stderr: '' });
    expect(result.stdout).toContain(`/dev/zero  ${TOO_LARGE}`);
    expect(result.stdout).toContain('✗ /dev/zero: Twilio would fail the fax with error 11750');
  });

  it('stops reading an endless stdin after the limit and reports 11750', async () => {
    let chunksRead = 0;
    const endless = (async function* () {
      for (;;) {
        chunksRead++;
        yield new Uint8Array(64 * 1024);
      }
    })();
    const result = await run(['validate', '-'], { cwd: dir, stdin: endless });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`<stdin>  ${TOO_LARGE}`);
    expect(chunksRead).toBeLessThanOrEqual(2);
  });

  it.skipIf(process.platform === 'win32')('stops reading a FIFO whose writer never stops, and reports 11750', async () => {
    const fifo = join(dir, 'endless.xml');
    execFileSync('mkfifo', [fifo]);
    // `cat` writes zeros until the kit closes its end: then it dies of SIGPIPE.
    const writer = spawn('sh', ['-c', 'exec cat /dev/zero > "$1"', 'sh', fifo], { stdio: 'ignore' });
    const exited = new Promise((resolve) => writer.once('exit', resolve));
    try {
      const result = await run(['validate', 'endless.xml'], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(`endless.xml  ${TOO_LARGE}`);
      await exited;
    } finally {
      if (writer.exitCode === null && writer.signalCode === null && writer.pid !== undefined) process.kill(writer.pid);
      await rm(fifo, { force: true });
    }
  });
});
