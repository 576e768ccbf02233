import { mediaUrlFor } from '../protocol/media-url.js';
import { effectOfVerb } from '../protocol/twiml-schema.js';
import type { Exchange, HttpMethod, WebhookRequest } from '../model/exchange.js';
import { resolveReference } from '../sender/raw-url.js';
import { validateFaxTwiml } from '../twiml/index.js';
import { callbackParams, type CallbackOutcome } from './conversation/callback-params.js';
import { paramOf } from './conversation/fresh-ids.js';
import { PairCookieJars } from './conversation/pair-cookie-jars.js';
import { VirtualClock } from './conversation/virtual-clock.js';
import { ABORTED, exchangeOutcome, twilioErrorOf } from './verdicts/exchange-outcome.js';
import { refusalOf } from './hints/refusal-hint.js';
import { whyNotJudged } from './hints/failure-owner.js';
import { judgeReply } from './verdicts/reply-verdict.js';
import { judged, NO_REPLY_TO_JUDGE, notJudged, type Check, type CheckContext, type CheckIssue } from './check-api/types.js';

const CHECK = 'action-callback';

/**
 * `action-callback`: when the reply is `<Receive action=…>`, sends the callback Twilio would, with the `method`
 * attribute's method to the action URL resolved against the webhook URL, as part of the same call: carrying the
 * cookies the webhook reply set for the (From, To) pair and the call's HTTP-auth credentials. Once for a received fax
 * (`MediaUrl` a pre-signed URL on the kit's media server, PDF or TIFF as `mediaType` says) and once for a failed one
 * (`ErrorCode` 34004, no `NumPages`, no `MediaUrl`): two findings when both fail. Fails on no 2xx, a timeout, a reply
 * over 64 kB; a reply that is TwiML and not well-formed is a warning (the fax is done; Twilio acts on nothing in it).
 */
export const actionCallbackCheck: Check = {
  id: CHECK,
  title: 'the <Receive action> callback is accepted for received and failed faxes',
  scope: 'run',
  async run(context) {
    const { profile } = context.config;
    const { names } = profile.parameters;
    const verdict = judgeReply(context.exchange, profile);
    if (!verdict) return notJudged(whyNotJudged(context.exchange, context.config) ?? NO_REPLY_TO_JUDGE);
    // Only the verb that receives the fax requests an action callback.
    const action = effectOfVerb(profile.twiml, verdict.verb) === 'receive' ? verdict.attributes.action : undefined;
    if (action === undefined) return notJudged('the reply has no <Receive action>: Twilio requests no callback');
    // Resolved as Twilio resolved it, bytes kept as written (new URL() would re-encode an apostrophe). Twilio requests
    // only http(s) URLs; anything else is attribute-values' finding (11100), and the kit requests nothing.
    const url = resolveReference(action, context.exchange.finalUrl);
    if (url === undefined) return notJudged('the action URL is not an http(s) URL Twilio could request (see attribute-values)');
    // The call's HTTP-auth credentials go only where the webhook is: a reply naming another origin must not be able
    // to collect them with a 401 challenge.
    const credentials = sameOrigin(url, context.exchange.finalUrl) ? context.exchange.credentials : undefined;
    const method: HttpMethod = verdict.attributes.method === 'GET' ? 'GET' : 'POST';
    const format = verdict.attributes.mediaType === 'image/tiff' ? 'image/tiff' : 'application/pdf';
    const { params } = context.request;
    const mediaUrl = mediaUrlFor(
      context.config.mediaBaseUrl ?? profile.media.origin,
      { accountSid: paramOf(params, names.accountSid) ?? '', faxSid: paramOf(params, names.faxSid) ?? '', format },
      profile.media,
    );
    const cookie = await callCookies(context, url);
    const issues: CheckIssue[] = [];
    let answered = 0;
    for (const outcome of [{ status: 'received', mediaUrl }, { status: 'failed' }] as const satisfies readonly CallbackOutcome[]) {
      const request: WebhookRequest = {
        method,
        url,
        params: callbackParams(params, outcome, names),
        ...(cookie !== '' && { headers: { Cookie: cookie } }),
        ...(credentials && { credentials }),
      };
      const exchange = await context.send(request);
      if (exchangeOutcome(exchange, context.config.profile).kind === 'aborted') continue;
      answered += 1;
      issues.push(...judgeCallback(context, exchange, outcome.status, describe(outcome, method, url)));
    }
    return answered === 0 ? notJudged(ABORTED) : judged(issues);
  },
};

/**
 * The `Cookie` header of the callback: the cookies the webhook's replies set, kept for the (From, To) pair as
 * Twilio keeps them ("accepts HTTP cookies and will include them in each request"), scoped to the action URL.
 */
async function callCookies(context: CheckContext, actionUrl: string): Promise<string> {
  // No Set-Cookie, no cookie: tough-cookie is not loaded for nothing.
  if (!context.exchange.hops.some((hop) => (hop.response?.setCookies.length ?? 0) > 0)) return '';
  const { names } = context.config.profile.parameters;
  const pair = { From: paramOf(context.request.params, names.from) ?? '', To: paramOf(context.request.params, names.to) ?? '' };
  const clock = new VirtualClock();
  const jars = await PairCookieJars.create(context.config.profile.sender.cookieIdleExpiryMs);
  for (const hop of context.exchange.hops) if (hop.response) jars.store(pair, hop.response.setCookies, hop.request.url, clock.now());
  return jars.cookieHeader(pair, actionUrl, clock.now());
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

function describe(outcome: CallbackOutcome, method: HttpMethod, url: string): string {
  const fax = outcome.status === 'received' ? 'a received fax (FaxStatus=received, NumPages, MediaUrl)' : 'a failed fax (FaxStatus=failed, ErrorCode, ErrorMessage, no NumPages or MediaUrl)';
  return `the action callback for ${fax}, ${method} ${url}`;
}

function judgeCallback(context: CheckContext, exchange: Exchange, status: CallbackOutcome['status'], described: string): CheckIssue[] {
  const issue = (code: string, message: string, hint: string, extra: Partial<CheckIssue['diagnostic']> = {}): CheckIssue[] => [
    {
      exchange,
      // The received and the failed callback are two requests that can fail for two causes: never merged.
      distinct: status,
      label: `the action callback for a ${status} fax`,
      diagnostic: { code, severity: 'error', ...extra, message: `${described}: ${message}`, hint },
    },
  ];
  const outcome = exchangeOutcome(exchange, context.config.profile);
  const { failure, response } = exchange;
  if (failure?.kind === 'timeout') {
    return issue('callback_timeout', failure.message, 'answer the callback at once and do slow work (downloading MediaUrl, OCR, e-mail) after replying', twilioErrorOf(outcome));
  }
  if (failure) return issue('callback_unreachable', failure.message, 'serve the action URL on the same server as the webhook, or give an absolute action URL that is reachable', twilioErrorOf(outcome));
  if (!response) return [];
  if (!outcome.ok) return issue('callback_error_status', `the server answers HTTP ${response.status}`, errorStatusHint(exchange, response.status, status), twilioErrorOf(outcome));
  if (response.truncated) {
    return issue('callback_body_too_large', `the reply is larger than ${context.config.profile.twiml.maxBodyBytes} bytes`, 'answer the callback with an empty 200 or <Response/>', { twilioError: 11750 });
  }
  const contentType = response.headers['content-type'] ?? null;
  const text = Buffer.from(response.body).toString('utf8').trimStart();
  // An empty 200 is the usual answer to a callback, whatever Content-Type a framework puts on it.
  if (text === '' || (!/xml/i.test(contentType ?? '') && !text.startsWith('<'))) return [];
  const malformed = validateFaxTwiml(response.body, { contentType, profile: context.config.profile }).diagnostics.find((d) => d.check === 'xml-well-formed');
  if (!malformed) return [];
  return issue(
    'callback_reply_malformed',
    `the reply is TwiML but not well-formed: ${malformed.message}; Twilio logs 12100 and, the fax being done, acts on nothing in it`,
    'answer the callback with an empty 200 or a well-formed <Response/>',
    { twilioError: 12100, severity: 'warning' },
  );
}

function errorStatusHint(exchange: Exchange, httpStatus: number, status: CallbackOutcome['status']): string {
  const method = exchange.hops.at(-1)?.request.method ?? 'POST';
  if (httpStatus === 404 || httpStatus === 405) return `serve the action URL for ${method} (a relative action resolves against the webhook URL)`;
  const refusal = refusalOf(exchange);
  if (refusal === 'http-auth') {
    return 'the callback belongs to the same call as the webhook: Twilio answers its 401 with the webhook URL\'s credentials, so accept the same user and password on the action URL';
  }
  if (refusal === 'signature') return 'Twilio signs the callback like the webhook, over the action URL and all its parameters: validate it the same way (see signature-accepted)';
  const fields = 'read FaxStatus first; NumPages and MediaUrl exist only when FaxStatus is received, ErrorCode and ErrorMessage only when it failed';
  return status === 'received'
    ? `the callback handler failed: ${fields}. MediaUrl is a pre-signed URL valid for 2 hours: fetch it exactly as given, with no Authorization header and without decoding it`
    : `the callback handler failed: ${fields}`;
}
