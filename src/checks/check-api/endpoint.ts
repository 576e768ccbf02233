/**
 * Which of a fax app's endpoints a run plays, as a fax service calls them:
 * - `webhook`: the fax URL of a number, requested when a fax comes in (and its `<Receive action>` callback);
 * - `status-callback`: the `StatusCallback` of a fax the app sent, POSTed as the fax goes `queued`, then `delivered`
 *   or `failed`;
 * - `fallback`: the fallback URL of a number, requested like the fax URL, with `ErrorCode` and `ErrorUrl` added,
 *   when the fax URL failed.
 */
export type Endpoint = 'webhook' | 'status-callback' | 'fallback';

/** Every endpoint, in the order `--help` lists them; `webhook` is the default. */
export const ENDPOINTS: readonly Endpoint[] = ['webhook', 'status-callback', 'fallback'];
