import { randomUUID } from 'node:crypto';
import type { SenderBehaviour } from '../protocol/sender-behaviour.js';
import { signatureHeaders, type SignatureScheme } from '../protocol/signature-scheme.js';
import { signRequest } from '../signature/sign.js';
import { signedContent, type PlannedRequest } from './planned-request.js';
import { requestedUrl } from './raw-url.js';
import { stripCredentials } from '../secrets/url-credentials.js';
import type { SentRequest, WebhookRequest } from '../model/exchange.js';

/** What stays the same for every hop of one exchange. */
export interface ExchangeContext {
  readonly behaviour: SenderBehaviour;
  readonly signature: SignatureScheme;
  readonly webhook: WebhookRequest;
  readonly authToken?: string;
  readonly idempotencyToken: string;
}

/** A hop ready to go: what the report shows, and the URL the transport requests. */
export interface PreparedHop {
  readonly sent: SentRequest;
  readonly body?: Uint8Array;
}

/** The idempotency token of an exchange: the request's own, or a fresh UUID shared by all its hops. */
export function idempotencyTokenFor(webhook: WebhookRequest): string {
  return webhook.idempotencyToken ?? randomUUID();
}

/**
 * Headers and body of one hop, as the profile's service sends them: its fixed headers, the idempotency token, the
 * signature (in each of the scheme's headers) over the URL as Twilio signed it (see `signedContent`), then the
 * caller's headers on top. The URL requested keeps the bytes as written (`requestedUrl`), without credentials or
 * fragment.
 */
export function prepareHop(planned: PlannedRequest, context: ExchangeContext, authorization?: string): PreparedHop {
  const { behaviour, webhook } = context;
  const headers: Record<string, string> = { ...behaviour.headers };
  if (planned.body !== undefined) headers['Content-Type'] = behaviour.formContentType;
  headers[behaviour.idempotencyHeader] = context.idempotencyToken;
  const signature = signatureFor(planned, context);
  if (signature !== undefined) for (const name of signatureHeaders(context.signature)) headers[name] = signature;
  if (authorization !== undefined) headers.Authorization = authorization;
  for (const [name, value] of Object.entries(webhook.headers ?? {})) setHeader(headers, name, value);

  const sent: SentRequest = {
    method: planned.method,
    url: requestedUrl(stripCredentials(planned.url)),
    headers,
    ...(planned.body !== undefined && { body: planned.body }),
  };
  return { sent, ...(planned.body !== undefined && { body: Buffer.from(planned.body, 'utf8') }) };
}

function signatureFor(planned: PlannedRequest, context: ExchangeContext): string | undefined {
  const { signature } = context.webhook;
  if (signature === false) return undefined;
  if (typeof signature === 'string') return signature;
  if (context.authToken === undefined) return undefined;
  return signRequest(context.signature, { authToken: context.authToken, ...signedContent(planned, context.webhook.signedPort) });
}

/** Sets a header, replacing any existing one whatever its case, so an override never sends a duplicate. */
function setHeader(headers: Record<string, string>, name: string, value: string): void {
  for (const existing of Object.keys(headers)) {
    if (existing.toLowerCase() === name.toLowerCase()) delete headers[existing];
  }
  headers[name] = value;
}
