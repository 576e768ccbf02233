import { formatValidationPretty } from '../../twiml/format-pretty.js';
import { PLAIN, type Palette } from '../palette.js';
import type { ValidationReport } from './validation-report.js';

/**
 * `validate`'s report for a terminal: each reply's diagnostics as `file:line:column  severity  check  message` with
 * hint and Twilio error, then its verdict line (✗ when it fails under `--fail-on`), and for several replies a count.
 */
export function formatValidationPrettyReport(report: ValidationReport, colors: Palette = PLAIN): string {
  const blocks = report.replies.map(({ file, validation }) => formatValidationPretty(file, validation, colors));
  if (report.replies.length > 1) {
    const failing = report.replies.filter((r) => !r.ok).length;
    const passing = report.replies.length - failing;
    const summary = `${report.replies.length} replies: ${passing} ${passing === 1 ? 'passes' : 'pass'}, ${failing} ${failing === 1 ? 'fails' : 'fail'} (--fail-on ${report.failOn})`;
    blocks.push(`${failing > 0 ? colors.red(summary) : colors.green(summary)}\n`);
  }
  return blocks.join('\n');
}
