import type { Colors } from 'picocolors/types.js';
import { failsOn, SEVERITIES, type Diagnostic } from '../model/diagnostic.js';
import { twilioErrorTitle, twilioErrorUrl } from '../protocol/twilio-errors.js';
import type { TwimlValidation } from './validate.js';
import { describeVerdict, verdictOf } from './verdict.js';

/**
 * Formats one reply's validation for a terminal: each diagnostic as `file:line:column  severity  check  message`,
 * its hint and Twilio error indented below, then the verdict line: ✗ when the validation is not `ok` (a diagnostic
 * fails under the `failOn` it was judged under: the rule of the exit code), ✓ otherwise.
 */
export function formatValidationPretty(file: string, validation: TwimlValidation, colors: Colors): string {
  const lines: string[] = [];
  for (const diagnostic of validation.diagnostics) lines.push(...formatDiagnostic(file, diagnostic, colors));
  const verdict = verdictOf(validation);
  // Which diagnostics fail, to count them when the verdict does not name them; `ok` alone decides ✓ or ✗.
  const failing = validation.diagnostics.filter((d) => failsOn(d.severity, validation.failOn));
  // A finding that changes nothing Twilio does (a notice) is not in the verdict: say what fails the line.
  const unsaid = !validation.ok && verdict.outcome !== 'fail' && verdict.effects.length === 0 ? ` (${countBySeverity(failing)})` : '';
  const sentence = `${file}: ${describeVerdict(verdict)}${unsaid}`;
  lines.push(!validation.ok ? colors.red(`✗ ${sentence}`) : colors.green(`✓ ${sentence}`));
  return `${lines.join('\n')}\n`;
}

function countBySeverity(diagnostics: readonly Diagnostic[]): string {
  return SEVERITIES.map((severity) => [severity, diagnostics.filter((d) => d.severity === severity).length] as const)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity}${count === 1 ? '' : 's'}`)
    .join(', ');
}

function formatDiagnostic(file: string, diagnostic: Diagnostic, colors: Colors): string[] {
  const where = diagnostic.line !== undefined ? `${file}:${diagnostic.line}:${diagnostic.column ?? 1}` : file;
  const severity = diagnostic.severity === 'error' ? colors.red('error  ') : colors.yellow(diagnostic.severity.padEnd(7));
  const lines = [`${colors.bold(where)}  ${severity}  ${colors.cyan(diagnostic.check)}  ${diagnostic.message}`];
  if (diagnostic.hint) lines.push(`    ${colors.dim('hint:')} ${diagnostic.hint}`);
  if (diagnostic.twilioError !== undefined) {
    const code = diagnostic.twilioError;
    lines.push(colors.dim(`    Twilio error ${code}: ${twilioErrorTitle(code)} (${twilioErrorUrl(code)})`));
  }
  return lines;
}
