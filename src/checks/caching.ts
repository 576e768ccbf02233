import type CachePolicy from 'http-cache-semantics';
import type { Exchange, WebhookRequest } from '../model/exchange.js';
import { bodiesDiffer, cacheViewOf } from './http-cache/cache-exchange.js';
import { isEntityTag, isHttpDate, isStrongEntityTag } from './http-cache/http-validators.js';
import { ABORTED, exchangeOutcome, twilioErrorOf } from './verdicts/exchange-outcome.js';
import { whyNotJudged } from './hints/failure-owner.js';
import { judged, notJudged, type Check, type CheckContext, type CheckIssue } from './check-api/types.js';
import { loadOnce } from '../model/load-once.js';

/** http-cache-semantics, loaded when this check first runs (only runs with GET requests need it). */
const loadCacheSemantics = loadOnce(async () => (await import('http-cache-semantics')).default);

const CHECK = 'caching';

/**
 * `caching` (GET only: Twilio never caches POST replies): repeats a GET as Twilio's cache would, with cache
 * semantics from `http-cache-semantics`: the same URL again, and the same URL with the validators the cache holds
 * (`If-None-Match`, `If-Modified-Since`). Fails on malformed validators, a 304 that does not match what was sent or
 * carries a body, and one strong ETag on two different bodies of the same URL (Twilio would serve stale TwiML).
 * Another fax is another URL (its FaxSid is in the query), so another resource: sharing an ETag with it is no
 * defect (RFC 9110 §8.8.3 scopes an entity tag to one resource).
 */
export const cachingCheck: Check = {
  id: CHECK,
  title: 'GET replies can be cached and revalidated as Twilio does',
  scope: 'run',
  skipReason: (config) => (config.method === 'POST' ? 'needs --method GET or both (Twilio caches only GET replies)' : undefined),
  async run(context) {
    // A webhook that fails the case's own request would fail its GET alike: nothing is sent.
    const baseFailed = whyNotJudged(context.exchange, context.config);
    if (baseFailed) return notJudged(baseFailed);
    const request: WebhookRequest = { ...context.request, method: 'GET' };
    const first = context.request.method === 'GET' ? context.exchange : await context.send(request);
    const view = cacheViewOf(first);
    const outcome = exchangeOutcome(first, context.config.profile);
    if (outcome.kind === 'aborted') return notJudged(ABORTED);
    // The base request worked, so this is its GET variant failing: get-post's finding.
    if (!view || !outcome.ok) return notJudged(`the GET request got no 2xx reply (${outcome.description}; see get-post)`);
    const malformed = malformedValidators(first);
    if (malformed.length > 0) return judged(malformed);
    const { etag, 'last-modified': lastModified } = first.response?.headers ?? {};
    if (etag === undefined && lastModified === undefined) return notJudged('the GET reply has no ETag or Last-Modified: there is nothing to revalidate');

    const issues = sameEtagOtherBody(context, first, await context.send(request), 'the same URL requested again');
    const Policy = await loadCacheSemantics();
    const policy = new Policy(view.request, view.response, { shared: false });
    const conditional = Object.fromEntries(
      Object.entries(policy.revalidationHeaders(view.request)).filter(([name]) => name === 'if-none-match' || name === 'if-modified-since'),
    ) as Record<string, string>;
    if (Object.keys(conditional).length > 0) issues.push(...(await revalidate(context, request, first, policy, conditional)));
    return judged(issues);
  },
};

/** Sends the conditional request Twilio's cache would and judges the reply. */
async function revalidate(context: CheckContext, request: WebhookRequest, first: Exchange, policy: CachePolicy, conditional: Record<string, string>): Promise<CheckIssue[]> {
  const exchange = await context.send({ ...request, headers: { ...request.headers, ...titleCased(conditional) } });
  const sent = Object.entries(titleCased(conditional)).map(([name, value]) => `${name}: ${value}`).join(', ');
  const outcome = exchangeOutcome(exchange, context.config.profile);
  const response = exchange.response;
  const view = cacheViewOf(exchange);
  if (outcome.kind === 'aborted') return [];
  if (!response || !view || (!outcome.ok && response.status !== 304)) {
    return [issue(exchange, 'conditional_request_fails', `a revalidation request (${sent}) fails: ${outcome.description}`, 'answer conditional requests: 304 with the same ETag when nothing changed, 200 with the new reply otherwise', twilioErrorOf(outcome).twilioError)];
  }
  if (response.status !== 304) return sameEtagOtherBody(context, first, exchange, `a revalidation request (${sent})`);
  const issues: CheckIssue[] = [];
  if (response.body.byteLength > 0) {
    issues.push(issue(exchange, 'not_modified_with_body', `the 304 reply to ${sent} carries a ${response.body.byteLength}-byte body; a 304 has none`, 'send 304 with headers only (no body, no Content-Length of a body)'));
  }
  if (!policy.revalidatedPolicy(view.request, view.response).matches) {
    const got = [`ETag ${response.headers.etag ?? '(none)'}`, ...(response.headers['last-modified'] ? [`Last-Modified ${response.headers['last-modified']}`] : [])].join(', ');
    issues.push(
      issue(
        exchange,
        'not_modified_validator_mismatch',
        `the server answered 304 to ${sent} with validators that do not match (${got}); Twilio cannot tell which cached TwiML the 304 confirms`,
        'send the same ETag (and Last-Modified) in the 304 as in the 200 it confirms, and answer 304 only when the If-None-Match sent matches',
      ),
    );
  }
  return issues;
}

function malformedValidators(exchange: Exchange): CheckIssue[] {
  const headers = exchange.response?.headers ?? {};
  const issues: CheckIssue[] = [];
  if (headers.etag !== undefined && !isEntityTag(headers.etag)) {
    issues.push(
      issue(exchange, 'malformed_etag', `the ETag ${JSON.stringify(headers.etag)} is not an entity tag; Twilio's cache cannot revalidate with it and fetches the reply anew each time`, 'quote the ETag: ETag: "abc123" (or W/"abc123" for a weak one), with no spaces or quotes inside'),
    );
  }
  const lastModified = headers['last-modified'];
  if (lastModified !== undefined && !isHttpDate(lastModified)) {
    issues.push(
      issue(exchange, 'malformed_last_modified', `the Last-Modified ${JSON.stringify(lastModified)} is not an HTTP date; Twilio's cache cannot revalidate with it and fetches the reply anew each time`, "write it as an IMF-fixdate, e.g. 'Tue, 15 Nov 1994 08:12:31 GMT' (Date#toUTCString())"),
    );
  }
  return issues;
}

/** A strong ETag identifies one body exactly; the same tag on another body means the ETag does not follow the content. */
function sameEtagOtherBody(context: CheckContext, first: Exchange, later: Exchange, described: string): CheckIssue[] {
  const tag = first.response?.headers.etag;
  if (!later.response || !exchangeOutcome(later, context.config.profile).ok || tag === undefined || !isStrongEntityTag(tag)) return [];
  if (later.response.headers.etag !== tag || !bodiesDiffer(first, later)) return [];
  return [
    issue(
      later,
      'etag_reused',
      `${described} gets a different body with the same strong ETag ${tag}: once Twilio has cached one reply, a 304 for that ETag makes it use stale TwiML`,
      'derive the ETag from the reply body (e.g. a hash of it), or send no ETag when the TwiML depends on the request',
    ),
  ];
}

/**
 * What goes on without failing the fax: a validator the cache cannot read is ignored (the reply is fetched anew), and
 * a reused ETag makes Twilio act on an older reply of the same URL. A failing or malformed 304 fails it.
 */
const WARNINGS = new Set(['malformed_etag', 'malformed_last_modified', 'etag_reused']);

function issue(exchange: Exchange, code: string, message: string, hint: string, twilioError?: CheckIssue['diagnostic']['twilioError']): CheckIssue {
  const severity = WARNINGS.has(code) ? 'warning' : 'error';
  return { exchange, label: labelOf(exchange), diagnostic: { code, severity, ...(twilioError ? { twilioError } : {}), message, hint } };
}

// The request shown is the case's parameters by GET, sometimes conditional: say so, since the case may be a POST.
function labelOf(exchange: Exchange): string {
  const headers = Object.keys(exchange.hops[0]?.request.headers ?? {}).map((name) => name.toLowerCase());
  const conditional = headers.filter((name) => name === 'if-none-match' || name === 'if-modified-since');
  return conditional.length > 0 ? `the case's request by GET, revalidated as Twilio's cache would (${conditional.join(', ')})` : "the case's request by GET, as Twilio's cache sees it";
}

// Headers as a curl line shows them, in the usual spelling.
function titleCased(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase()), value]));
}
