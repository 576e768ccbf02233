import { twilioErrorTitle } from '../protocol/twilio-errors.js';
import type { CheckIssue } from '../checks/types.js';
import type { ReceivedResponse, SentRequest } from '../sender/types.js';
import { toCurl } from './curl.js';
import type { Finding, ReportedRequest, ReportedResponse } from './report.js';

/** How much of a reply body a finding shows. */
const BODY_START_CHARS = 2_000;

/** Headers that carry credentials of the user's own (not Twilio's auth token, which is never sent). */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization']);

/**
 * Turns a check's issue into a finding: the last request of the exchange (the one that got the bad reply or
 * none), what came back, and a curl line that sends the same bytes again (giving up after `timeoutMs`, the run's
 * limit, when the exchange timed out).
 */
export function buildFinding(issue: CheckIssue, fallback: SentRequest, count: number, caseLabel: string, timeoutMs?: number): Finding {
  const { diagnostic, exchange } = issue;
  const hop = exchange.hops.at(-1);
  const referenceRequest = issue.reference?.hops.at(-1)?.request;
  const sent = redactRequest(hop?.request ?? fallback);
  const response = hop?.response ?? exchange.response;
  return {
    check: diagnostic.check,
    code: diagnostic.code,
    severity: diagnostic.severity,
    ...(diagnostic.twilioError ? { twilioError: diagnostic.twilioError, twilioErrorTitle: twilioErrorTitle(diagnostic.twilioError) } : {}),
    message: diagnostic.message,
    ...(diagnostic.hint ? { hint: diagnostic.hint } : {}),
    ...(diagnostic.line !== undefined ? { line: diagnostic.line } : {}),
    ...(diagnostic.column !== undefined ? { column: diagnostic.column } : {}),
    request: reportRequest(sent),
    ...(response ? { response: reportResponse(response) } : {}),
    reproduce: toCurl(sent, exchange.failure?.kind === 'timeout' && timeoutMs !== undefined ? { maxTimeMs: timeoutMs } : {}),
    ...(referenceRequest && { compareWith: toCurl(redactRequest(referenceRequest)) }),
    count,
    case: caseLabel,
  };
}

function redactRequest(request: SentRequest): SentRequest {
  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [name, SECRET_HEADERS.has(name.toLowerCase()) ? '<redacted>' : value]),
  );
  return { ...request, headers };
}

function reportRequest(request: SentRequest): ReportedRequest {
  return { method: request.method, url: request.url, headers: request.headers, ...(request.body !== undefined ? { body: request.body } : {}) };
}

function reportResponse(response: ReceivedResponse): ReportedResponse {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(response.body);
  return {
    status: response.status,
    headers: response.headers,
    bodyStart: text.length > BODY_START_CHARS ? text.slice(0, BODY_START_CHARS) : text,
    bodyBytes: response.body.byteLength,
  };
}
