import type { FormParams } from '../../model/exchange.js';

/** One way of writing form parameters that every form decoder must read as the same parameters. */
export interface FormEncoding {
  readonly id: string;
  readonly description: string;
  encode(params: FormParams): string;
}

const utf8 = new TextEncoder();

function percentEncodeAll(value: string, space: '+' | '%20', hex: 'upper' | 'lower'): string {
  let out = '';
  for (const byte of utf8.encode(value)) {
    if (byte === 0x20) out += space;
    else {
      const code = byte.toString(16).padStart(2, '0');
      out += `%${hex === 'upper' ? code.toUpperCase() : code}`;
    }
  }
  return out;
}

function encodeMinimal(value: string, space: '+' | '%20', hex: 'upper' | 'lower'): string {
  // encodeURIComponent leaves !'()*-._~ and alphanumerics alone and writes UTF-8 with upper-case hex.
  const encoded = encodeURIComponent(value).replace(/%20/g, space);
  return hex === 'upper' ? encoded : encoded.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
}

/**
 * Equivalent encodings `form-encoding` sends; together they cover parameter order, both spellings of a space,
 * both cases of hex digits, and unreserved characters percent-encoded. Non-ASCII is UTF-8 in all of them, as in
 * every encoding a browser or Twilio uses.
 */
export const FORM_ENCODINGS: readonly FormEncoding[] = [
  {
    id: 'reordered-pct20-lowerhex',
    description: 'parameters in reverse order, spaces as %20, lower-case hex',
    encode: (params) => [...params].reverse().map(([n, v]) => `${encodeMinimal(n, '%20', 'lower')}=${encodeMinimal(v, '%20', 'lower')}`).join('&'),
  },
  {
    id: 'all-percent-encoded',
    description: 'every character of the values percent-encoded (unreserved ones too), spaces as +',
    encode: (params) => params.map(([n, v]) => `${encodeMinimal(n, '+', 'upper')}=${percentEncodeAll(v, '+', 'upper')}`).join('&'),
  },
];
