/**
 * How a service signs its webhook requests, as data: which header carries the signature, which other headers carry
 * the same value, and the HMAC's hash. What is signed is the same for every Twilio-compatible service (the URL as
 * requested, then each form parameter's name and value, sorted: docs/protocol.md, "Signature"); the key is the secret
 * the user gives the kit (`--auth-token`: Twilio's auth token, SignalWire's signing key or project token).
 * `src/signature/` computes and verifies signatures from a scheme; the sender sends them under its headers.
 */
export interface SignatureScheme {
  /** The header the signature is sent in, e.g. `X-Twilio-Signature`. */
  readonly header: string;
  /** Headers that carry the same signature too, for validators written for another service (SignalWire sends `X-Twilio-Signature`). */
  readonly aliases: readonly string[];
  /** The hash of the HMAC, whose base64 digest is the signature. */
  readonly hmac: 'sha1' | 'sha256';
  /** The validators a server should use, as hints name them ("Twilio's request validator for your language (…)"). */
  readonly validators: string;
  /** What the service calls the key of the HMAC, as help and messages name it ("auth token", "signing key"). */
  readonly keyName: string;
  /** The environment variables the CLI reads the key from when `--auth-token` is not given, the first one set wins. */
  readonly keyVariables: readonly string[];
}

/** `X-Twilio-Signature`: base64 HMAC-SHA1 with the auth token as key (twilio.com/docs/usage/security; twilio-node). */
export const TWILIO_SIGNATURE: SignatureScheme = {
  header: 'X-Twilio-Signature',
  aliases: [],
  hmac: 'sha1',
  validators:
    "Twilio's request validator for your language (twilio-node's webhook() or validateRequest, twilio-python's or twilio-php's RequestValidator)",
  keyName: 'auth token',
  keyVariables: ['TWILIO_AUTH_TOKEN'],
};

/** Every header a scheme sends its signature in: the primary one first, then its aliases. */
export function signatureHeaders(scheme: SignatureScheme): readonly string[] {
  return [scheme.header, ...scheme.aliases];
}
