import { decodeParams } from '../../sender/encode-params.js';
import type { HttpMethod } from '../../sender/types.js';
import { formDecoderAdvice, rawUrlAdvice, type ServerFramework } from '../server-framework.js';
import type { SignedContent } from './signed-content.js';

/** A way of getting Twilio's signature wrong: what such a server signs instead, and how to say and fix it. */
export interface SignatureMistake {
  /** Stable diagnostic code of `signature-accepted` when this mistake is found. */
  readonly code: string;
  /** What the server does, as a sentence ending the message "…: the server …". */
  readonly behaviour: string;
  /** The fix, worded for the server's framework when its replies name one (no Express advice to a PHP server). */
  readonly hint: (framework: ServerFramework | undefined) => string;
  /** What such a server would sign for the request, or undefined when the mistake makes no difference to it. */
  readonly misread: (signed: SignedContent, method: HttpMethod) => SignedContent | undefined;
}

const withoutQuery = (url: string): string => url.split('?', 1)[0] as string;

/** The mistakes seen in public fax webhook code (protocol.md §6), most common first. */
export const SIGNATURE_MISTAKES: readonly SignatureMistake[] = [
  {
    code: 'signature_url_without_query',
    behaviour: 'validates the signature against the URL without its query string',
    hint: (framework) => `validate against the URL Twilio requested, query string included (${rawUrlAdvice(framework)}): use the public URL, not one rebuilt from the path`,
    misread: (signed) => (signed.url.includes('?') ? { ...signed, url: withoutQuery(signed.url) } : undefined),
  },
  {
    code: 'signature_plus_not_space',
    behaviour: "decodes '+' in the form body as a literal '+' instead of a space before validating the signature",
    hint: (framework) => `decode the body with a real form decoder (${formDecoderAdvice(framework)}) and validate the decoded values: in a form body '+' is a space and %2B is '+'`,
    misread: (signed, method) => {
      if (method !== 'POST' || !signed.params?.some(([, value]) => value.includes(' '))) return undefined;
      return { ...signed, params: signed.params.map(([name, value]) => [name, value.replaceAll(' ', '+')]) };
    },
  },
  {
    code: 'signature_query_decoded',
    behaviour: "validates the signature against the URL with its query string decoded (%2B turned back into '+')",
    hint: (framework) => `validate against the raw URL exactly as requested (${rawUrlAdvice(framework)}), not one rebuilt from the parsed query`,
    misread: (signed, method) => {
      const decoded = method === 'GET' ? decodeQuery(signed.url) : undefined;
      return decoded === undefined || decoded === signed.url ? undefined : { url: decoded };
    },
  },
  {
    code: 'signature_query_reencoded',
    behaviour: 'validates the signature against the URL with its query string re-encoded from the parsed parameters (%20 as +, hex digits and escapes its own way) instead of as requested',
    hint: (framework) => `validate against the raw URL exactly as requested (${rawUrlAdvice(framework)}), not one rebuilt from the parsed query: Twilio signs the bytes it sent`,
    misread: (signed, method) => {
      const url = method === 'GET' ? signed.url : undefined;
      const reencoded = url === undefined ? undefined : reencodeQuery(url);
      return reencoded === undefined || reencoded === url ? undefined : { url: reencoded };
    },
  },
  {
    code: 'signature_url_normalized',
    behaviour: "validates the signature against the URL as new URL() re-serializes it (an apostrophe in the query becomes %27), while Twilio signs the URL exactly as it sent it",
    hint: (framework) =>
      `validate against the raw URL exactly as requested (${rawUrlAdvice(framework)}), never one passed through new URL() or another URL parser first (twilio-node 5.0.4 and later do that themselves: twilio-node issue 1183)`,
    misread: (signed) => {
      const normalized = normalizeUrl(signed.url);
      return normalized === undefined || normalized === signed.url ? undefined : { ...signed, url: normalized };
    },
  },
  {
    code: 'signature_get_params_added',
    behaviour: 'adds the query parameters of a GET to the signature as if they were form parameters',
    hint: () => 'for a GET, Twilio signs the URL alone: validate the full URL with empty parameters ({})',
    misread: (signed, method) => (method === 'GET' && signed.url.includes('?') ? { url: signed.url, params: decodeParams(signed.url.slice(signed.url.indexOf('?') + 1)) } : undefined),
  },
  {
    code: 'signature_without_params',
    behaviour: 'validates the signature against the URL alone, leaving out the form parameters Twilio signs with a POST',
    hint: () => "pass the decoded form parameters to the validator with the URL (twilio-node's webhook(), twilio-python's RequestValidator and twilio-php's RequestValidator all take them)",
    misread: (signed, method) => (method === 'POST' && (signed.params?.length ?? 0) > 0 ? { url: signed.url } : undefined),
  },
  {
    code: 'signature_url_wrong_scheme',
    behaviour: 'validates the signature against the URL with the other scheme (http for https or the reverse), as a server behind a TLS-terminating proxy does when it rebuilds the URL',
    hint: () => "validate against the public URL Twilio requested: configure it in the validator (e.g. twilio.webhook({ url }) in Node) or honour the proxy's X-Forwarded-Proto",
    misread: (signed) => ({ ...signed, url: signed.url.replace(/^(https?):/i, (_m, scheme: string) => (scheme.toLowerCase() === 'https' ? 'http:' : 'https:')) }),
  },
];

function normalizeUrl(url: string): string | undefined {
  try {
    return new URL(url).href;
  } catch {
    return undefined;
  }
}

function reencodeQuery(url: string): string | undefined {
  const start = url.indexOf('?');
  return start === -1 ? undefined : `${url.slice(0, start + 1)}${new URLSearchParams(url.slice(start + 1)).toString()}`;
}

function decodeQuery(url: string): string | undefined {
  const start = url.indexOf('?');
  if (start === -1) return undefined;
  try {
    return url.slice(0, start + 1) + decodeURIComponent(url.slice(start + 1));
  } catch {
    return undefined;
  }
}
