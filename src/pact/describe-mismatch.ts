import type { Diagnostic } from '../model/diagnostic.js';
import { bodyFix, contentTypeFix, missingAttributesFix, statusFix, type Fix, type MismatchContext } from './fix-hints.js';
import type { PactMismatch } from './run-pact-verifier.js';

export type { MismatchContext } from './fix-hints.js';

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

/** Pact's mismatches of one interaction as the kit's diagnostics, and which of the verdict's diagnostics they report. */
export interface DescribedMismatches {
  /** One per cause: Pact's words as the message, a stable `pact_*` code, `check`'s hint, Twilio code and severity. */
  readonly diagnostics: readonly Diagnostic[];
  /** The verdict's diagnostics these stand for (they get no finding of their own). */
  readonly explained: ReadonlySet<Diagnostic>;
}

/**
 * Describes the mismatches of one interaction, causes only (see `causesOf`), each as a diagnostic of `check` (the
 * interaction's check id) whose hint, Twilio code and severity come from the kit's own verdict of the same reply, so
 * a Pact mismatch is as bad as `check` says its cause is.
 */
export function describeMismatches(mismatches: readonly PactMismatch[], context: MismatchContext, check: string): DescribedMismatches {
  const causes = causesOf(mismatches);
  const explained = new Set<Diagnostic>();
  const diagnostic = (code: string, message: string, fix: Fix): Diagnostic => {
    for (const d of fix.explains) explained.add(d);
    return {
      check,
      code,
      severity: fix.severity,
      ...(fix.twilioError !== undefined && { twilioError: fix.twilioError }),
      message,
      ...(fix.hint !== undefined && { hint: fix.hint }),
    };
  };
  // Missing attributes have one fix (add them, or name fewer in the contract): one finding, in a stable order,
  // where Pact lists them one by one in an order that changes from run to run.
  const missing = causes
    .flatMap((m) => {
      const found = MISSING_ATTRIBUTE.exec(m.mismatch ?? '');
      return found?.[1] !== undefined && found[2] !== undefined ? [{ name: found[1], example: found[2] }] : [];
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const diagnostics: Diagnostic[] = [];
  if (missing.length > 0) {
    const listed = missing.map((a) => `'${a.name}'='${a.example}'`).join(', ');
    const message = `Expected ${missing.length === 1 ? 'attribute' : 'attributes'} ${listed} on <Receive> but ${missing.length === 1 ? 'it was' : 'they were'} missing`;
    diagnostics.push(diagnostic(mismatchCode('BodyMismatch'), message, missingAttributesFix(missing)));
  }
  for (const mismatch of causes.filter((m) => !MISSING_ATTRIBUTE.test(m.mismatch ?? ''))) {
    const message = mismatch.mismatch ?? `${mismatch.type}: expected ${String(mismatch.expected)}, got ${String(mismatch.actual)}`;
    diagnostics.push(diagnostic(mismatchCode(mismatch.type), message, fixFor(mismatch, message, context)));
  }
  return { diagnostics, explained };
}

function fixFor(mismatch: PactMismatch, message: string, context: MismatchContext): Fix {
  if (mismatch.type === 'BodyTypeMismatch' || isContentTypeHeader(mismatch)) return contentTypeFix(context);
  if (mismatch.type === 'StatusMismatch') return statusFix(Number(mismatch.actual), context);
  if (mismatch.type === 'BodyMismatch') return bodyFix(message, context);
  return { severity: 'error', explains: [] };
}
