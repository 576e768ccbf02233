/** Quotes user text for a message: JSON-escaped, and cut to `max` characters so a 10 MB attribute stays one line. */
export function quote(text: string, max = 40): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return JSON.stringify(cut);
}
