import type { TwilioErrorCode } from '../protocol/twilio-errors.js';
import { bodyFix, contentTypeFix, missingAttributesFix, statusFix, type Fix, type MismatchContext } from './fix-hints.js';
import type { PactMismatch } from './run-pact-verifier.js';

export type { MismatchContext } from './fix-hints.js';

/** A Pact mismatch in the kit's terms: a stable code, and what to change when Twilio's error explains it. */
export interface MismatchDescription {
  /** snake_case, from Pact's mismatch type: `pact_header_mismatch`, `pact_body_mismatch`, ... */
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
  readonly twilioError?: TwilioErrorCode;
}

/** `BodyTypeMismatch` -> `pact_body_type_mismatch`. */
export function mismatchCode(type: string): string {
  const words = type.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
  return `pact_${words || 'error'}`;
}

function isContentTypeHeader(mismatch: PactMismatch): boolean {
  return mismatch.type === 'HeaderMismatch' && mismatch.key?.toLowerCase() === 'content-type';
}

const ATTRIBUTE_COUNT = /^Expected at least \d+ attribute/;
const MISSING_ATTRIBUTE = /^Expected attribute '([^']+)'='(.*)' but was missing/;

/**
 * Pact lists every difference; many follow from one cause. A wrong status comes with an error page, so its body and
 * headers say nothing more; a wrong Content-Type also makes Pact's body type differ; a missing attribute also makes
 * the attribute count differ. Only the causes are kept.
 */
export function causesOf(mismatches: readonly PactMismatch[]): PactMismatch[] {
  const statuses = mismatches.filter((m) => m.type === 'StatusMismatch');
  if (statuses.length > 0) return statuses;
  const contentTypeWrong = mismatches.some(isContentTypeHeader);
  const attributeMissing = mismatches.some((m) => MISSING_ATTRIBUTE.test(m.mismatch ?? ''));
  return mismatches.filter((m) => {
    if (m.type === 'BodyTypeMismatch') return !contentTypeWrong;
    if (attributeMissing && ATTRIBUTE_COUNT.test(m.mismatch ?? '')) return false;
    return true;
  });
}

/**
 * Describes the mismatches of one interaction, causes only (see `causesOf`), each with a hint that says what to
 * change in the app, from the request it received and the reply it gave.
 */
export function describeMismatches(mismatches: readonly PactMismatch[], context: MismatchContext): MismatchDescription[] {
  const causes = causesOf(mismatches);
  // Missing attributes have one fix (add them, or name fewer in the contract): one finding, in a stable order,
  // where Pact lists them one by one in an order that changes from run to run.
  const missing = causes.flatMap((m) => {
    const found = MISSING_ATTRIBUTE.exec(m.mismatch ?? '');
    return found?.[1] !== undefined && found[2] !== undefined ? [{ name: found[1], example: found[2] }] : [];
  }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const described = causes.filter((m) => !MISSING_ATTRIBUTE.test(m.mismatch ?? '')).map((m) => describeMismatch(m, context));
  if (missing.length === 0) return described;
  const listed = missing.map((a) => `'${a.name}'='${a.example}'`).join(', ');
  const message = `Expected ${missing.length === 1 ? 'attribute' : 'attributes'} ${listed} on <Receive> but ${missing.length === 1 ? 'it was' : 'they were'} missing`;
  return [{ code: mismatchCode('BodyMismatch'), message, ...withoutUndefined(missingAttributesFix(missing, context)) }, ...described];
}

/** Describes one Pact mismatch, with a hint that says what to fix. */
function describeMismatch(mismatch: PactMismatch, context: MismatchContext): MismatchDescription {
  const message = mismatch.mismatch ?? `${mismatch.type}: expected ${String(mismatch.expected)}, got ${String(mismatch.actual)}`;
  const code = mismatchCode(mismatch.type);
  return { code, message, ...withoutUndefined(fixFor(mismatch, message, context)) };
}

function fixFor(mismatch: PactMismatch, message: string, context: MismatchContext): Fix {
  if (mismatch.type === 'BodyTypeMismatch' || isContentTypeHeader(mismatch)) return contentTypeFix(context);
  if (mismatch.type === 'StatusMismatch') return statusFix(statusOf(mismatch, context), context);
  if (mismatch.type === 'BodyMismatch') return bodyFix(message, context);
  return {};
}

/** The status Pact saw; the proxied reply's when Pact's mismatch does not carry it as a number. */
function statusOf(mismatch: PactMismatch, context: MismatchContext): number {
  const actual = Number(mismatch.actual);
  return Number.isInteger(actual) && actual > 0 ? actual : (context.response?.status ?? 0);
}

function withoutUndefined(fix: Fix): Fix {
  return {
    ...(fix.hint !== undefined ? { hint: fix.hint } : {}),
    ...(fix.twilioError !== undefined ? { twilioError: fix.twilioError } : {}),
  };
}
