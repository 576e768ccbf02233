import type { RequestListener } from 'node:http';
import twilio from 'twilio';
import { readText, send } from '../zoo/serve.js';

/** The auth token the status-callback servers validate with. */
export const STATUS_AUTH_TOKEN = 'status-callback-token-0123456789';

/** A status callback as the server read it, in arrival order. */
export interface SeenCallback {
  readonly method: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly params: Record<string, string>;
}

/** What a status-callback app does with one callback: a status and body to answer, or throw (a 500). */
type Handle = (params: Record<string, string>, seen: readonly SeenCallback[]) => number;

/**
 * A status-callback endpoint: it validates X-Twilio-Signature with twilio-node when `token` is given (403
 * otherwise), records what it saw, and answers what `handle` returns; an exception is a 500 with its message.
 */
export function callbackApp(handle: Handle, options: { token?: string; seen?: SeenCallback[] } = {}): RequestListener {
  const seen = options.seen ?? [];
  return (req, res) =>
    void (async () => {
      const params = Object.fromEntries(new URLSearchParams(await readText(req)));
      seen.push({ method: req.method ?? '', headers: req.headers, params });
      const signature = req.headers['x-twilio-signature'];
      const url = `http://${req.headers.host}${req.url}`;
      if (options.token !== undefined && (typeof signature !== 'string' || !twilio.validateRequest(options.token, signature, url, params))) {
        return send(res, 403, 'invalid signature\n', 'text/plain');
      }
      try {
        return send(res, handle(params, seen), '', 'text/plain');
      } catch (error) {
        return send(res, 500, `${String(error)}\n`, 'text/plain');
      }
    })();
}

/** Accepts every callback: what a conforming status-callback endpoint does. */
export const acceptsAll: Handle = () => 200;

/**
 * Records the page count of every fax that is done, reading NumPages as if every fax had one: a fax that was not
 * delivered has none, and `trim` of undefined throws (a 500). Queued and progress callbacks pass.
 */
export const crashesOnFailedFax: Handle = (params) => {
  if (['queued', 'processing', 'sending'].includes(params.FaxStatus ?? '')) return 200;
  const pages = (params.NumPages as string).trim();
  return pages === '' ? 400 : 200;
};

/** `crashesOnFailedFax` fixed: NumPages read as optional, as Twilio sends it only for a delivered fax. */
export const readsNumPagesAsOptional: Handle = (params) => {
  if (['queued', 'processing', 'sending'].includes(params.FaxStatus ?? '')) return 200;
  const pages = (params.NumPages ?? '0').trim();
  return pages === '' ? 400 : 200;
};

/** Keeps each fax's status and refuses (409) a status that comes after its ending, or any callback seen before. */
export function strictStateMachine(): Handle {
  const endings = new Set<string>();
  const delivered = new Set<string>();
  return (params) => {
    const key = `${params.FaxSid}/${params.FaxStatus}`;
    if (delivered.has(key)) return 409;
    delivered.add(key);
    if (endings.has(params.FaxSid ?? '')) return 409;
    if (!['queued', 'processing', 'sending'].includes(params.FaxStatus ?? '')) endings.add(params.FaxSid ?? '');
    return 200;
  };
}
