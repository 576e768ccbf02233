import type { Diagnostic } from '../diagnostic.js';
import type { TwilioErrorCode } from '../protocol/twilio-errors.js';
import { VALIDATOR_CHECKS } from './checks.js';
import type { TwimlValidation } from './validate.js';

/** What Twilio would do with a reply: run its verb, or fail the fax with the first error it meets. */
export type Verdict =
  | { readonly outcome: 'receive' | 'reject'; readonly warnings: number }
  | { readonly outcome: 'fail'; readonly twilioError: TwilioErrorCode | undefined };

/**
 * The verdict on a validation. Twilio meets problems in check order: the header, the size, the XML, the TwiML.
 * A 12200 is only a warning to Twilio: when the kit counts one as an error and another error exists (a misspelled
 * verb leaving no action: 34106), the fax fails with the other.
 */
export function verdictOf(validation: TwimlValidation): Verdict {
  const errors = validation.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || validation.verb === null) {
    const rank = (d: Diagnostic): number => (d.twilioError === 12200 ? VALIDATOR_CHECKS.length : 0) + VALIDATOR_CHECKS.findIndex((c) => c.id === d.check);
    const first = [...errors].sort((a, b) => rank(a) - rank(b))[0];
    return { outcome: 'fail', twilioError: first?.twilioError };
  }
  const warnings = validation.diagnostics.filter((d) => d.severity === 'warning').length;
  return { outcome: validation.verb === 'Receive' ? 'receive' : 'reject', warnings };
}

/** The verdict in words, e.g. "Twilio would receive the fax" or "Twilio would fail the fax with error 12300". */
export function describeVerdict(verdict: Verdict): string {
  if (verdict.outcome === 'fail') return `Twilio would fail the fax${verdict.twilioError ? ` with error ${verdict.twilioError}` : ''}`;
  const warnings = verdict.warnings === 0 ? '' : ` (${verdict.warnings} warning${verdict.warnings === 1 ? '' : 's'})`;
  return `Twilio would ${verdict.outcome} the fax${warnings}`;
}
