import { secretsOf } from '../runner/secrets.js';
import type { VerifyFaxPactOptions } from './verify.js';

/**
 * The secrets no output of a pact verification may show: the auth token, the credentials of the provider's, the
 * state endpoint's and the broker's URLs, and the broker's token or password (given, or from `PACT_BROKER_TOKEN` /
 * `PACT_BROKER_PASSWORD` in the environment Pact's verifier runs with).
 */
export function verificationSecrets(options: VerifyFaxPactOptions): string[] {
  const env = options.env ?? process.env;
  const broker = options.broker;
  const brokerSecrets = [broker?.token, broker?.password, env.PACT_BROKER_TOKEN, env.PACT_BROKER_PASSWORD].filter((secret): secret is string => secret !== undefined && secret !== '');
  const fromUrls = secretsOf({ authToken: options.authToken, urls: [options.baseUrl, options.stateUrl, broker?.url] });
  return [...new Set([...fromUrls, ...brokerSecrets])];
}
