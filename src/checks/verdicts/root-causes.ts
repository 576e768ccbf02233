import type { Diagnostic } from '../../model/diagnostic.js';

/** The validator's code for a reply left with no fax verb (34106): the consequence of a verb Twilio skipped. */
const NO_FAX_ACTION = 'no_fax_action';

/** True for a diagnostic that only follows from others in the same reply (no fax verb left after a skipped one). */
export function isConsequence(diagnostic: Diagnostic): boolean {
  return diagnostic.code === NO_FAX_ACTION;
}

/**
 * The diagnostics that name what to fix: the causes, or, when a reply has nothing but consequences, those. A
 * lowercase `<receive>` gives a 12200 (the cause) and a 34106 (no fax verb left); the fix is to rename the verb.
 * @example rootCauses([noFaxAction, lowercaseVerb]) // [lowercaseVerb]
 */
export function rootCauses(diagnostics: readonly Diagnostic[]): readonly Diagnostic[] {
  const causes = diagnostics.filter((d) => !isConsequence(d));
  return causes.length > 0 ? causes : diagnostics;
}
