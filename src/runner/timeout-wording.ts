import type { CheckConfig } from '../checks/check-api/types.js';
import type { TransportFailureKind } from '../model/exchange.js';

/** What a streak of timeouts was, in the words of the run's stop message and of a check's note. */
export interface TimeoutWording {
  /** After "the server let 8 requests in a row ": `time out (15 s each)`. */
  readonly stopped: string;
  /** After "of its requests in a row ": `got no reply within 15 s`. */
  readonly got: string;
}

/**
 * Words what timed out: no reply within the run's total time per request, no connection within the connect timeout
 * (Twilio's 5 s, never above the total), or both when the streak had both. A message saying "15 s each" of requests
 * that each gave up after 5 s of connecting would send the reader after the wrong problem.
 * @example timeoutWording(new Set(['connect-timeout']), config).stopped // 'time out while connecting (no connection within 5 s)'
 */
export function timeoutWording(kinds: ReadonlySet<TransportFailureKind>, config: Pick<CheckConfig, 'timeoutMs' | 'profile'>): TimeoutWording {
  const seconds = (ms: number): string => `${(ms / 1000).toLocaleString('en-US')} s`;
  const connect = `no connection within ${seconds(Math.min(config.profile.sender.connectTimeoutMs, config.timeoutMs))}`;
  const reply = `no reply within ${seconds(config.timeoutMs)}`;
  const connecting = kinds.has('connect-timeout');
  if (connecting && kinds.has('timeout')) return { stopped: `time out (${connect}, or ${reply})`, got: `got ${connect}, or ${reply}` };
  if (connecting) return { stopped: `time out while connecting (${connect})`, got: `got ${connect}` };
  return { stopped: `time out (${seconds(config.timeoutMs)} each)`, got: `got ${reply}` };
}
