import { describeUrlProblem } from '../runner/target-url.js';

/** The `--fallback-url` flag, in `parseCommandArgs` form. */
export const FALLBACK_URL_OPTION = { 'fallback-url': { type: 'string' } } as const;

/** Its help line. */
export const FALLBACK_URL_HELP = `  --fallback-url URL       the number's fallback URL: requested as Twilio did when a request to the fax URL fails
                           (ErrorCode and ErrorUrl added), and judged by fallback-reply; where the fax URL never
                           fails, each case also sends it as if the fax URL had failed (a seeded error code)`;

/**
 * Reads `--fallback-url`: absent, a URL, or one line saying what is wrong with it (never showing its credentials).
 * A fallback URL that is the checked URL itself is legal: a number can be configured so.
 * @example parseFallbackUrl('http://127.0.0.1:3000/fax-fallback') // { ok: true, fallbackUrl: 'http://127.0.0.1:3000/fax-fallback' }
 */
export function parseFallbackUrl(raw: string | undefined): { ok: true; fallbackUrl?: string } | { ok: false; message: string } {
  if (raw === undefined) return { ok: true };
  const problem = describeUrlProblem(raw, 'https://fax.example.com/fax-fallback');
  return problem ? { ok: false, message: `--fallback-url: ${problem}` } : { ok: true, fallbackUrl: raw };
}
