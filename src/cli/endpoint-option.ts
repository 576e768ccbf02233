import { ENDPOINTS, type Endpoint } from '../checks/check-api/endpoint.js';
import { checkIdsByEndpoint } from '../checks/registry.js';

/** `--endpoint`, in `parseCommandArgs` form. */
export const ENDPOINT_OPTIONS = {
  endpoint: { type: 'string' },
} as const;

/** The help lines of `--endpoint`. */
export const ENDPOINT_HELP = `  --endpoint ENDPOINT      which endpoint of the fax app URL is (default webhook); only its checks run:
                           webhook: the fax URL of a number, requested when a fax comes in;
                           status-callback: the StatusCallback of faxes the app sends, POSTed as each fax goes
                           queued, then delivered or failed (or busy, no-answer, canceled);
                           fallback: the fallback URL of a number, requested like the fax URL with ErrorCode
                           and ErrorUrl added, after the fax URL failed`;

/**
 * Reads `--endpoint`: the endpoint (default `webhook`), or one line saying what it accepts. With `status-callback`,
 * a `--method` other than POST is refused: Twilio always POSTed status callbacks.
 * @example parseEndpoint('status-callback', undefined) // { ok: true, endpoint: 'status-callback' }
 */
export function parseEndpoint(raw: string | undefined, method: string | undefined): { ok: true; endpoint: Endpoint } | { ok: false; message: string } {
  const endpoint = raw === undefined ? 'webhook' : ENDPOINTS.find((e) => e === raw.toLowerCase());
  if (endpoint === undefined) return { ok: false, message: `--endpoint must be one of ${ENDPOINTS.join(', ')}, not '${raw ?? ''}'` };
  if (endpoint === 'status-callback' && method !== undefined && method.toUpperCase() !== 'POST') {
    return { ok: false, message: `--method ${method} does not apply to --endpoint status-callback: Twilio always POSTed status callbacks` };
  }
  return { ok: true, endpoint };
}

/** The built-in checks of each endpoint, for `check --help`. */
export function checksHelp(): string {
  return [...checkIdsByEndpoint()].map(([endpoint, ids]) => `  ${endpoint}:\n    ${ids.join(', ')}`).join('\n');
}
