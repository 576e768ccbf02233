import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import picocolors from 'picocolors';
import { formatValidationPretty } from '../twiml/format-pretty.js';
import { validateFaxTwiml, type TwimlValidation } from '../twiml/validate.js';
import { parseCommandArgs, usageError, type Command } from './command.js';
import { EXIT, readAll, type CliIo } from './io.js';

const HELP = `Usage: twiml-fax-kit validate [options] [FILE|DIR|-]...

Validates fax TwiML replies as Twilio would read them: the Content-Type, the size, the XML, the
<Response> root, the verbs and their attributes. Reads stdin when no FILE is given, or for '-'.
A DIR stands for every *.xml file in it, in name order.

Options:
  --content-type TYPE   judge the reply's Content-Type (e.g. 'text/xml; charset=utf-8')
  --no-content-type     the reply had no Content-Type header (Twilio error 12300)
  --reporter NAME       pretty (default) or json: { ok, files: [{ file, ok, verb, diagnostics }] }
  -h, --help            show this help

Without either Content-Type option, a file NAME.xml may have a sidecar NAME.content-type holding the
Content-Type on its first line (an empty sidecar means the reply had none); otherwise the Content-Type
is not judged.

Examples:
  twiml-fax-kit validate reply.xml
  curl -s -X POST http://localhost:3000/fax | twiml-fax-kit validate --content-type text/xml
  twiml-fax-kit validate --reporter json examples/replies

Exit codes: 0 every reply works, 1 a reply would make the fax fail, 2 usage error or unreadable file.
`;

const OPTIONS = {
  'content-type': { type: 'string' },
  'no-content-type': { type: 'boolean' },
  reporter: { type: 'string', default: 'pretty' },
} as const;

/** One reply to validate: where it came from, its bytes, and what is known of its Content-Type. */
interface ReplyInput {
  readonly file: string;
  readonly body: Uint8Array;
  readonly contentType: string | null | undefined;
}

type InputsOutcome = { readonly ok: true; readonly inputs: ReplyInput[] } | { readonly ok: false; readonly message: string };

/** `twiml-fax-kit validate`: validates TwiML replies from files, directories or stdin. */
export const validateCommand: Command = {
  name: 'validate',
  summary: 'validate fax TwiML replies (files, directories or stdin)',
  help: HELP,
  async run(argv, io) {
    const parsed = parseCommandArgs('validate', argv, OPTIONS);
    if (!parsed.ok) return usageError(io, parsed.message);
    const { values, positionals } = parsed.args;
    const reporter = values.reporter;
    if (reporter !== 'pretty' && reporter !== 'json') return usageError(io, `unknown reporter '${reporter}'; use pretty or json`);
    // node:util's allowNegative reads --no-content-type as content-type: false and lets the last flag win, so a
    // contradiction would pass silently: refuse it instead.
    if (givesBothContentTypeFlags(argv)) return usageError(io, 'use either --content-type TYPE or --no-content-type, not both');
    const flag = values['content-type'] as string | boolean | undefined;
    const contentType = flag === false || values['no-content-type'] === true ? null : typeof flag === 'string' ? flag : undefined;

    if (positionals.length === 0 && io.stdin.isTTY) return usageError(io, 'no reply to validate: pass a FILE or pipe a reply into stdin');
    const outcome = await readInputs(positionals.length === 0 ? ['-'] : positionals, io, contentType);
    if (!outcome.ok) return usageError(io, outcome.message);

    const results = outcome.inputs.map((input) => ({
      file: input.file,
      validation: validateFaxTwiml(input.body, input.contentType === undefined ? {} : { contentType: input.contentType }),
    }));
    const ok = results.every((r) => r.validation.ok);
    if (reporter === 'json') io.stdout.write(`${JSON.stringify(toJson(ok, results), null, 2)}\n`);
    else io.stdout.write(formatPretty(results, io));
    return ok ? EXIT.ok : EXIT.findings;
  },
};

function givesBothContentTypeFlags(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  const flags = end === -1 ? argv : argv.slice(0, end);
  return flags.includes('--no-content-type') && flags.some((arg) => arg === '--content-type' || arg.startsWith('--content-type='));
}

function toJson(ok: boolean, results: readonly { file: string; validation: TwimlValidation }[]) {
  return {
    ok,
    files: results.map(({ file, validation }) => ({ file, ok: validation.ok, verb: validation.verb, diagnostics: validation.diagnostics })),
  };
}

function formatPretty(results: readonly { file: string; validation: TwimlValidation }[], io: CliIo): string {
  const colors = picocolors.createColors(io.stdout.isTTY === true && !io.env.NO_COLOR);
  const blocks = results.map(({ file, validation }) => formatValidationPretty(file, validation, colors));
  if (results.length > 1) {
    const failing = results.filter((r) => !r.validation.ok).length;
    const summary = `${results.length} replies: ${results.length - failing} work, ${failing} would fail the fax`;
    blocks.push(`${failing > 0 ? colors.red(summary) : colors.green(summary)}\n`);
  }
  return blocks.join('\n');
}

async function readInputs(paths: readonly string[], io: CliIo, contentType: string | null | undefined): Promise<InputsOutcome> {
  const inputs: ReplyInput[] = [];
  let stdinRead = false;
  for (const path of paths) {
    if (path === '-') {
      if (stdinRead) return { ok: false, message: "stdin ('-') can be read only once" };
      stdinRead = true;
      inputs.push({ file: '<stdin>', body: await readAll(io.stdin), contentType });
      continue;
    }
    const files = await expand(path, io.cwd);
    if (!files.ok) return files;
    for (const file of files.files) {
      try {
        const body = await readFile(resolve(io.cwd, file));
        inputs.push({ file, body, contentType: contentType !== undefined ? contentType : await readSidecar(file, io.cwd) });
      } catch (error) {
        return { ok: false, message: `cannot read ${file}: ${describeFsError(error)}` };
      }
    }
  }
  return { ok: true, inputs };
}

async function expand(path: string, cwd: string): Promise<{ readonly ok: true; readonly files: string[] } | { readonly ok: false; readonly message: string }> {
  try {
    if (!(await stat(resolve(cwd, path))).isDirectory()) return { ok: true, files: [path] };
    const names = (await readdir(resolve(cwd, path))).filter((name) => name.endsWith('.xml')).sort();
    if (names.length === 0) return { ok: false, message: `cannot read ${path}: the directory holds no .xml files (pass the replies' files instead)` };
    return { ok: true, files: names.map((name) => join(path, name)) };
  } catch (error) {
    return { ok: false, message: `cannot read ${path}: ${describeFsError(error)}` };
  }
}

/** The sidecar `NAME.content-type` of `NAME.xml`: undefined when there is none, null when it is empty. */
async function readSidecar(file: string, cwd: string): Promise<string | null | undefined> {
  if (!file.endsWith('.xml')) return undefined;
  try {
    const text = await readFile(resolve(cwd, `${file.slice(0, -'.xml'.length)}.content-type`), 'utf8');
    const first = (text.split(/\r?\n/)[0] ?? '').trim();
    return first === '' ? null : first;
  } catch {
    return undefined;
  }
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  if (code === 'ENOENT') return 'no such file (check the path)';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied (check the file permissions)';
  if (code === 'EISDIR') return 'it is a directory';
  return error instanceof Error ? error.message.split('\n')[0] ?? 'unknown error' : String(error);
}
