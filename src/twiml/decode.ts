/** The body as text, or where its bytes stop being UTF-8. */
export type DecodedBody =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly validPrefix: string; readonly invalidByte: number; readonly byteOffset: number };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** A reply body as the validator takes it: text, bytes, or the `ArrayBuffer` that `fetch`'s `arrayBuffer()` gives. */
export type ReplyBody = string | Uint8Array | ArrayBuffer;

/**
 * The body as text or bytes. Anything else is a caller's bug (often an `undefined` body from a mocked response):
 * a TypeError that names it beats a crash deep inside the checks.
 */
export function replyBodyOf(body: ReplyBody): string | Uint8Array {
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  const name = typeof body === 'object' && body !== null ? (body as object).constructor?.name : undefined;
  const got = body === null ? 'null' : name && name !== 'Object' ? `a ${name}` : typeof body === 'object' ? 'an object' : typeof body;
  throw new TypeError(`validateFaxTwiml: the body must be a string, a Uint8Array or an ArrayBuffer, not ${got}`);
}

/**
 * Decodes a reply body as UTF-8, dropping a leading byte-order mark (legal in XML). Twilio documents no other
 * encoding for TwiML, so the kit reads every reply as UTF-8 whatever its declaration says (assumption `utf-8-replies`).
 */
export function decodeBody(body: string | Uint8Array): DecodedBody {
  if (typeof body === 'string') return { ok: true, text: body.charCodeAt(0) === 0xfeff ? body.slice(1) : body };
  try {
    return { ok: true, text: strictUtf8.decode(body) };
  } catch {
    const byteOffset = firstInvalidUtf8Byte(body);
    const validPrefix = new TextDecoder('utf-8').decode(body.subarray(0, byteOffset));
    return { ok: false, validPrefix, invalidByte: body[byteOffset] ?? 0, byteOffset };
  }
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629). */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0; // overlong
      if (b === 0xed) high = 0x9f; // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90; // overlong
      if (b === 0xf4) high = 0x8f; // above U+10FFFF
    } else return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
      if (next === undefined || next < min || next > max) return i;
    }
    i += length;
  }
  return bytes.length;
}

/** The encoding an XML declaration at the start of `text` names, when it names one other than UTF-8. */
export function declaredNonUtf8Encoding(text: string): string | undefined {
  const encoding = /^<\?xml[ \t\r\n][^>]*?encoding[ \t\r\n]*=[ \t\r\n]*["']([A-Za-z][A-Za-z0-9._-]*)["']/.exec(text)?.[1];
  return encoding !== undefined && !/^utf-?8$/i.test(encoding) ? encoding : undefined;
}
