import type { FormParams } from '../../src/model/exchange.js';

/** The parameters of one incoming fax, as Twilio sends them. */
export const FAX_PARAMS: FormParams = [
  ['FaxSid', 'FX0123456789abcdef0123456789abcdef'],
  ['AccountSid', 'AC0123456789abcdef0123456789abcdef'],
  ['From', '+14155550100'],
  ['To', '+14155550199'],
  ['ApiVersion', 'v1'],
];

export const AUTH_TOKEN = 'test-auth-token-0123456789';

/** Small limits so failure tests end in milliseconds. */
export const FAST = { timeoutMs: 1_000 } as const;
