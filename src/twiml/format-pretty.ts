import type { Colors } from 'picocolors/types.js';
import type { Diagnostic } from '../diagnostic.js';
import { twilioErrorTitle, twilioErrorUrl } from '../protocol/twilio-errors.js';
import type { TwimlValidation } from './validate.js';
import { describeVerdict, verdictOf } from './verdict.js';

/**
 * Formats one reply's validation for a terminal: each diagnostic as `file:line:column  severity  check  message`,
 * its hint and Twilio error indented below, then the verdict line.
 */
export function formatValidationPretty(file: string, validation: TwimlValidation, colors: Colors): string {
  const lines: string[] = [];
  for (const diagnostic of validation.diagnostics) lines.push(...formatDiagnostic(file, diagnostic, colors));
  const verdict = verdictOf(validation);
  const sentence = `${file}: ${describeVerdict(verdict)}`;
  lines.push(verdict.outcome === 'fail' ? colors.red(`✗ ${sentence}`) : colors.green(`✓ ${sentence}`));
  return `${lines.join('\n')}\n`;
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
