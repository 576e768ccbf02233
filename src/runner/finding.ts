import { twilioErrorTitle } from '../protocol/twilio-errors.js';
import type { ReceivedResponse, SentRequest } from '../model/exchange.js';
import { toCurl, type CurlHttpAuth } from './curl.js';
import type { StampedIssue } from './run-check.js';
import { REDACTED, type Redactor } from '../secrets/redact.js';
import type { Finding, FindingHop, ReportedRequest, ReportedResponse } from '../model/report.js';
import type { Hop } from '../model/exchange.js';

/** How much of a reply body a finding shows. */
const BODY_START_CHARS = 2_000;

/** Headers that carry credentials of the user's own (not Twilio's auth token, which is never sent). */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization']);

/** Request headers whose values the server chose (the kit sends back the cookies it set). */
const SERVER_CHOSEN_HEADERS = new Set(['cookie']);

/**
 * Turns a check's issue into a finding: the last request of the exchange (the one that got the bad reply or
 * none), what came back, and a curl line that sends the same bytes again (giving up after `timeoutMs`, the run's
 * limit, when the exchange timed out).
 *
 * This is where a finding becomes a reportable value, so secrets are removed here, from every string before any of
 * it is cut (a body cut after 2 000 characters, say, must not keep the first half of an echoed token). Credentials
 * never reach a curl line: an authenticated request's line reads them from `$FAX_USER`/`$FAX_PASSWORD`.
 */
export function buildFinding(issue: StampedIssue, fallback: SentRequest, count: number, caseLabel: string, redactor: Redactor, timeoutMs?: number): Finding {
  const { diagnostic, exchange } = issue;
  const hop = exchange.hops.at(-1);
  const referenceRequest = issue.reference?.hops.at(-1)?.request;
  const sent = redactRequest(hop?.request ?? fallback, redactor);
  const response = hop?.response ?? exchange.response;
  const hint = diagnostic.hint === undefined ? undefined : redactor.redactServerText(diagnostic.hint);
  return {
    check: diagnostic.check,
    code: diagnostic.code,
    severity: diagnostic.severity,
    ...(diagnostic.twilioError ? { twilioError: diagnostic.twilioError, twilioErrorTitle: twilioErrorTitle(diagnostic.twilioError) } : {}),
    message: redactor.redactServerText(diagnostic.message),
    ...(hint ? { hint } : {}),
    ...(diagnostic.line !== undefined ? { line: diagnostic.line } : {}),
    ...(diagnostic.column !== undefined ? { column: diagnostic.column } : {}),
    request: reportRequest(sent.request),
    ...(response ? { response: reportResponse(response, redactor) } : {}),
    reproduce: toCurl(sent.request, {
      ...(exchange.failure?.kind === 'timeout' && timeoutMs !== undefined && { maxTimeMs: timeoutMs }),
      ...(sent.httpAuth && { httpAuth: sent.httpAuth }),
    }),
    ...(referenceRequest && { compareWith: curlOf(redactRequest(referenceRequest, redactor)) }),
    count,
    case: redactor.redact(caseLabel),
    ...(exchange.hops.length > 1 && { hops: exchange.hops.map((each) => reportHop(each, redactor)) }),
  };
}

function reportHop(hop: Hop, redactor: Redactor): FindingHop {
  const location = hop.response?.headers['location'];
  return {
    method: hop.request.method,
    url: redactor.redact(hop.request.url),
    ...(hop.response && { status: hop.response.status }),
    ...(location !== undefined && { location: redactor.redactServerText(location) }),
    ...(hop.failure && { failure: hop.failure.kind }),
  };
}

interface RedactedRequest {
  readonly request: SentRequest;
  /** How the request authenticated, if it did: its curl line says so without the credentials. */
  readonly httpAuth?: CurlHttpAuth;
}

function curlOf({ request, httpAuth }: RedactedRequest): string {
  return toCurl(request, httpAuth ? { httpAuth } : {});
}

function redactRequest(request: SentRequest, redactor: Redactor): RedactedRequest {
  let httpAuth: CurlHttpAuth | undefined;
  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => {
      const lower = name.toLowerCase();
      if (SECRET_HEADERS.has(lower)) {
        const scheme = /^(Basic|Digest)\s/i.exec(value)?.[1];
        if (lower === 'authorization' && scheme) httpAuth = scheme.toLowerCase() === 'basic' ? 'basic' : 'digest';
        return [name, scheme ? `${scheme} ${REDACTED}` : REDACTED];
      }
      return [name, SERVER_CHOSEN_HEADERS.has(lower) ? redactor.redactServerText(value) : redactor.redact(value)];
    }),
  );
  const redacted: SentRequest = { ...request, url: redactor.redact(request.url), headers, ...(request.body !== undefined && { body: redactor.redact(request.body) }) };
  return { request: redacted, ...(httpAuth && { httpAuth }) };
}

function reportRequest(request: SentRequest): ReportedRequest {
  return { method: request.method, url: request.url, headers: request.headers, ...(request.body !== undefined ? { body: request.body } : {}) };
}

function reportResponse(response: ReceivedResponse, redactor: Redactor): ReportedResponse {
  const text = redactor.redactServerText(new TextDecoder('utf-8', { fatal: false }).decode(response.body));
  return {
    status: response.status,
    headers: Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name, redactor.redactServerText(value)])),
    bodyStart: text.length > BODY_START_CHARS ? text.slice(0, BODY_START_CHARS) : text,
    bodyBytes: response.body.byteLength,
  };
}
