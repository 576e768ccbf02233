import { DEFAULT_FAIL_ON, FAIL_ON_LEVELS, hasFailing, type Diagnostic, type FailOn } from '../model/diagnostic.js';
import { TWILIO_PROFILE, type FaxProfile } from '../protocol/profile.js';
import { checkBodySize, checkEmptyBody } from './body-size.js';
import { checkContentType } from './content-type.js';
import { replyBodyOf, type ReplyBody } from './decode.js';
import type { ReplyEffect } from './effect.js';
import { judgeDocument } from './judge-document.js';

/** How to judge a reply. */
export interface ValidateOptions {
  /** The reply's Content-Type: `undefined` = not known (not judged), `null` = the reply had none. */
  readonly contentType?: string | null;
  /** The reply's Transfer-Encoding, if known: an empty body sent `chunked` is 11770 rather than 11200. */
  readonly transferEncoding?: string | null;
  /**
   * True when the reply went on past the bytes given: a reader that stops after Twilio's limit (64 kB) sets it,
   * and the reply is judged too large without its size being known.
   */
  readonly truncated?: boolean;
  /** The fax service to judge against; Twilio by default. */
  readonly profile?: FaxProfile;
  /**
   * Which diagnostics make `ok` false: those of this severity or worse (`never`: none). Default `DEFAULT_FAIL_ON`
   * (`warning`), the default of `validate` and `check --fail-on`, so the library and the CLI agree on every reply.
   */
  readonly failOn?: FailOn;
}

/** The verdict on a fax TwiML reply. */
export interface TwimlValidation {
  /**
   * No diagnostic fails under `failOn` (by default a warning fails: a miscased `Action` is not ok): the rule of
   * `validate`'s ✓/✗ and exit code and of `check`'s verdict.
   */
  readonly ok: boolean;
  /** The `failOn` that `ok` was judged under. */
  readonly failOn: FailOn;
  /** The fax verb Twilio would run, or null when there is none (or the reply is not readable TwiML). */
  readonly verb: 'Receive' | 'Reject' | null;
  /** The attributes of `verb` as written (values with references replaced). */
  readonly attributes: Record<string, string>;
  /**
   * Header and size findings first, then the document's in document order. Findings that differ only in their
   * place are one diagnostic with a `count`.
   */
  readonly diagnostics: Diagnostic[];
  /** What Twilio would do other than what the reply asks (skip, use a default, fail a request), and why. */
  readonly effects: ReplyEffect[];
}

/**
 * Validates a reply to the fax webhook as Twilio would read it. Never throws on any text or bytes, however large
 * (only on a body of another type, a TypeError); a body over Twilio's 64 kB is judged by its size alone, without
 * decoding or parsing it, and time is linear in the body. Throws a TypeError for a `failOn` it does not know.
 * `ok` is true when no diagnostic fails under `failOn` (default `warning`).
 * @example validateFaxTwiml('<Response><Receive pageSize="a4"/></Response>', { contentType: 'text/xml' }).ok // true
 * @example validateFaxTwiml('<Response><Receive Action="/fax/received"/></Response>', { contentType: 'text/xml' }).ok // false: Twilio ignores Action (warning 12200)
 * @example validateFaxTwiml('<Response><Receive Action="/fax/received"/></Response>', { contentType: 'text/xml', failOn: 'error' }).ok // true
 */
export function validateFaxTwiml(reply: ReplyBody, options: ValidateOptions = {}): TwimlValidation {
  const failOn = options.failOn ?? DEFAULT_FAIL_ON;
  if (!FAIL_ON_LEVELS.includes(failOn)) {
    throw new TypeError(`validateFaxTwiml: failOn must be one of ${FAIL_ON_LEVELS.map((level) => `'${level}'`).join(', ')}, not ${typeof failOn === 'string' ? `'${failOn}'` : String(failOn)}`);
  }
  const body = replyBodyOf(reply);
  const schema = (options.profile ?? TWILIO_PROFILE).twiml;
  const header = checkContentType(options.contentType, schema);
  // Twilio reads nothing of a body over its limit, and an empty one holds nothing: that is the one finding.
  const size = [...checkBodySize(body, schema, options), ...checkEmptyBody(body, options)];
  const judged = size.length > 0 ? { diagnostics: size, effects: [], verb: null, attributes: {} } : judgeDocument(body, schema);
  const diagnostics = [...header, ...judged.diagnostics];
  return { ok: !hasFailing(diagnostics, failOn), failOn, verb: judged.verb, attributes: judged.attributes, diagnostics, effects: judged.effects };
}
