/** A 1-based line and column; columns count Unicode code points, as editors show them. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Turns offsets (UTF-16 indexes into a text) into positions. */
export interface PositionIndex {
  at(offset: number): Position;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Builds a position index over `text`. Line breaks are LF, CRLF or CR, as XML normalises them.
 * Costs nothing until the first lookup: most replies are judged without a single position (a valid reply has no
 * finding), so the lines are found, with native searches, only when a finding needs them. In a text with no
 * character outside the BMP a column is a subtraction; otherwise lookups in increasing offset order cost amortised
 * constant time, so reporting one diagnostic per element of a one-line 10 MB reply stays linear.
 */
export function indexPositions(text: string): PositionIndex {
  let lineStarts: number[] | undefined;
  let wide = false;
  let cachedOffset = 0;
  let cachedLine = 0;
  let cachedColumn = 1;
  return {
    at(offset) {
      if (lineStarts === undefined) {
        lineStarts = findLineStarts(text);
        wide = SURROGATE.test(text);
      }
      const target = Math.max(0, Math.min(offset, text.length));
      const line = lineOf(lineStarts, target);
      const lineStart = lineStarts[line] ?? 0;
      if (!wide) return { line: line + 1, column: target - lineStart + 1 };
      // Resume counting from the previous lookup when it is on the same line and not past the target.
      let from = lineStart;
      let column = 1;
      if (cachedLine === line && cachedOffset <= target && cachedOffset >= lineStart) {
        from = cachedOffset;
        column = cachedColumn;
      }
      for (let i = from; i < target; i++) {
        const c = text.charCodeAt(i);
        // The second half of a surrogate pair is not a column of its own.
        if (!(c >= 0xdc00 && c <= 0xdfff && i > lineStart && isHighSurrogate(text.charCodeAt(i - 1)))) column++;
      }
      cachedOffset = target;
      cachedLine = line;
      cachedColumn = column;
      return { line: line + 1, column };
    },
  };
}

/** Where each line starts: after every LF, and after every CR not followed by an LF. */
function findLineStarts(text: string): number[] {
  const starts = [0];
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf !== -1 || cr !== -1) {
    if (cr !== -1 && (lf === -1 || cr < lf)) {
      if (cr + 1 !== lf) starts.push(cr + 1);
      cr = text.indexOf('\r', cr + 1);
    } else {
      starts.push(lf + 1);
      lf = text.indexOf('\n', lf + 1);
    }
  }
  return starts;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function lineOf(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
