import type { LookupFunction } from 'node:net';
import { rootCertificates } from 'node:tls';
import { Agent, request } from 'undici';
import { classifyNetworkError } from './network-errors.js';
import { TransportFailureError, type Transport, type TransportError, type TransportReply, type TransportRequest } from './transport.js';

/** Options of the network transport. */
export interface NetworkTransportOptions {
  /** Extra trusted CA certificates (PEM) on top of Node's roots, e.g. a local development CA. */
  readonly ca?: string | readonly string[];
  /** Resolve host names with this instead of the system resolver (split-horizon DNS, tests). */
  readonly lookup?: LookupFunction;
}

/**
 * Sends requests over the network with undici: its dispatcher gives per-attempt connect timeouts and TLS options
 * that `fetch` hides, and its raw body stream leaves decoding and the size limit to the sender.
 */
export function networkTransport(options: NetworkTransportOptions = {}): Transport {
  const agents = new Map<string, Agent>();
  const ca = options.ca === undefined ? undefined : [...rootCertificates, ...[options.ca].flat()];

  const agentFor = (target: TransportRequest): Agent => {
    const key = `${target.connectTimeoutMs}|${target.insecure}`;
    let agent = agents.get(key);
    if (!agent) {
      agent = new Agent({
        connect: {
          // undici runs this timer on its coarse clock (ticks of about 0.5 s): fine for Twilio's 5 s.
          timeout: target.connectTimeoutMs,
          rejectUnauthorized: !target.insecure,
          ...(ca && { ca }),
          ...(options.lookup && { lookup: options.lookup }),
        },
        // The sender's own deadline ends every request; undici's timers would only race it.
        headersTimeout: 0,
        bodyTimeout: 0,
      });
      agents.set(key, agent);
    }
    return agent;
  };

  return {
    async perform(target: TransportRequest): Promise<TransportReply | TransportError> {
      try {
        const response = await request(target.url, {
          method: target.method,
          headers: { ...target.headers },
          ...(target.body && { body: target.body }),
          signal: target.signal,
          dispatcher: agentFor(target),
        });
        const { headers, setCookies } = flattenHeaders(response.headers);
        const body = response.body;
        return {
          status: response.statusCode,
          headers,
          setCookies,
          body: (async function* () {
            try {
              for await (const chunk of body) yield chunk as Uint8Array;
            } catch (error) {
              throw new TransportFailureError(classifyNetworkError(error, target.url));
            }
          })(),
          discard: () => body.destroy(),
        };
      } catch (error) {
        return classifyNetworkError(error, target.url);
      }
    },
    async close(): Promise<void> {
      const closing = [...agents.values()].map((agent) => agent.destroy());
      agents.clear();
      await Promise.allSettled(closing);
    },
  };
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): {
  headers: Record<string, string>;
  setCookies: string[];
} {
  const headers: Record<string, string> = {};
  let setCookies: string[] = [];
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    if (lower === 'set-cookie') setCookies = [value].flat();
    else headers[lower] = [value].flat().join(', ');
  }
  return { headers, setCookies };
}
