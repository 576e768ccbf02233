import { failsOn } from '../../model/diagnostic.js';
import { formatValidationPretty } from '../../twiml/format-pretty.js';
import { describeVerdict, verdictOf } from '../../twiml/verdict.js';
import { PLAIN } from '../palette.js';
import { escapeXmlAttribute as attr, escapeXmlText as text } from '../xml-escape.js';
import { STDIN_FILE, type ValidatedReply, type ValidationReport } from './validation-report.js';

const SUITE = 'twiml-fax-kit validate';

/**
 * `validate`'s report as JUnit XML: one testcase per reply (`name` and `file` the reply's file). A reply that fails
 * under `--fail-on` carries a `<failure>` whose message is its verdict and whose body lists its diagnostics as the
 * pretty report does; one that passes with notices (or warnings under `--fail-on error`) has them in `<system-out>`.
 */
export function formatValidationJunit(report: ValidationReport): string {
  const failures = report.replies.filter((r) => !r.ok).length;
  const counts = `tests="${report.replies.length}" failures="${failures}" errors="0" skipped="0" time="0.000"`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${SUITE}" ${counts}>`,
    `  <testsuite name="${SUITE}" ${counts}>`,
    '    <properties>',
    `      <property name="fail-on" value="${report.failOn}"/>`,
    '    </properties>',
    ...report.replies.flatMap((reply) => formatTestcase(reply, report)),
    '  </testsuite>',
    '</testsuites>',
  ];
  return `${lines.join('\n')}\n`;
}

function formatTestcase(reply: ValidatedReply, report: ValidationReport): string[] {
  const { file, validation } = reply;
  const open = `    <testcase classname="${SUITE}" name="${attr(file)}"${file === STDIN_FILE ? '' : ` file="${attr(file)}"`} time="0"`;
  if (validation.diagnostics.length === 0) return [`${open}/>`];
  const body = text(`\n${formatValidationPretty(file, validation, PLAIN)}`);
  if (reply.ok) return [`${open}>`, `      <system-out>${body}</system-out>`, '    </testcase>'];
  const first = validation.diagnostics.find((d) => failsOn(d.severity, report.failOn));
  const message = `${file}: ${describeVerdict(verdictOf(validation))}`;
  return [`${open}>`, `      <failure message="${attr(message)}" type="${attr(first?.code ?? 'failed')}">${body}</failure>`, '    </testcase>'];
}
