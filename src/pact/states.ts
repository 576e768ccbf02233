/**
 * The provider-state names of the fax contract. They are part of the contract: users write state handlers
 * against these exact strings, so they never change once published.
 */
export const FAX_PACT_STATES = {
  /** The number the fax is sent to accepts faxes: the webhook answers `<Receive>`. */
  accepts: 'the fax number accepts faxes',
  /** The number rejects faxes: the webhook answers `<Reject/>`. */
  rejects: 'the fax number rejects faxes',
} as const;

/** A provider state of the fax contract. */
export type FaxPactState = (typeof FAX_PACT_STATES)[keyof typeof FAX_PACT_STATES];

/** The names the contract uses unless told otherwise (`pact generate` flags). */
export const FAX_PACT_DEFAULTS = {
  /** Twilio's fax service is the consumer. */
  consumer: 'twilio-fax',
  /** The provider of the committed contract in `contracts/pacts/`. */
  provider: 'fax-webhook',
  webhookPath: '/fax',
  outDir: 'pacts',
} as const;
