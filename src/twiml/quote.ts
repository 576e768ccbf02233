/** Quotes user text for a message: JSON-escaped, and cut to `max` characters so a 60 kB attribute stays one line. */
export function quote(text: string, max = 40): string {
  return JSON.stringify(clip(text, max));
}

/** Cuts user text to `max` characters, marking the cut with an ellipsis. */
export function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
