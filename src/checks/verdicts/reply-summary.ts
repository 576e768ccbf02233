import type { Diagnostic } from '../../model/diagnostic.js';
import type { FaxProfile } from '../../protocol/profile.js';
import type { TwilioErrorCode } from '../../protocol/twilio-errors.js';
import type { Exchange } from '../../model/exchange.js';
import { exchangeOutcome } from './exchange-outcome.js';
import { judgeReply } from './reply-verdict.js';

/** What a delivery came to, as far as the fax is concerned: comparable across equivalent requests. */
export type ReplySummary =
  /** No usable reply: a transport failure or a non-2xx status. */
  | { readonly outcome: 'failed'; readonly twilioError?: TwilioErrorCode; readonly reason: string }
  /** The run was stopped before the reply came: it says nothing about the server. */
  | { readonly outcome: 'aborted'; readonly reason: string }
  /** A 2xx reply: the verb and attributes Twilio would act on, and the TwiML errors it has. */
  | { readonly outcome: 'answered'; readonly verb: string; readonly attributes: Readonly<Record<string, string>>; readonly errors: readonly Diagnostic[] };

/**
 * Reduces an exchange to its meaning for the fax: the failure, or the verb and attributes Twilio would act on,
 * with a relative `action` resolved against the URL the reply came from (so `/done` and `http://host/done` agree).
 */
export function summarizeReply(exchange: Exchange, profile: FaxProfile): ReplySummary {
  const outcome = exchangeOutcome(exchange, profile);
  if (outcome.kind === 'aborted') return { outcome: 'aborted', reason: outcome.description };
  const verdict = outcome.ok ? judgeReply(exchange, profile) : undefined;
  if (outcome.kind === 'failed' || !verdict) return { outcome: 'failed', twilioError: outcome.kind === 'failed' ? outcome.twilioError : profile.errors.errorStatus, reason: outcome.description };
  const attributes: Record<string, string> = { ...verdict.attributes };
  if (attributes.action !== undefined) attributes.action = resolveUrl(attributes.action, exchange.finalUrl);
  const errors = verdict.diagnostics.filter((d) => d.severity === 'error');
  return { outcome: 'answered', verb: verdict.verb ?? '(no verb)', attributes, errors };
}

/** The TwiML errors of `actual` that `expected` does not have: what a variant broke. */
export function newErrors(expected: ReplySummary, actual: ReplySummary): readonly Diagnostic[] {
  if (expected.outcome !== 'answered' || actual.outcome !== 'answered') return [];
  const known = new Set(expected.errors.map((d) => `${d.check}/${d.code}`));
  return actual.errors.filter((d) => !known.has(`${d.check}/${d.code}`));
}

/** A one-line description of a summary, for messages. */
export function describeSummary(summary: ReplySummary): string {
  if (summary.outcome === 'aborted') return `was stopped: ${summary.reason}`;
  if (summary.outcome === 'failed') return `fails${summary.twilioError ? ` (${summary.twilioError})` : ''}: ${summary.reason}`;
  const attributes = Object.entries(summary.attributes)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => ` ${name}="${value}"`)
    .join('');
  const errors = summary.errors.length > 0 ? ` with ${summary.errors.map((d) => d.code).join(', ')}` : '';
  return `<${summary.verb}${attributes}/>${errors}`;
}

/** True when two summaries mean the same thing to the fax. */
export function sameReply(a: ReplySummary, b: ReplySummary): boolean {
  return describeSummary(a) === describeSummary(b);
}

function resolveUrl(value: string, base: string): string {
  try {
    return new URL(value, base).href;
  } catch {
    return value;
  }
}
