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
  /** The target: at most `max`, or at least `min`. */
  readonly target: { readonly max?: number; readonly min?: number };
}

/** True when the row's ratio meets its target. */
export function meetsTarget(row: BenchRow): boolean {
  const { max, min } = row.target;
  return (max === undefined || row.ratio <= max) && (min === undefined || row.ratio >= min);
}
