import type { Diagnostic } from '../diagnostic.js';
import type { FaxProfile } from '../protocol/profile.js';
import type { Exchange, ReceivedResponse } from '../sender/types.js';
import { validateFaxTwiml } from '../twiml/index.js';

/** What the validator makes of a 2xx reply. */
export interface ReplyVerdict {
  readonly ok: boolean;
  readonly verb: 'Receive' | 'Reject' | null;
  readonly attributes: Readonly<Record<string, string>>;
  readonly diagnostics: readonly Diagnostic[];
}

// Several checks read the same reply; validate it once.
const verdicts = new WeakMap<ReceivedResponse, ReplyVerdict>();

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
  const verdict = validateFaxTwiml(response.body, {
    contentType: response.headers['content-type'] ?? null,
    transferEncoding: response.headers['transfer-encoding'] ?? null,
    truncated: response.truncated,
    profile,
  });
  verdicts.set(response, verdict);
  return verdict;
}
