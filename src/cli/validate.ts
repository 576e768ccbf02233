import { DEFAULT_FAIL_ON, FAIL_ON_LEVELS, type FailOn } from '../model/diagnostic.js';
import { ReportWriteError } from '../reporters/write-report.js';
import { createValidationReporters } from '../reporters/validation/create-validation-reporters.js';
import { validationReport } from '../reporters/validation/validation-report.js';
import { validateFaxTwiml } from '../twiml/validate.js';
import { parseCommandArgs, usageError, type Command } from './command.js';
import { EXIT } from './exit-codes.js';
import { parseProfile, profileHelp, PROFILE_OPTION } from './profile-option.js';
import { readInputs } from './validate-inputs.js';

const HELP = `Usage: twiml-fax-kit validate [options] [FILE|DIR|-]...

Validates fax TwiML replies as Twilio would read them: the Content-Type, the size, the XML, the
<Response> root, the verbs and their attributes. Reads stdin when no FILE is given, or for '-'.
A DIR stands for every *.xml file in it, in name order. Each reply is read only as far as Twilio
reads (64 kB): a longer one is Twilio error 11750, whatever follows.

Options:
  --content-type TYPE   judge the reply's Content-Type (e.g. 'text/xml; charset=utf-8')
  --no-content-type     the reply had no Content-Type header (Twilio error 12300)
${profileHelp(24, { signs: false })}
  --fail-on LEVEL       which findings fail the run: error, warning (default), notice or never
                        (error: Twilio fails the fax; warning: Twilio ignores or replaces part of the reply;
                        notice: legal, worth knowing)
  --reporter NAME[:FILE]
                        pretty (default), json, junit, github, sarif; repeat for several; FILE writes there (checked
                        before any reply is read; missing directories created inside the working directory only)
                        json: { ok, failOn, files: [{ file, ok, verb, verdict, diagnostics }] }
                        junit: one testcase per reply; github: an annotation at each finding's file, line, column
                        sarif: SARIF 2.1.0 for GitHub code scanning, a result at each finding's file, line, column
  --color, --no-color   force colour on or off (default: on a terminal, unless NO_COLOR is set; FORCE_COLOR
                        forces it)
  -h, --help            show this help

Without either Content-Type option, a file NAME.xml may have a sidecar NAME.content-type holding the
Content-Type on its first line (an empty sidecar means the reply had none); otherwise the Content-Type
is not judged.

Each reply ends with a verdict line saying what Twilio would do with it, e.g.
  ✗ reply.xml: Twilio would receive the fax but ignore Action (warning 12200): no action callback would ever come
✗ when a finding fails under --fail-on, ✓ otherwise.

Examples:
  twiml-fax-kit validate reply.xml
  curl -s -X POST http://localhost:3000/fax | twiml-fax-kit validate --content-type text/xml
  twiml-fax-kit validate --reporter json examples/replies
  twiml-fax-kit validate --fail-on error reply.xml   (only what makes Twilio fail the fax or a request)
  twiml-fax-kit validate replies --reporter pretty --reporter junit:reports/twiml.xml --reporter github
  twiml-fax-kit validate templates --reporter sarif:reports/twiml.sarif   (then github/codeql-action/upload-sarif)

Exit codes:
  0  no reply has a finding at or above --fail-on
  1  a reply has a finding at or above --fail-on (default: warning)
  2  the command was wrong (unknown flag, unreadable file, a report file that cannot be written)
`;

const OPTIONS = {
  'content-type': { type: 'string' },
  'no-content-type': { type: 'boolean' },
  'fail-on': { type: 'string' },
  reporter: { type: 'string', multiple: true },
  color: { type: 'boolean' },
  ...PROFILE_OPTION,
} as const;

/** `twiml-fax-kit validate`: validates TwiML replies from files, directories or stdin. */
export const validateCommand: Command = {
  name: 'validate',
  help: HELP,
  async run(argv, io) {
    const parsed = parseCommandArgs('validate', argv, OPTIONS);
    if (!parsed.ok) return usageError(io, parsed.message);
    const { values, positionals } = parsed.args;
    const failOn = parseFailOn(values['fail-on']);
    if (failOn === undefined) return usageError(io, `--fail-on must be one of ${FAIL_ON_LEVELS.join(', ')}, not '${values['fail-on'] ?? ''}'`);
    // node:util's allowNegative reads --no-content-type as content-type: false and lets the last flag win, so a
    // contradiction would pass silently: refuse it instead.
    const profile = parseProfile(values.profile);
    if (!profile.ok) return usageError(io, profile.message);
    if (givesBothContentTypeFlags(argv)) return usageError(io, 'use either --content-type TYPE or --no-content-type, not both');
    const flag = values['content-type'] as string | boolean | undefined;
    const contentType = flag === false || values['no-content-type'] === true ? null : typeof flag === 'string' ? flag : undefined;

    if (positionals.length === 0 && io.stdin.isTTY) return usageError(io, 'no reply to validate: pass a FILE or pipe a reply into stdin');
    // Output files are checked (and earlier reports removed) before any reply is read, as check does before its run.
    const reporters = createValidationReporters(values.reporter ?? [], io, { ...(values.color !== undefined && { color: values.color }) });
    if (!reporters.ok) return usageError(io, reporters.message);
    const outcome = await readInputs(positionals.length === 0 ? ['-'] : positionals, io, contentType, profile.profile.twiml.maxBodyBytes);
    if (!outcome.ok) return usageError(io, outcome.message);

    const report = validationReport(
      outcome.inputs.map((input) => ({
        file: input.file,
        validation: validateFaxTwiml(input.body, { failOn, profile: profile.profile, truncated: input.truncated, ...(input.contentType === undefined ? {} : { contentType: input.contentType }) }),
      })),
      failOn,
    );
    try {
      await reporters.write(report);
    } catch (error) {
      if (error instanceof ReportWriteError) return usageError(io, `${error.message}; choose a writable path`);
      throw error;
    }
    return report.ok ? EXIT.ok : EXIT.findings;
  },
};

/** `--fail-on`, in any case, as `check` reads it; undefined for a word it does not know. */
function parseFailOn(raw: string | undefined): FailOn | undefined {
  if (raw === undefined) return DEFAULT_FAIL_ON;
  return FAIL_ON_LEVELS.find((level) => level === raw.toLowerCase());
}

function givesBothContentTypeFlags(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  const flags = end === -1 ? argv : argv.slice(0, end);
  return flags.includes('--no-content-type') && flags.some((arg) => arg === '--content-type' || arg.startsWith('--content-type='));
}
