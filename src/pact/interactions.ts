import { idFromHex, idPattern } from '../protocol/ids.js';
import { mediaUrlFor } from '../protocol/media-url.js';
import { TWILIO_PROFILE, type FaxProfile } from '../protocol/profile.js';
import { RECEIVE_VERB, verbWithEffect, type VerbSpec } from '../protocol/twiml-schema.js';
import { twilioErrorTitle } from '../protocol/twilio-errors.js';
import type { FormParams, HttpMethod } from '../model/exchange.js';
import { oneOfPattern, PARAMETER_PATTERNS } from './patterns.js';
import { FAX_PACT_STATES, type FaxPactState } from './states.js';
import type { Endpoint } from '../checks/check-api/endpoint.js';
import { statusCallbackExamples } from '../runner/status-callback-cases.js';

/** What the consumer (Twilio's fax service) expects back. */
export type FaxReplyExpectation =
  /**
   * Any 2xx, a TwiML `Content-Type`, `<Response><Receive .../></Response>`: with `action` when given (any URL Twilio
   * could resolve) and the named attributes, each matched against its enumeration; other attributes may be there.
   */
  | { readonly kind: 'receive'; readonly action?: string; readonly attributes: readonly string[]; readonly verb?: VerbSpec }
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
  /** The fax service that is the consumer (default Twilio's): its ids, `ApiVersion`, `MediaUrl` and `<Receive>`. */
  readonly profile?: FaxProfile;
  /**
   * The endpoint the contract is for: `webhook` (the default; `fallback` is requested alike) or `status-callback`,
   * whose contract holds only the status callbacks, at `statusCallbackPath`.
   */
  readonly endpoint?: Endpoint;
  /** Where the `StatusCallback` of faxes the app sends points: its interactions are added (default none). */
  readonly statusCallbackPath?: string;
  /**
   * Where the number's fallback URL points: adds, per method, the fallback request Twilio sends after a failure of
   * the fax URL (the fax's parameters, then `ErrorCode` and `ErrorUrl`), which must be answered with `<Receive>`.
   * Absent: the contract has no fallback interaction.
   */
  readonly fallbackPath?: string;
}

/** Where a status-callback contract's callbacks go when no path is given. */
export const DEFAULT_STATUS_CALLBACK_PATH = '/fax/status';

/** A provider state by its short name, as `pact generate --states` takes it. */
export type FaxContractState = 'accepts' | 'rejects';

/** Every state the contract can cover. */
export const FAX_CONTRACT_STATES: readonly FaxContractState[] = ['accepts', 'rejects'];

/** Every `<Receive>` attribute of Twilio's. */
export const ALL_RECEIVE_ATTRIBUTES: readonly string[] = receiveAttributesOf(TWILIO_PROFILE);

/** Every attribute of the profile's receive verb (SignalWire's has no `storeMedia`). */
export function receiveAttributesOf(profile: FaxProfile): readonly string[] {
  return (verbWithEffect(profile.twiml, 'receive') ?? RECEIVE_VERB).attributes.map((attribute) => attribute.name);
}

// Fixed, readable examples: the committed contract must be byte-for-byte reproducible. Each profile writes them in
// its own id shape (Twilio's: FXa1b2…, AC0123…; SignalWire's: UUIDs made from the same digits).
const FAX_HEX = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const ACCOUNT_HEX = '0123456789abcdef0123456789abcdef';

/** The parameters of an incoming fax from `profile`'s service, as the examples of the contract. */
export function exampleWebhookParams(profile: FaxProfile = TWILIO_PROFILE): FormParams {
  const { names, faxSid, accountSid, apiVersion } = profile.parameters;
  return [
    [names.faxSid, idFromHex(faxSid, FAX_HEX)],
    [names.accountSid, idFromHex(accountSid, ACCOUNT_HEX)],
    [names.from, '+14155550100'],
    [names.to, '+14155550199'],
    [names.apiVersion, apiVersion],
  ];
}

/** The parameters of an incoming fax, as the examples of Twilio's contract. */
export const EXAMPLE_WEBHOOK_PARAMS: FormParams = exampleWebhookParams(TWILIO_PROFILE);

function webhookPatterns(profile: FaxProfile): Readonly<Record<string, string>> {
  const { names, faxSid, accountSid, apiVersion } = profile.parameters;
  return {
    [names.faxSid]: idPattern(faxSid).source,
    [names.accountSid]: idPattern(accountSid).source,
    [names.from]: PARAMETER_PATTERNS.from,
    [names.to]: PARAMETER_PATTERNS.to,
    [names.apiVersion]: oneOfPattern([apiVersion]),
  };
}

function receivedCallbackParams(profile: FaxProfile): FormParams {
  const { names, faxSid, accountSid } = profile.parameters;
  const media = { accountSid: idFromHex(accountSid, ACCOUNT_HEX), faxSid: idFromHex(faxSid, FAX_HEX), format: 'application/pdf' as const };
  return [
    ...exampleWebhookParams(profile),
    [names.remoteStationId, '+14155550100'],
    [names.faxStatus, 'received'],
    [names.numPages, '2'],
    // The profile's shape: Twilio's is a pre-signed, 2-hour URL on its media CDN, with no file extension (assumption fax-media-url).
    [names.mediaUrl, mediaUrlFor(profile.media.origin, media, profile.media)],
  ];
}

// No RemoteStationId: a fax that fails before the machines exchange identities has none.
function failedCallbackParams(profile: FaxProfile): FormParams {
  const { names } = profile.parameters;
  return [
    ...exampleWebhookParams(profile),
    [names.faxStatus, 'failed'],
    // Twilio's fax error code for a failed transmission, the likely one on receive (assumption failed-fax-error-codes);
    // any digits match.
    [names.errorCode, '34004'],
    [names.errorMessage, twilioErrorTitle(34004)],
  ];
}

/**
 * The interactions of the fax contract: an incoming fax per method and provider state (by POST to a number that
 * accepts faxes, unless told otherwise), and, when the provider names a callback path, the action callbacks for a
 * received and a failed fax.
 */
export function faxInteractions(paths: FaxContractPaths): FaxInteraction[] {
  if (paths.endpoint === 'status-callback') return statusCallbackInteractions(paths.statusCallbackPath ?? DEFAULT_STATUS_CALLBACK_PATH, paths.profile);
  const statusCallbacks = paths.statusCallbackPath === undefined ? [] : statusCallbackInteractions(paths.statusCallbackPath, paths.profile);
  return [...webhookInteractions(paths), ...statusCallbacks];
}

/** The patterns of a status callback's parameters: the webhook's, and the fax-specific ones it may carry. */
function statusCallbackPatterns(profile: FaxProfile): Readonly<Record<string, string>> {
  return {
    ...webhookPatterns(profile),
    OriginalMediaUrl: PARAMETER_PATTERNS.httpsUrl,
    NumPages: PARAMETER_PATTERNS.count,
    MediaUrl: PARAMETER_PATTERNS.httpsUrl,
    MediaSid: PARAMETER_PATTERNS.text,
    RemoteStationId: PARAMETER_PATTERNS.text,
    ErrorCode: PARAMETER_PATTERNS.count,
    ErrorMessage: PARAMETER_PATTERNS.text,
  };
}

/**
 * The status callbacks of faxes the app sent, as the `check --endpoint status-callback` examples send them, each
 * answered with any 2xx: a fax queued, one delivered, and one that failed (34004), with no `NumPages` or `MediaUrl`.
 * `FaxStatus` must equal the example's: a provider state per status would add nothing.
 */
export function statusCallbackInteractions(path: string, profile: FaxProfile = TWILIO_PROFILE): FaxInteraction[] {
  const [delivered, failed] = statusCallbackExamples(profile).map((example) => example.input.callbacks ?? []);
  const patterns = statusCallbackPatterns(profile);
  const interaction = (description: string, params: FormParams | undefined): FaxInteraction => ({
    description,
    method: 'POST',
    path,
    params: params ?? [],
    patterns: Object.fromEntries(Object.entries(patterns).filter(([name]) => params?.some(([n]) => n === name))),
    matchParams: true,
    reply: { kind: 'success' },
  });
  return [
    interaction('a status callback: a fax sent is queued', delivered?.[0]),
    interaction('a status callback: a fax sent was delivered', delivered?.at(-1)),
    interaction('a status callback: a fax sent failed, with no NumPages or MediaUrl', failed?.at(-1)),
  ];
}

function webhookInteractions(paths: FaxContractPaths): FaxInteraction[] {
  const profile = paths.profile ?? TWILIO_PROFILE;
  const { names } = profile.parameters;
  const patterns = webhookPatterns(profile);
  const methods = paths.methods ?? ['POST'];
  const states = paths.states ?? ['accepts'];
  const webhooks = states.flatMap((state) =>
    methods.map((method): FaxInteraction => ({
      description: webhookDescription(method, state),
      state: state === 'accepts' ? FAX_PACT_STATES.accepts : FAX_PACT_STATES.rejects,
      method,
      path: paths.webhookPath,
      params: exampleWebhookParams(profile),
      patterns,
      matchParams: true,
      reply: state === 'accepts' ? receiveExpectation(paths) : { kind: 'reject' },
    })),
  );
  const fallbacks = paths.fallbackPath === undefined ? [] : fallbackInteractions(paths.fallbackPath, methods, profile);
  if (paths.callbackPath === undefined) return [...webhooks, ...fallbacks];
  return [
    ...webhooks,
    ...fallbacks,
    {
      description: 'the action callback for a received fax',
      method: 'POST',
      path: paths.callbackPath,
      params: receivedCallbackParams(profile),
      patterns: { ...patterns, [names.remoteStationId]: PARAMETER_PATTERNS.text, [names.numPages]: PARAMETER_PATTERNS.count, [names.mediaUrl]: PARAMETER_PATTERNS.httpsUrl },
      matchParams: true,
      reply: { kind: 'success' },
    },
    {
      description: 'the action callback for a failed fax',
      method: 'POST',
      path: paths.callbackPath,
      params: failedCallbackParams(profile),
      patterns: { ...patterns, [names.errorCode]: PARAMETER_PATTERNS.count, [names.errorMessage]: PARAMETER_PATTERNS.text },
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
function fallbackInteractions(path: string, methods: readonly HttpMethod[], profile: FaxProfile): FaxInteraction[] {
  const { errorCodeParam, errorUrlParam } = profile.fallback;
  const params: FormParams = [...exampleWebhookParams(profile), [errorCodeParam, '11205'], [errorUrlParam, 'https://fax.example.com/fax']];
  return methods.map((method) => ({
    description: `an incoming fax by ${method} to the fallback URL after the fax URL failed`,
    method,
    path,
    params,
    patterns: { ...webhookPatterns(profile), [errorCodeParam]: PARAMETER_PATTERNS.count, [errorUrlParam]: PARAMETER_PATTERNS.httpsUrl },
    matchParams: true,
    reply: { kind: 'receive', attributes: [], ...(profile !== TWILIO_PROFILE && { verb: verbWithEffect(profile.twiml, 'receive') ?? RECEIVE_VERB }) },
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
    ...(paths.profile !== undefined && { verb: verbWithEffect(paths.profile.twiml, 'receive') ?? RECEIVE_VERB }),
  };
}
