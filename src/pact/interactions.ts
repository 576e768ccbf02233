import { mediaUrlFor, TWILIO_MEDIA_ORIGIN } from '../protocol/media-url.js';
import { RECEIVE_VERB, TWILIO_FALLBACK } from '../protocol/index.js';
import { twilioErrorTitle } from '../protocol/twilio-errors.js';
import type { FormParams, HttpMethod } from '../model/exchange.js';
import { PARAMETER_PATTERNS } from './patterns.js';
import { FAX_PACT_STATES, type FaxPactState } from './states.js';

/** What the consumer (Twilio's fax service) expects back. */
export type FaxReplyExpectation =
  /**
   * Any 2xx, a TwiML `Content-Type`, `<Response><Receive .../></Response>`: with `action` when given (any URL Twilio
   * could resolve) and the named attributes, each matched against its enumeration; other attributes may be there.
   */
  | { readonly kind: 'receive'; readonly action?: string; readonly attributes: readonly string[] }
  /** Any 2xx, a TwiML `Content-Type`, `<Response><Reject/></Response>`. */
  | { readonly kind: 'reject' }
  /** Any 2xx (the reply to an action callback). */
  | { readonly kind: 'success' };

/** One interaction of the fax contract, as data: the DSL in `build-interaction.ts` turns it into Pact. */
export interface FaxInteraction {
  readonly description: string;
  readonly state?: FaxPactState;
  readonly method: HttpMethod;
  readonly path: string;
  /** Example values, in the order Twilio sends them: the form body of a POST, the query of a GET. */
  readonly params: FormParams;
  /** Parameter name to the regex any value Twilio sends matches; a parameter without one must equal its example. */
  readonly patterns: Readonly<Record<string, string>>;
  /** False for generated examples whose exact bytes matter (tricky encodings): Pact stores the body verbatim. */
  readonly matchParams: boolean;
  readonly reply: FaxReplyExpectation;
}

/** What the contract is written for: the provider's paths, and what of Twilio's fax service it serves. */
export interface FaxContractPaths {
  /** Where the number's "A Fax Comes In" webhook points. */
  readonly webhookPath: string;
  /**
   * The `<Receive action>` the provider answers with, where the action callbacks go. Absent: the provider asks for no
   * callback, so `<Receive>` may carry no `action` and the contract has no callback interactions.
   */
  readonly callbackPath?: string;
  /**
   * The `<Receive>` attributes (besides `action`) the provider's reply must carry, each matched against its
   * enumeration. Default none: Twilio requires none, and Pact fails a reply that lacks an attribute the contract names.
   */
  readonly receiveAttributes?: readonly string[];
  /** How the number requests the webhook: one interaction per method. Default `['POST']`, Twilio's default. */
  readonly methods?: readonly HttpMethod[];
  /** The provider states the contract covers, one interaction each. Default `accepts` only. */
  readonly states?: readonly FaxContractState[];
  /**
   * Where the number's fallback URL points: adds, per method, the fallback request Twilio sends after a failure of
   * the fax URL (the fax's parameters, then `ErrorCode` and `ErrorUrl`), which must be answered with `<Receive>`.
   * Absent: the contract has no fallback interaction.
   */
  readonly fallbackPath?: string;
}

/** A provider state by its short name, as `pact generate --states` takes it. */
export type FaxContractState = 'accepts' | 'rejects';

/** Every state the contract can cover. */
export const FAX_CONTRACT_STATES: readonly FaxContractState[] = ['accepts', 'rejects'];

/** Every `<Receive>` attribute. */
export const ALL_RECEIVE_ATTRIBUTES: readonly string[] = RECEIVE_VERB.attributes.map((attribute) => attribute.name);

// Fixed, readable examples: the committed contract must be byte-for-byte reproducible.
const FAX_SID = 'FXa1b2c3d4e5f60718293a4b5c6d7e8f90';
const ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';

/** The parameters of an incoming fax, as the examples of the contract. */
export const EXAMPLE_WEBHOOK_PARAMS: FormParams = [
  ['FaxSid', FAX_SID],
  ['AccountSid', ACCOUNT_SID],
  ['From', '+14155550100'],
  ['To', '+14155550199'],
  ['ApiVersion', 'v1'],
];

const WEBHOOK_PATTERNS: Readonly<Record<string, string>> = {
  FaxSid: PARAMETER_PATTERNS.FaxSid,
  AccountSid: PARAMETER_PATTERNS.AccountSid,
  From: PARAMETER_PATTERNS.from,
  To: PARAMETER_PATTERNS.to,
  ApiVersion: PARAMETER_PATTERNS.ApiVersion,
};

const RECEIVED_CALLBACK_PARAMS: FormParams = [
  ...EXAMPLE_WEBHOOK_PARAMS,
  ['RemoteStationId', '+14155550100'],
  ['FaxStatus', 'received'],
  ['NumPages', '2'],
  // Twilio's shape: a pre-signed, 2-hour URL on its media CDN, with no file extension (assumption fax-media-url).
  ['MediaUrl', mediaUrlFor(TWILIO_MEDIA_ORIGIN, { accountSid: ACCOUNT_SID, faxSid: FAX_SID, format: 'application/pdf' })],
];

// No RemoteStationId: a fax that fails before the machines exchange identities has none.
const FAILED_CALLBACK_PARAMS: FormParams = [
  ...EXAMPLE_WEBHOOK_PARAMS,
  ['FaxStatus', 'failed'],
  // Twilio's fax error code for a failed transmission, the likely one on receive (assumption failed-fax-error-codes);
  // any digits match.
  ['ErrorCode', '34004'],
  ['ErrorMessage', twilioErrorTitle(34004)],
];

/**
 * The interactions of the fax contract: an incoming fax per method and provider state (by POST to a number that
 * accepts faxes, unless told otherwise), and, when the provider names a callback path, the action callbacks for a
 * received and a failed fax.
 */
export function faxInteractions(paths: FaxContractPaths): FaxInteraction[] {
  const methods = paths.methods ?? ['POST'];
  const states = paths.states ?? ['accepts'];
  const webhooks = states.flatMap((state) =>
    methods.map((method): FaxInteraction => ({
      description: webhookDescription(method, state),
      state: state === 'accepts' ? FAX_PACT_STATES.accepts : FAX_PACT_STATES.rejects,
      method,
      path: paths.webhookPath,
      params: EXAMPLE_WEBHOOK_PARAMS,
      patterns: WEBHOOK_PATTERNS,
      matchParams: true,
      reply: state === 'accepts' ? receiveExpectation(paths) : { kind: 'reject' },
    })),
  );
  const fallbacks = paths.fallbackPath === undefined ? [] : fallbackInteractions(paths.fallbackPath, methods);
  if (paths.callbackPath === undefined) return [...webhooks, ...fallbacks];
  return [
    ...webhooks,
    ...fallbacks,
    {
      description: 'the action callback for a received fax',
      method: 'POST',
      path: paths.callbackPath,
      params: RECEIVED_CALLBACK_PARAMS,
      patterns: { ...WEBHOOK_PATTERNS, RemoteStationId: PARAMETER_PATTERNS.text, NumPages: PARAMETER_PATTERNS.count, MediaUrl: PARAMETER_PATTERNS.httpsUrl },
      matchParams: true,
      reply: { kind: 'success' },
    },
    {
      description: 'the action callback for a failed fax',
      method: 'POST',
      path: paths.callbackPath,
      params: FAILED_CALLBACK_PARAMS,
      patterns: { ...WEBHOOK_PATTERNS, ErrorCode: PARAMETER_PATTERNS.count, ErrorMessage: PARAMETER_PATTERNS.text },
      matchParams: true,
      reply: { kind: 'success' },
    },
  ];
}

/**
 * The fallback request after the fax URL timed out (11205), the example Twilio's own page gives (a web server that is
 * down), with the fax URL the number is configured with as `ErrorUrl`; any error code and any https URL match. The
 * fallback answers with `<Receive>`, no `action` required: a fallback is often a plain TwiML document.
 */
const FALLBACK_PARAMS: FormParams = [
  ...EXAMPLE_WEBHOOK_PARAMS,
  [TWILIO_FALLBACK.errorCodeParam, '11205'],
  [TWILIO_FALLBACK.errorUrlParam, 'https://fax.example.com/fax'],
];

function fallbackInteractions(path: string, methods: readonly HttpMethod[]): FaxInteraction[] {
  return methods.map((method) => ({
    description: `an incoming fax by ${method} to the fallback URL after the fax URL failed`,
    method,
    path,
    params: FALLBACK_PARAMS,
    patterns: { ...WEBHOOK_PATTERNS, [TWILIO_FALLBACK.errorCodeParam]: PARAMETER_PATTERNS.count, [TWILIO_FALLBACK.errorUrlParam]: PARAMETER_PATTERNS.httpsUrl },
    matchParams: true,
    reply: { kind: 'receive', attributes: [] },
  }));
}

// The descriptions name the interactions in Pact's output, the broker and the kit's check ids: never changed.
function webhookDescription(method: HttpMethod, state: FaxContractState): string {
  return state === 'accepts' ? `an incoming fax by ${method}` : `an incoming fax by ${method} to a number that rejects faxes`;
}

/** The `<Receive>` the provider answers an accepted fax with: `action` when it asks for callbacks, and the attributes it names. */
export function receiveExpectation(paths: FaxContractPaths): FaxReplyExpectation {
  return {
    kind: 'receive',
    ...(paths.callbackPath !== undefined && { action: paths.callbackPath }),
    attributes: (paths.receiveAttributes ?? []).filter((name) => name !== 'action'),
  };
}
