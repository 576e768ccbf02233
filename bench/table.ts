import { meetsTarget, type BenchRow } from './row.js';

/** The target as a reader says it: `≤ 1.5×`, `≥ 0.9×`, or `—` for a row that only informs. */
export function formatTarget(target: BenchRow['target']): string {
  const parts = [target.min === undefined ? '' : `≥ ${target.min}×`, target.max === undefined ? '' : `≤ ${target.max}×`].filter(Boolean);
  return parts.length === 0 ? '—' : parts.join(' and ');
}

/** A row's verdict mark: ✓ met, ✗ missed, blank for a row without a target. */
function mark(row: BenchRow): string {
  if (row.target.max === undefined && row.target.min === undefined) return ' ';
  return meetsTarget(row) ? '✓' : '✗';
}

/**
 * The bench's one table: each ratio beside its target and its mark, the kit's and the reference's figures after it,
 * and a row's note on the line below. Columns are padded to the widest cell, so the table reads in a plain terminal
 * and in a CI log.
 */
export function formatBenchTable(rows: readonly BenchRow[]): string {
  const cells = rows.map((row): readonly string[] => [mark(row), row.what, formatRatio(row), formatTarget(row.target), row.kit, row.reference]);
  const header = [' ', 'what', 'ratio', 'target', 'kit', 'reference'] as const;
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: readonly string[]) =>
    c
      .map((cell, i) => (i === 2 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const out = [line(header), line(widths.map((w) => '-'.repeat(w)))];
  rows.forEach((row, i) => {
    out.push(line(cells[i] as readonly string[]));
    if (row.note !== undefined) out.push(`${' '.repeat((widths[0] ?? 1) + 2)}  ${row.note}`);
  });
  return `${out.join('\n')}\n`;
}

/**
 * A row's ratio to two decimals, or three when two would show a miss as its bound (1.304 against ≤ 1.3 is `1.304×`,
 * not `1.30×`), so the mark never contradicts the figure beside it.
 */
export function formatRatio(row: BenchRow): string {
  if (Number.isNaN(row.ratio)) return '—';
  const two = row.ratio.toFixed(2);
  const bounds = [row.target.max, row.target.min].filter((b): b is number => b !== undefined);
  const hidesMiss = !meetsTarget(row) && bounds.some((bound) => Number(two) === bound);
  return `${hidesMiss ? row.ratio.toFixed(3) : two}×`;
}

/** The bench's exit code: 1 when any row misses its target, else 0. */
export function benchExitCode(rows: readonly BenchRow[]): number {
  return rows.every(meetsTarget) ? 0 : 1;
}

/** The rows that missed their targets, by name, for the bench's last line. */
export function missedTargets(rows: readonly BenchRow[]): readonly string[] {
  return rows.filter((row) => !meetsTarget(row)).map((row) => row.what);
}
