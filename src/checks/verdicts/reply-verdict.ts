import { createHash } from 'node:crypto';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { FaxProfile } from '../../protocol/profile.js';
import type { Exchange, ReceivedResponse } from '../../model/exchange.js';
import { validateFaxTwiml } from '../../twiml/index.js';

/**
 * What the validator makes of a 2xx reply. No `ok`: whether a finding fails is the run's to say, under its `failOn`
 * (`finishRun`), from the diagnostics.
 */
export interface ReplyVerdict {
  readonly verb: 'Receive' | 'Reject' | null;
  readonly attributes: Readonly<Record<string, string>>;
  readonly diagnostics: readonly Diagnostic[];
}

// Several checks read the same reply; validate it once.
const verdicts = new WeakMap<ReceivedResponse, ReplyVerdict>();

// A server answers most requests with the same bytes: a run of 100 cases reads about a thousand replies, and a hostile
// 60 kB one full of unknown elements costs tens of milliseconds to judge. Verdicts are pure functions of what is
// judged, so identical replies share one, kept in a small bounded cache (insertion order evicts the oldest). It is
// bounded by what it holds too: a hostile reply that differs per request carries thousands of diagnostics (about 6 MB
// for 5,500 unknown attributes), and 64 of them would hold 400 MB for nothing, since none would be read again.
const MAX_SHARED_VERDICTS = 64;
const MAX_SHARED_DIAGNOSTICS = 20_000;
const shared = new Map<string, ReplyVerdict>();
let sharedDiagnostics = 0;

/**
 * Validates the final reply of an exchange as Twilio would read it, or returns undefined when there is no 2xx
 * reply (Twilio never parses the body of a failed request, so neither does the kit). The sender stops reading at
 * the limit and says so (`truncated`): the validator then judges the size alone, exactly as `validate` does on
 * the same bytes, and an empty body is told apart by its Transfer-Encoding (11770 when chunked, 11200 otherwise).
 */
export function judgeReply(exchange: Exchange, profile: FaxProfile): ReplyVerdict | undefined {
  const response = exchange.response;
  if (!response || response.status < 200 || response.status >= 300) return undefined;
  const cached = verdicts.get(response);
  if (cached) return cached;
  const contentType = response.headers['content-type'] ?? null;
  const transferEncoding = response.headers['transfer-encoding'] ?? null;
  const key = verdictKey(response, profile, contentType, transferEncoding);
  let verdict = shared.get(key);
  if (!verdict) {
    verdict = validateFaxTwiml(response.body, { contentType, transferEncoding, truncated: response.truncated, profile });
    remember(key, verdict);
  }
  verdicts.set(response, verdict);
  return verdict;
}

function remember(key: string, verdict: ReplyVerdict): void {
  if (verdict.diagnostics.length > MAX_SHARED_DIAGNOSTICS) return;
  shared.set(key, verdict);
  sharedDiagnostics += verdict.diagnostics.length;
  for (const [oldest, evicted] of shared) {
    if (shared.size <= MAX_SHARED_VERDICTS && sharedDiagnostics <= MAX_SHARED_DIAGNOSTICS) break;
    shared.delete(oldest);
    sharedDiagnostics -= evicted.diagnostics.length;
  }
}

/** How much the shared verdict cache holds: for tests that it stays bounded. */
export function sharedVerdictLoad(): { readonly verdicts: number; readonly diagnostics: number } {
  return { verdicts: shared.size, diagnostics: sharedDiagnostics };
}

// Profiles are told apart by identity: two profile objects never share a verdict.
const profileIds = new WeakMap<FaxProfile, number>();
let nextProfileId = 0;

function verdictKey(response: ReceivedResponse, profile: FaxProfile, contentType: string | null, transferEncoding: string | null): string {
  let profileId = profileIds.get(profile);
  if (profileId === undefined) profileIds.set(profile, (profileId = nextProfileId++));
  const digest = createHash('sha256').update(response.body).digest('base64');
  return JSON.stringify([profileId, contentType, transferEncoding, response.truncated, digest]);
}
