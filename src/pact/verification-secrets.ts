import { secretsOf } from '../secrets/secrets-of.js';

/** What a pact verification was given that may hold a secret (the fields of `VerifyFaxPactOptions` that can). */
export interface VerificationSecretSources {
  readonly baseUrl: string;
  readonly authToken?: string | undefined;
  readonly stateUrl?: string | undefined;
  readonly broker?: { readonly url: string; readonly token?: string | undefined; readonly password?: string | undefined } | undefined;
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
}

/**
 * The secrets no output of a pact verification may show: the auth token, the credentials of the provider's, the
 * state endpoint's and the broker's URLs, and the broker's token or password (given, or from `PACT_BROKER_TOKEN` /
 * `PACT_BROKER_PASSWORD` in the environment Pact's verifier runs with).
 */
export function verificationSecrets(options: VerificationSecretSources): string[] {
  const env = options.env ?? process.env;
  const broker = options.broker;
  const brokerSecrets = [broker?.token, broker?.password, env.PACT_BROKER_TOKEN, env.PACT_BROKER_PASSWORD].filter((secret): secret is string => secret !== undefined && secret !== '');
  const fromUrls = secretsOf({ authToken: options.authToken, urls: [options.baseUrl, options.stateUrl, broker?.url] });
  return [...new Set([...fromUrls, ...brokerSecrets])];
}
