import { ENDPOINTS, type Endpoint } from '../checks/check-api/endpoint.js';

/** The `--endpoint` flag, in `parseCommandArgs` form. */
export const ENDPOINT_OPTION = { endpoint: { type: 'string' } } as const;

/** Its help line. */
export const ENDPOINT_HELP = `  --endpoint ${ENDPOINTS.join('|')}
                           what URL is in the fax app (default webhook, a number's fax URL); fallback: a number's
                           fallback URL, every request carrying ErrorCode and ErrorUrl as after a failure of the fax URL`;

/**
 * Reads `--endpoint`: absent (the default, `webhook`), one of `ENDPOINTS` (any case), or one line saying what it
 * accepts.
 * @example parseEndpoint('fallback') // { ok: true, endpoint: 'fallback' }
 */
export function parseEndpoint(raw: string | undefined): { ok: true; endpoint?: Endpoint } | { ok: false; message: string } {
  if (raw === undefined) return { ok: true };
  const endpoint = ENDPOINTS.find((e) => e === raw.toLowerCase());
  return endpoint ? { ok: true, endpoint } : { ok: false, message: `--endpoint must be one of ${ENDPOINTS.join(', ')}, not '${raw}'` };
}
