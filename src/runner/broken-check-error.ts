/**
 * A check threw, or returned something that is not `judged(issues)` or `notJudged(reason)`: a bug in the check, never
 * a finding about the server. The run stops and `checkServer` rejects with it (the CLI prints its message and exits 2),
 * since a run that went on without the check would pass on what it never judged.
 */
export class BrokenCheckError extends Error {
  override readonly name = 'BrokenCheckError';

  /** The id of the check at fault. */
  readonly check: string;

  constructor(check: string, message: string, options?: { readonly cause?: unknown }) {
    super(message, options);
    this.check = check;
  }
}
