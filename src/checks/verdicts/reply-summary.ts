import type { Diagnostic } from '../../model/diagnostic.js';
import type { FaxProfile } from '../../protocol/profile.js';
import type { TwilioErrorCode } from '../../protocol/twilio-errors.js';
import type { Exchange } from '../../model/exchange.js';
import { exchangeOutcome } from './exchange-outcome.js';
import { judgeReply } from './reply-verdict.js';
import { clipName, quote } from '../../twiml/quote.js';

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

/** How many attributes, and TwiML errors, a description names before it counts the rest. */
export const SHOWN_IN_SUMMARY = 6;

/**
 * A one-line description of a summary, for messages: bounded whatever the reply holds. It names at most
 * `SHOWN_IN_SUMMARY` attributes (in name order) and errors, each attribute's name and value bounded by `clip` (which
 * never cuts a secret in half: the whole message is redacted later), and counts the rest ("… and 6,994 more").
 * @example describeSummary(summarizeReply(exchange, profile)) // '<Receive action="http://127.0.0.1:3000/done"/>'
 */
export function describeSummary(summary: ReplySummary): string {
  if (summary.outcome === 'aborted') return `was stopped: ${summary.reason}`;
  if (summary.outcome === 'failed') return `fails${summary.twilioError ? ` (${summary.twilioError})` : ''}: ${summary.reason}`;
  const names = sortedNames(summary.attributes);
  const attributes = names.slice(0, SHOWN_IN_SUMMARY).map((name) => ` ${clipName(name)}=${quote(summary.attributes[name] ?? '')}`).join('');
  const moreAttributes = names.length > SHOWN_IN_SUMMARY ? ` … and ${(names.length - SHOWN_IN_SUMMARY).toLocaleString('en-US')} more` : '';
  const codes = summary.errors.slice(0, SHOWN_IN_SUMMARY).map((d) => d.code).join(', ');
  const moreErrors = summary.errors.length > SHOWN_IN_SUMMARY ? `, and ${(summary.errors.length - SHOWN_IN_SUMMARY).toLocaleString('en-US')} more` : '';
  const errors = summary.errors.length > 0 ? ` with ${codes}${moreErrors}` : '';
  return `<${clipName(summary.verb)}${attributes}${moreAttributes}/>${errors}`;
}

/**
 * True when two summaries mean the same thing to the fax: the same failure, or the same verb, every attribute the
 * same, and the same TwiML errors. Compared in full, never through the bounded description.
 */
export function sameReply(a: ReplySummary, b: ReplySummary): boolean {
  if (a.outcome !== 'answered' || b.outcome !== 'answered') return a.outcome === b.outcome && describeSummary(a) === describeSummary(b);
  if (a.verb !== b.verb) return false;
  const names = sortedNames(a.attributes);
  const others = sortedNames(b.attributes);
  if (names.length !== others.length || names.some((name, i) => name !== others[i] || a.attributes[name] !== b.attributes[name])) return false;
  return a.errors.length === b.errors.length && a.errors.every((d, i) => d.code === b.errors[i]?.code);
}

function sortedNames(attributes: Readonly<Record<string, string>>): string[] {
  return Object.keys(attributes).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}

function resolveUrl(value: string, base: string): string {
  try {
    return new URL(value, base).href;
  } catch {
    return value;
  }
}
