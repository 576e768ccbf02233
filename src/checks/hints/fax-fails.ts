import type { CheckConfig } from '../check-api/types.js';

/**
 * What a failed request to the fax URL comes to, as a finding's message ends: the fax fails, or, when the run plays
 * the number's fallback URL (`--fallback-url`), the service requests that instead, which `fallback-reply` judges.
 * @example faxFails(config) // "Twilio fails the fax"
 */
export function faxFails(config: Pick<CheckConfig, 'profile' | 'fallbackUrl'>): string {
  const { service } = config.profile;
  return config.fallbackUrl === undefined ? `${service} fails the fax` : `${service} gives up on the fax URL and requests the fallback URL (see fallback-reply)`;
}
