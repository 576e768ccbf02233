/**
 * One line of `npm run bench`: a ratio measured side by side in one run (kit / reference), and the target it is held
 * to. A row misses its target when the ratio is above `max` or below `min`; `npm run bench` exits non-zero then.
 */
export interface BenchRow {
  /** What is measured, e.g. `cold start: --help`. */
  readonly what: string;
  /** The kit's side and its figure, e.g. `twiml-fax-kit --help 181 ms`. */
  readonly kit: string;
  /** The reference's side and its figure, e.g. `node -e 0 137 ms`. */
  readonly reference: string;
  /** kit / reference (for throughput rows: kit's rate / reference's rate). */
  readonly ratio: number;
  /** The target: at most `max`, or at least `min`; neither for a row printed for information only. */
  readonly target: { readonly max?: number; readonly min?: number };
  /** What the figure means or where its limit lies, printed under the row (e.g. the absolute time of a ratio). */
  readonly note?: string;
}

/** True when the row's ratio meets its target. */
export function meetsTarget(row: BenchRow): boolean {
  const { max, min } = row.target;
  return (max === undefined || row.ratio <= max) && (min === undefined || row.ratio >= min);
}
