/**
 * How a service writes the ids it sends (`FaxSid`, `AccountSid`): Twilio's are a two-letter prefix and 32 hex digits
 * (Twilio's OpenAPI description `twilio_fax_v1.json`), SignalWire's are UUIDs (its Compatibility API's Fax resource).
 * An id is made from 32 hex digits of randomness, so every generator and every fresh id follows the shape as data.
 */
export type IdShape =
  /** A sid: `prefix` then 32 hex digits, e.g. `FX0123…`. */
  | { readonly kind: 'sid'; readonly prefix: string }
  /** A version-4 UUID, e.g. `b3877c40-da60-4998-90ad-b792e98472ac`. */
  | { readonly kind: 'uuid' };

/** The hex digits an id is made from: `idFromHex` takes exactly this many. */
export const ID_HEX_DIGITS = 32;

const HEX = '[0-9a-fA-F]';

/**
 * What every id of this shape matches (hex digits of either case, as Twilio's OpenAPI patterns allow).
 * @example idPattern({ kind: 'sid', prefix: 'FX' }).source // '^FX[0-9a-fA-F]{32}$'
 */
export function idPattern(shape: IdShape): RegExp {
  return shape.kind === 'sid'
    ? new RegExp(`^${shape.prefix}${HEX}{${ID_HEX_DIGITS}}$`)
    : new RegExp(`^${HEX}{8}-${HEX}{4}-${HEX}{4}-${HEX}{4}-${HEX}{12}$`);
}

/**
 * The id of this shape made from 32 hex digits: the same digits always give the same id, and all zeros give the
 * smallest one (`FX000…0`, `00000000-0000-4000-8000-000000000000`), which is where generators shrink to. A UUID gets
 * its version (4) and variant bits, so it is a valid version-4 UUID whatever the digits.
 * @example idFromHex({ kind: 'sid', prefix: 'FX' }, '0123456789abcdef0123456789abcdef') // 'FX0123456789abcdef0123456789abcdef'
 */
export function idFromHex(shape: IdShape, hex: string): string {
  if (!new RegExp(`^${HEX}{${ID_HEX_DIGITS}}$`).test(hex)) throw new RangeError(`an id is made from ${ID_HEX_DIGITS} hex digits, not ${JSON.stringify(hex)}`);
  if (shape.kind === 'sid') return shape.prefix + hex;
  const variant = '89ab'[Number.parseInt(hex.charAt(16), 16) & 3] ?? '8';
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A short description of the shape, for parameter tables and messages. */
export function describeIdShape(shape: IdShape): string {
  return shape.kind === 'sid' ? `${shape.prefix} and ${ID_HEX_DIGITS} hex digits, ${shape.prefix.length + ID_HEX_DIGITS} characters` : 'a UUID';
}
