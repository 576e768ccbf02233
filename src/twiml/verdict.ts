import type { Diagnostic } from '../model/diagnostic.js';
import type { TwilioErrorCode } from '../protocol/twilio-errors.js';
import { VALIDATOR_CHECKS } from '../model/validator-checks.js';
import type { ReplyEffect } from './effect.js';
import type { TwimlValidation } from './validate.js';

/**
 * What Twilio would do with a reply: fail the fax with the first error it meets, or run its verb, with the
 * effects of the reply's warnings (and of a failed action request) on what happens.
 */
export type Verdict =
  | { readonly outcome: 'receive' | 'reject'; readonly effects: readonly ReplyEffect[] }
  | { readonly outcome: 'fail'; readonly twilioError: TwilioErrorCode | undefined };

/**
 * The verdict on a validation. The fax fails when no verb runs or an error has no effect of its own: an error
 * with an effect fails a request, not the fax (an `action` Twilio cannot request: 11100, the fax is still received).
 * Twilio meets problems in check order (the header, the size, the XML, the TwiML), and a 12200 is only a warning
 * to Twilio: when it is the cause of a failure (a misspelled verb that leaves none), the fax fails with the other.
 */
export function verdictOf(validation: Pick<TwimlValidation, 'verb' | 'diagnostics' | 'effects'>): Verdict {
  const withEffect = new Set<Diagnostic>(validation.effects.map((effect) => effect.cause));
  const failing = validation.diagnostics.filter((d) => d.severity === 'error' && !withEffect.has(d));
  if (failing.length > 0 || validation.verb === null) {
    const rank = (d: Diagnostic): number => (d.twilioError === 12200 ? VALIDATOR_CHECKS.length : 0) + VALIDATOR_CHECKS.findIndex((c) => c.id === d.check);
    const first = [...failing].sort((a, b) => rank(a) - rank(b))[0];
    return { outcome: 'fail', twilioError: first?.twilioError };
  }
  // What fails a request comes first, then the rest in document order.
  const effects = [...validation.effects].sort((a, b) => Number(b.cause.severity === 'error') - Number(a.cause.severity === 'error'));
  return { outcome: validation.verb === 'Receive' ? 'receive' : 'reject', effects };
}

/**
 * The verdict in words, naming at most `shown` effects and counting the rest:
 * "Twilio would fail the fax with error 34106", "Twilio would receive the fax", or
 * "Twilio would receive the fax but ignore Action (warning 12200): no action callback would ever come".
 */
export function describeVerdict(verdict: Verdict, shown = 2): string {
  if (verdict.outcome === 'fail') return `Twilio would fail the fax${verdict.twilioError ? ` with error ${verdict.twilioError}` : ''}`;
  const head = `Twilio would ${verdict.outcome} the fax`;
  const named = verdict.effects.slice(0, shown).map(describeEffect);
  const rest = verdict.effects.length - named.length;
  if (named.length === 0) return head;
  if (rest > 0) return `${head} but ${named.join(', ')}, and ${rest} more`;
  return `${head} but ${named.length === 1 ? named[0] : `${named.slice(0, -1).join(', ')}, and ${named.at(-1)}`}`;
}

/** One effect as a verb phrase: "ignore Action (warning 12200): no action callback would ever come". */
export function describeEffect(effect: ReplyEffect): string {
  const { cause } = effect;
  const times = cause.count !== undefined && cause.count > 1 ? `${cause.count.toLocaleString('en-US')} times, ` : '';
  const why = `(${times}${cause.severity}${cause.twilioError !== undefined ? ` ${cause.twilioError}` : ''})`;
  switch (effect.kind) {
    case 'ignores': {
      const uses = effect.uses ? ` and use ${effect.uses.attribute}=${JSON.stringify(effect.uses.value)}` : '';
      return `ignore ${effect.what}${uses} ${why}${effect.consequence ? `: ${effect.consequence}` : ''}`;
    }
    case 'replaces':
      return `use ${effect.attribute}=${JSON.stringify(effect.uses)} instead of ${JSON.stringify(effect.written)} ${why}`;
    case 'cannot-request':
      return `fail to request ${effect.attribute}=${JSON.stringify(effect.url)} ${why}: ${effect.consequence}`;
  }
}
