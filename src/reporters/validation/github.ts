import type { Diagnostic } from '../../model/diagnostic.js';
import { twilioErrorTitle } from '../../protocol/twilio-errors.js';
import { describeVerdict, verdictOf } from '../../twiml/verdict.js';
import { formatWorkflowCommand } from '../github.js';
import { STDIN_FILE, type ValidatedReply, type ValidationReport } from './validation-report.js';

/**
 * `validate`'s report as GitHub workflow commands: one `::error`/`::warning`/`::notice` per diagnostic, placed at its
 * file, line and column (GitHub shows it on that line of the pull request's diff; a reply read from stdin has no
 * file), titled with the check and Twilio's code; then one summary line, an `::error` when a reply fails under
 * `--fail-on` (naming each with its verdict) and a `::notice` when all pass. Every command is one line.
 */
export function formatValidationGithub(report: ValidationReport): string {
  const lines = report.replies.flatMap((reply) => reply.validation.diagnostics.map((diagnostic) => formatAnnotation(reply, diagnostic)));
  lines.push(formatWorkflowCommand(report.ok ? 'notice' : 'error', { title: 'twiml-fax-kit validate' }, summaryOf(report)));
  return `${lines.join('\n')}\n`;
}

function formatAnnotation({ file }: ValidatedReply, diagnostic: Diagnostic): string {
  const twilio = diagnostic.twilioError === undefined ? '' : ` · Twilio ${diagnostic.twilioError} ${twilioErrorTitle(diagnostic.twilioError)}`;
  const places = diagnostic.count !== undefined && diagnostic.count > 1 ? ` (in ${diagnostic.count} places; the first is shown)` : '';
  const parts = [`${diagnostic.message} [${diagnostic.code}]${places}`];
  if (diagnostic.hint) parts.push(`Hint: ${diagnostic.hint}`);
  const properties = {
    file: file === STDIN_FILE ? undefined : file,
    line: diagnostic.line,
    col: diagnostic.line === undefined ? undefined : diagnostic.column,
    title: `${diagnostic.check}${twilio}`,
  };
  return formatWorkflowCommand(diagnostic.severity, properties, parts.join('\n\n'));
}

function summaryOf(report: ValidationReport): string {
  const total = report.replies.length;
  const failing = report.replies.filter((r) => !r.ok);
  const noun = total === 1 ? 'reply' : 'replies';
  if (failing.length === 0) return `PASSED: ${total === 1 ? 'the reply passes' : `all ${total} ${noun} pass`} under --fail-on ${report.failOn}`;
  const which = failing.map((r) => `${r.file}: ${describeVerdict(verdictOf(r.validation))}`).join('; ');
  return `FAILED: ${failing.length} of ${total} ${noun} ${failing.length === 1 ? 'fails' : 'fail'} under --fail-on ${report.failOn}: ${which}`;
}
