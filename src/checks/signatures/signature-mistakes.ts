import { decodeParams } from '../../sender/encode-params.js';
import type { HttpMethod } from '../../model/exchange.js';
import { formDecoderAdvice, rawUrlAdvice, type ServerFramework } from '../hints/server-framework.js';
import type { SignedContent } from './signed-content.js';

/** A way of getting Twilio's signature wrong: what such a server signs instead, and how to say and fix it. */
export interface SignatureMistake {
  /** Stable diagnostic code of `signature-accepted` when this mistake is found. */
  readonly code: string;
  /** What the server does, as a sentence ending the message "…: the server …". */
  readonly behaviour: string;
  /** The fix, worded for the server's framework when its replies name one (no Express advice to a PHP server). */
  readonly hint: (framework: ServerFramework | undefined) => string;
  /**
   * What such a server would sign for a request it `received` (the URL as sent and the form parameters), or
   * undefined when the mistake makes no difference to it. `signed` is what Twilio signed for it.
   */
  readonly misread: (received: SignedContent, method: HttpMethod, signed: SignedContent) => SignedContent | undefined;
}

const withoutQuery = (url: string): string => url.split('?', 1)[0] as string;

/** The mistakes seen in public fax webhook code (docs/protocol.md, "Signature"), most common first. */
export const SIGNATURE_MISTAKES: readonly SignatureMistake[] = [
  {
    code: 'signature_get_query_as_sent',
    behaviour:
      "validates the signature against the URL as it arrived, with '@' and ':' percent-encoded in the query, while Twilio signed a GET's query with them as they are (twilio-node's validateRequest and webhook() do this: twilio-node pull request #621)",
    hint: () =>
      "Twilio sent %40 and %3A in a GET's query but signed '@' and ':' unescaped: when the URL as requested does not validate, validate again with %40 and %3A in the query turned back into '@' and ':' (twilio-node's own validator refuses these requests from SIP callers; twilio-node PR 1194 tries both)",
    misread: (received, method, signed) => (method === 'GET' && received.url !== signed.url ? { url: received.url } : undefined),
  },
  {
    code: 'signature_url_without_query',
    behaviour: 'validates the signature against the URL without its query string',
    hint: (framework) => `validate against the URL Twilio requested, query string included (${rawUrlAdvice(framework)}): use the public URL, not one rebuilt from the path`,
    misread: (received) => (received.url.includes('?') ? { ...received, url: withoutQuery(received.url) } : undefined),
  },
  {
    code: 'signature_plus_not_space',
    behaviour: "decodes '+' in the form body as a literal '+' instead of a space before validating the signature",
    hint: (framework) => `decode the body with a real form decoder (${formDecoderAdvice(framework)}) and validate the decoded values: in a form body '+' is a space and %2B is '+'`,
    misread: (received, method) => {
      if (method !== 'POST' || !received.params?.some(([, value]) => value.includes(' '))) return undefined;
      return { ...received, params: received.params.map(([name, value]) => [name, value.replaceAll(' ', '+')]) };
    },
  },
  {
    code: 'signature_query_decoded',
    behaviour: "validates the signature against the URL with its query string decoded (%2B turned back into '+')",
    hint: (framework) => `validate against the raw URL exactly as requested (${rawUrlAdvice(framework)}), not one rebuilt from the parsed query`,
    misread: (received, method) => {
      const decoded = method === 'GET' ? decodeQuery(received.url) : undefined;
      return decoded === undefined || decoded === received.url ? undefined : { url: decoded };
    },
  },
  {
    code: 'signature_url_normalized',
    behaviour: "validates the signature against the URL as new URL() re-serializes it (an apostrophe in the query becomes %27), while Twilio signs the URL exactly as it sent it",
    hint: (framework) =>
      `validate against the raw URL exactly as requested (${rawUrlAdvice(framework)}), never one passed through new URL() or another URL parser first (twilio-node 5.0.4 and later do that themselves: twilio-node issue 1183)`,
    misread: (received) => {
      const normalized = normalizeUrl(received.url);
      return normalized === undefined || normalized === received.url ? undefined : { ...received, url: normalized };
    },
  },
  {
    code: 'signature_query_reencoded',
    behaviour: 'validates the signature against the URL with its query string re-encoded from the parsed parameters (%20 as +, hex digits and escapes its own way) instead of as requested',
    hint: (framework) => `validate against the raw URL exactly as requested (${rawUrlAdvice(framework)}), not one rebuilt from the parsed query: Twilio signs the bytes it sent`,
    misread: (received, method) => {
      const url = method === 'GET' ? received.url : undefined;
      const reencoded = url === undefined ? undefined : reencodeQuery(url);
      return reencoded === undefined || reencoded === url ? undefined : { url: reencoded };
    },
  },
  {
    code: 'signature_get_params_added',
    behaviour: 'adds the query parameters of a GET to the signature as if they were form parameters',
    hint: () => 'for a GET, Twilio signs the URL alone: validate the full URL with empty parameters ({})',
    misread: (received, method) => (method === 'GET' && received.url.includes('?') ? { url: received.url, params: decodeParams(received.url.slice(received.url.indexOf('?') + 1)) } : undefined),
  },
  {
    code: 'signature_without_params',
    behaviour: 'validates the signature against the URL alone, leaving out the form parameters Twilio signs with a POST',
    hint: () => "pass the decoded form parameters to the validator with the URL (twilio-node's webhook(), twilio-python's RequestValidator and twilio-php's RequestValidator all take them)",
    misread: (received, method) => (method === 'POST' && (received.params?.length ?? 0) > 0 ? { url: received.url } : undefined),
  },
  {
    code: 'signature_url_wrong_scheme',
    behaviour: 'validates the signature against the URL with the other scheme (http for https or the reverse), as a server behind a TLS-terminating proxy does when it rebuilds the URL',
    hint: () => "validate against the public URL Twilio requested: configure it in the validator (e.g. twilio.webhook({ url }) in Node) or honour the proxy's X-Forwarded-Proto",
    misread: (received) => ({ ...received, url: received.url.replace(/^(https?):/i, (_m, scheme: string) => (scheme.toLowerCase() === 'https' ? 'http:' : 'https:')) }),
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
