import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../../src/cli/run-cli.js';
import type { CliIo } from '../../src/cli/io.js';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function run(argv: string[], options: { cwd: string; stdin?: string; tty?: boolean; env?: Record<string, string> }): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const stdinChunks = options.stdin === undefined ? [] : [Buffer.from(options.stdin)];
  const io: CliIo = {
    stdout: { write: (chunk: string) => (stdout += chunk), isTTY: options.tty ?? false },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    stdin: Object.assign((async function* () { yield* stdinChunks; })(), { isTTY: options.stdin === undefined }),
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
      ✓ warn.xml: Twilio would reject the fax (1 warning)

      2 replies: 1 work, 1 would fail the fax
      "
    `);
  });

  it('colours the output only on a terminal without NO_COLOR', async () => {
    expect((await run(['validate', 'good.xml'], { cwd: dir, tty: true })).stdout).toContain('\u001b[32m');
    expect((await run(['validate', 'good.xml'], { cwd: dir, tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await run(['validate', 'good.xml'], { cwd: dir, tty: false })).stdout).not.toContain('\u001b[');
  });

  it('prints { ok, files } with --reporter json', async () => {
    const result = await run(['validate', '--reporter', 'json', 'good.xml', 'bad.xml'], { cwd: dir });
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout) as { ok: boolean; files: { file: string; ok: boolean; verb: string | null; diagnostics: { check: string; line?: number }[] }[] };
    expect(json.ok).toBe(false);
    expect(json.files.map((f) => ({ file: f.file, ok: f.ok, verb: f.verb, checks: f.diagnostics.map((d) => d.check) }))).toEqual([
      { file: 'good.xml', ok: true, verb: 'Receive', checks: [] },
      { file: 'bad.xml', ok: false, verb: null, checks: ['fax-action', 'verb-case'] },
    ]);
    expect(json.files[1]?.diagnostics[1]).toMatchObject({ code: 'verb_case_mismatch', severity: 'error', twilioError: 12200, line: 2, column: 3, path: 'Response/receive' });
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
    expect((await run(['validate', '--content-type=text/html', 'good.xml'], { cwd: dir })).stdout).toContain('warning  content-type');
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
    expect(await run(['validate', '--reporter', 'junit', 'good.xml'], { cwd: dir })).toMatchObject({ code: 2, stderr: "twiml-fax-kit: unknown reporter 'junit'; use pretty or json\n" });
  });

  it('asks for input instead of waiting on a terminal', async () => {
    expect(await run(['validate'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'twiml-fax-kit: no reply to validate: pass a FILE or pipe a reply into stdin\n' });
  });

  it('documents usage, options, examples and exit codes in --help', async () => {
    const { code, stdout } = await run(['validate', '--help'], { cwd: dir });
    expect(code).toBe(0);
    for (const part of ['Usage: twiml-fax-kit validate', '--content-type TYPE', '--no-content-type', '--reporter', 'Examples:', 'Exit codes:', '.content-type']) expect(stdout).toContain(part);
  });

  it("prints the README's example output verbatim", async () => {
    const root = resolve(import.meta.dirname, '../..');
    const readme = await readFile(join(root, 'README.md'), 'utf8');
    const shown = /```\n(examples\/replies\/lowercase-receive\.xml:[\s\S]*?)```/.exec(readme)?.[1];
    expect(shown).toBeDefined();
    expect((await run(['validate', 'examples/replies/lowercase-receive.xml'], { cwd: root })).stdout).toBe(shown);
  });

  it('validates the bundled examples: three work and three fail', async () => {
    const root = resolve(import.meta.dirname, '../..');
    const result = await run(['validate', '--reporter', 'json', 'examples/replies'], { cwd: root });
    const json = JSON.parse(result.stdout) as { files: { file: string; ok: boolean }[] };
    expect(Object.fromEntries(json.files.map((f) => [f.file.replace(/^.*[\\/]/, ''), f.ok]))).toEqual({
      'indented-no-declaration.xml': true,
      'lowercase-receive.xml': false,
      'page-size-A4.xml': false,
      'receive-all-attributes.xml': true,
      'reject.xml': true,
      'whitespace-before-declaration.xml': false,
    });
  });
});
