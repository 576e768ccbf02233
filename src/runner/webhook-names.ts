import type { FaxProfile } from '../protocol/profile.js';

/** The parameters of every fax request, as the generators draw them (Twilio's names) and as the profile sends them, in order. */
export const WEBHOOK_DRAWN_NAMES = ['FaxSid', 'AccountSid', 'From', 'To', 'ApiVersion'] as const;

/** Each of `WEBHOOK_DRAWN_NAMES` with its name on the profile's wire, in the order the service sends them. */
export function webhookNames({ names }: FaxProfile['parameters']): readonly (readonly [drawn: (typeof WEBHOOK_DRAWN_NAMES)[number], sent: string])[] {
  const sent = { FaxSid: names.faxSid, AccountSid: names.accountSid, From: names.from, To: names.to, ApiVersion: names.apiVersion };
  return WEBHOOK_DRAWN_NAMES.map((drawn) => [drawn, sent[drawn]] as const);
}
