import { mediaUrlFor } from '../media/media-url.js';
import type { Exchange, HttpMethod } from '../sender/types.js';
import { validateFaxTwiml } from '../twiml/index.js';
import { callbackParams, type CallbackOutcome } from './_stateful/callback-params.js';
import { paramOf } from './_stateful/fresh-ids.js';
import { judgeReply } from './reply-verdict.js';
import { judged, NO_REPLY_TO_JUDGE, notJudged, type Check, type CheckContext, type CheckIssue } from './types.js';

const CHECK = 'action-callback';

/** Where `MediaUrl` points when the run has no media server (a library caller that set none). */
const TWILIO_MEDIA_BASE = 'https://fax.twilio.com/v1/Media';

/**
 * `action-callback`: when the reply is `<Receive action=…>`, sends the callback Twilio would, with the `method`
 * attribute's method to the action URL resolved against the webhook URL: once for a received fax (`MediaUrl` on
 * the kit's media server, PDF or TIFF as `mediaType` says) and once for a failed one (no `NumPages`, no `MediaUrl`).
 * Fails on no 2xx, a timeout, a reply over 64 kB, or a reply that is TwiML and not well-formed.
 */
export const actionCallbackCheck: Check = {
  id: CHECK,
  title: 'the <Receive action> callback is accepted for received and failed faxes',
  scope: 'run',
  async run(context) {
    const verdict = judgeReply(context.exchange, context.config.profile);
    if (!verdict) return notJudged(NO_REPLY_TO_JUDGE);
    const action = verdict.verb === 'Receive' ? verdict.attributes.action : undefined;
    if (action === undefined) return notJudged('the reply has no <Receive action>: Twilio requests no callback');
    let url: string;
    try {
      url = new URL(action, context.exchange.finalUrl).href;
    } catch {
      return notJudged('the action URL cannot be resolved (see attribute-values)');
    }
    const method: HttpMethod = verdict?.attributes.method === 'GET' ? 'GET' : 'POST';
    const format = verdict?.attributes.mediaType === 'image/tiff' ? 'image/tiff' : 'application/pdf';
    const faxSid = paramOf(context.request.params, 'FaxSid') ?? 'FX';
    const mediaUrl = mediaUrlFor(context.config.mediaBaseUrl ?? TWILIO_MEDIA_BASE, faxSid, format);
    const issues: CheckIssue[] = [];
    for (const outcome of [{ status: 'received', mediaUrl }, { status: 'failed' }] as const satisfies readonly CallbackOutcome[]) {
      const exchange = await context.send({ method, url, params: callbackParams(context.request.params, outcome) });
      issues.push(...judgeCallback(context, exchange, describe(outcome, method, url)));
    }
    return judged(issues);
  },
};

function describe(outcome: CallbackOutcome, method: HttpMethod, url: string): string {
  const fax = outcome.status === 'received' ? 'a received fax (FaxStatus=received, NumPages, MediaUrl)' : 'a failed fax (FaxStatus=failed, ErrorCode, ErrorMessage, no NumPages or MediaUrl)';
  return `the action callback for ${fax}, ${method} ${url}`;
}

function judgeCallback(context: CheckContext, exchange: Exchange, described: string): CheckIssue[] {
  const issue = (code: string, message: string, hint: string, twilioError?: CheckIssue['diagnostic']['twilioError']): CheckIssue[] => [
    { exchange, diagnostic: { check: CHECK, code, severity: 'error', ...(twilioError ? { twilioError } : {}), message: `${described}: ${message}`, hint } },
  ];
  const { failure, response } = exchange;
  if (failure?.kind === 'timeout') {
    return issue('callback_timeout', failure.message, 'answer the callback at once and do slow work (downloading MediaUrl, OCR, e-mail) after replying', failure.twilioError);
  }
  if (failure) return issue('callback_unreachable', failure.message, 'serve the action URL on the same server as the webhook, or give an absolute action URL that is reachable', failure.twilioError);
  if (!response) return [];
  if (response.status < 200 || response.status >= 300) {
    const hint =
      response.status === 404 || response.status === 405
        ? `serve the action URL for ${exchange.hops.at(-1)?.request.method ?? 'POST'} (a relative action resolves against the webhook URL)`
        : response.status === 401 || response.status === 403
          ? 'Twilio signs the callback like the webhook, over the action URL and all its parameters: validate it the same way (see signature-accepted)'
          : 'the callback handler failed: read FaxStatus first; NumPages and MediaUrl exist only when FaxStatus is received, ErrorCode and ErrorMessage only when it failed';
    return issue('callback_error_status', `the server answers HTTP ${response.status}`, hint, response.status >= 400 ? 11200 : 11216);
  }
  if (response.truncated) {
    return issue('callback_body_too_large', `the reply is larger than ${context.config.profile.twiml.maxBodyBytes} bytes`, 'answer the callback with an empty 200 or <Response/>', 11750);
  }
  const contentType = response.headers['content-type'] ?? null;
  const text = Buffer.from(response.body).toString('utf8').trimStart();
  // An empty 200 is the usual answer to a callback, whatever Content-Type a framework puts on it.
  if (text === '' || (!/xml/i.test(contentType ?? '') && !text.startsWith('<'))) return [];
  const malformed = validateFaxTwiml(response.body, { contentType, profile: context.config.profile }).diagnostics.find((d) => d.check === 'xml-well-formed');
  if (!malformed) return [];
  return issue('callback_reply_malformed', `the reply is TwiML but not well-formed: ${malformed.message}`, 'answer the callback with an empty 200 or a well-formed <Response/>', 12100);
}
