/**
 * The known name a mistyped one most likely meant (`--metod` → `method`, `failOn` → `fail-on`,
 * `content-typ` → `content-type`), or undefined when nothing is close enough or two are equally close.
 *
 * Compared in lower case with `_` read as `-` and also with the dashes left out; a unique prefix of at least three
 * characters wins, else the nearest name within a third of the typo's length (at least 1) by edit distance where
 * inserting, deleting, replacing or swapping two neighbouring characters each cost 1.
 * @example didYouMean('metod', ['method', 'seed']) // 'method'
 */
export function didYouMean(typo: string, known: readonly string[]): string | undefined {
  const word = normal(typo);
  const prefixed = known.filter((name) => word.length >= 3 && normal(name).startsWith(word));
  if (prefixed.length === 1) return prefixed[0];
  const scored = known
    .map((name) => ({ name, distance: Math.min(editDistance(word, normal(name)), editDistance(squashed(word), squashed(normal(name)))) }))
    .sort((a, b) => a.distance - b.distance);
  const [best, second] = scored;
  if (!best || best.distance > Math.max(1, Math.floor(word.length / 3))) return undefined;
  return second && second.distance === best.distance ? undefined : best.name;
}

function normal(name: string): string {
  return name.replace(/^-+/, '').toLowerCase().replace(/_/g, '-');
}

function squashed(name: string): string {
  return name.replace(/-/g, '');
}

/** Optimal string alignment distance (restricted Damerau-Levenshtein). */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number) => rows[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      let cost = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cost = Math.min(cost, at(i - 2, j - 2) + 1);
      (rows[i] as number[])[j] = cost;
    }
  }
  return at(a.length, b.length);
}
