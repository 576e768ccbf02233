/**
 * The spellings in which a server may echo a secret: as given, in either letter case, percent- and form-encoded,
 * JSON- and XML-escaped, hex, and base64 (standard and URL-safe, plain and percent-encoded) at each of the three
 * byte alignments base64 can start at when the secret sits inside a longer encoded text.
 */
export function secretForms(secret: string): string[] {
  const plain = [secret, secret.toLowerCase(), secret.toUpperCase()];
  const escaped = plain.flatMap((form) => [form, encodeURIComponent(form), formEncode(form), jsonEscape(form), xmlEscape(form)]);
  const bytes = Buffer.from(secret, 'utf8');
  const base64 = [0, 1, 2].map((offset) => base64Middle(bytes, offset));
  const base64Url = base64.map((form) => form.replace(/\+/g, '-').replace(/\//g, '_'));
  const encoded = [...base64, ...base64Url, ...base64.map(encodeURIComponent), bytes.toString('hex')];
  return [...new Set([...escaped, ...encoded])].filter((form) => form !== '');
}

/** As `URLSearchParams` writes a value: spaces as `+`. */
function formEncode(text: string): string {
  return new URLSearchParams([['', text]]).toString().slice(1);
}

function jsonEscape(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/**
 * The base64 characters that depend on the secret's bytes alone when the secret starts `offset` bytes into a
 * 3-byte group: whatever surrounds it in the encoded text, these characters appear (a character covers 6 bits).
 */
function base64Middle(bytes: Buffer, offset: number): string {
  const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
  return encoded.slice(Math.ceil((offset * 4) / 3), Math.floor(((offset + bytes.length) * 4) / 3));
}
