import { describeVerdict, verdictOf } from '../../twiml/verdict.js';
import type { ValidationReport } from './validation-report.js';

/**
 * `validate`'s report as JSON: `{ ok, failOn, files: [{ file, ok, verb, verdict, diagnostics }] }`, each file's `ok`
 * as `--fail-on` says and `verdict` the sentence of its verdict line.
 */
export function formatValidationJson(report: ValidationReport): string {
  const files = report.replies.map(({ file, validation, ok }) => ({
    file,
    ok,
    verb: validation.verb,
    verdict: describeVerdict(verdictOf(validation)),
    diagnostics: validation.diagnostics,
  }));
  return `${JSON.stringify({ ok: report.ok, failOn: report.failOn, files }, null, 2)}\n`;
}
