/** Helpers shared by the text reporters: counts, durations, header look-up, truncation. */

/** `1 error`, `2 errors`. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** A duration for people: `850 ms`, `1.24 s`, `2 min 5 s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** A header's value, whatever the case of its name in the record. */
export function headerValue(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/** The first `maxChars` characters and at most `maxLines` lines of `text`, and whether anything was cut. */
export function truncateText(text: string, maxChars: number, maxLines: number): { readonly text: string; readonly cut: boolean } {
  let shown = text.length > maxChars ? text.slice(0, maxChars) : text;
  const lines = shown.split('\n');
  if (lines.length > maxLines) shown = lines.slice(0, maxLines).join('\n');
  return { text: shown, cut: shown.length < text.length };
}
