import type { FailOn } from '../../model/diagnostic.js';
import type { TwimlValidation } from '../../twiml/validate.js';

/** How `validate` names the reply it read from stdin. */
export const STDIN_FILE = '<stdin>';

/** One reply `validate` judged: where it came from, the validator's verdict, and whether it fails under `--fail-on`. */
export interface ValidatedReply {
  /** As the user named it (`reply.xml`, `replies/a.xml`), or `<stdin>`. */
  readonly file: string;
  readonly validation: TwimlValidation;
  /** No diagnostic fails under the report's `failOn`: the ✓, the file's `ok` and the exit code all follow it. */
  readonly ok: boolean;
}

/** What `twiml-fax-kit validate` reports: every reply in the order given, and whether all pass under `failOn`. */
export interface ValidationReport {
  readonly ok: boolean;
  readonly failOn: FailOn;
  readonly replies: readonly ValidatedReply[];
}

/**
 * The report of `validate` on `replies`, each validated under `failOn` (`warning`: a warning fails, a notice does
 * not). A reply's `ok` is its validation's `ok`: the one rule, `validateFaxTwiml`'s, for the library and the CLI.
 * Throws a TypeError when a validation was judged under another `failOn`, which would make the report say two things.
 * @example validationReport([{ file: 'reply.xml', validation: validateFaxTwiml(body, { failOn: 'warning' }) }], 'warning')
 */
export function validationReport(replies: ReadonlyArray<{ readonly file: string; readonly validation: TwimlValidation }>, failOn: FailOn): ValidationReport {
  const mismatch = replies.find((reply) => reply.validation.failOn !== failOn);
  if (mismatch) throw new TypeError(`validationReport: ${mismatch.file} was validated under failOn '${mismatch.validation.failOn}', the report is under '${failOn}'`);
  const judged = replies.map((reply) => ({ ...reply, ok: reply.validation.ok }));
  return { ok: judged.every((reply) => reply.ok), failOn, replies: judged };
}
