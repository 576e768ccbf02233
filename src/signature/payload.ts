import type { FormParams } from '../model/exchange.js';

/**
 * Parameters as a signature takes them: the form pairs in the order sent, a `URLSearchParams` (what fetch handlers
 * have), or an object whose repeated names carry an array of values (the shape twilio-node's `validateRequest` takes).
 */
export type SignatureParams = FormParams | URLSearchParams | Readonly<Record<string, string | readonly string[]>>;

/**
 * The exact string Twilio feeds to HMAC-SHA1: the URL, then each parameter name followed by its value, names in
 * code-unit order and, for a repeated name, its distinct values in code-unit order.
 *
 * Distinct, because twilio-node (`new Set(values)`) and twilio-python (`sorted(set(values))`) both drop duplicate
 * values before signing; a signer that kept them would be refused by every official validator.
 * JSON bodies signed through `bodySHA256` are out of scope: Twilio fax only ever sends form parameters.
 *
 * @example twilioSignaturePayload('https://a.example/fax', [['To', '+1500'], ['From', '+1400']])
 * // 'https://a.example/faxFrom+1400To+1500'
 */
export function twilioSignaturePayload(url: string, params: SignatureParams = []): string {
  const valuesByName = groupValuesByName(params);
  let payload = url;
  // Array#sort with no comparator compares UTF-16 code units, exactly as twilio-node does.
  for (const name of [...valuesByName.keys()].sort()) {
    for (const value of [...new Set(valuesByName.get(name))].sort()) payload += name + value;
  }
  return payload;
}

function groupValuesByName(params: SignatureParams): Map<string, string[]> {
  const valuesByName = new Map<string, string[]>();
  const add = (name: string, value: string): void => {
    const values = valuesByName.get(name);
    if (values) values.push(value);
    else valuesByName.set(name, [value]);
  };
  // URLSearchParams has no own enumerable properties: read as an object it would sign the URL alone, silently.
  if (isFormParams(params) || params instanceof URLSearchParams) {
    for (const [name, value] of params) add(name, value);
  } else {
    for (const [name, value] of Object.entries(params)) {
      if (typeof value === 'string') add(name, value);
      else for (const each of value) add(name, each);
    }
  }
  return valuesByName;
}

function isFormParams(params: SignatureParams): params is FormParams {
  return Array.isArray(params);
}
