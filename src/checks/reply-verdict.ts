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
 * reply (Twilio never parses the body of a failed request, so neither does the kit).
 */
export function judgeReply(exchange: Exchange, profile: FaxProfile): ReplyVerdict | undefined {
  const response = exchange.response;
  if (!response || response.status < 200 || response.status >= 300) return undefined;
  const cached = verdicts.get(response);
  if (cached) return cached;
  const verdict = response.truncated ? truncatedVerdict(profile) : validateFaxTwiml(response.body, { contentType: response.headers['content-type'] ?? null, profile });
  verdicts.set(response, verdict);
  return verdict;
}

// The sender stops reading at the limit, so the validator only ever sees a cut-off document: judging its XML
// would blame the cut, not the server. The size is the one defect.
function truncatedVerdict(profile: FaxProfile): ReplyVerdict {
  const limit = profile.twiml.maxBodyBytes;
  return {
    ok: false,
    verb: null,
    attributes: {},
    diagnostics: [
      {
        check: 'body-size',
        code: 'body_too_large',
        severity: 'error',
        twilioError: 11750,
        message: `the reply body is larger than ${limit} bytes; Twilio stops reading there`,
        hint: 'reply with just the fax TwiML, e.g. <Response><Receive/></Response>',
      },
    ],
  };
}
