import { lookup as systemLookup } from 'node:dns';
import { isIP, type LookupFunction, type Socket } from 'node:net';
import { createRequire } from 'node:module';
import type { buildConnector, Client, Dispatcher } from 'undici';
import undiciRequest from 'undici/lib/api/api-request.js';
import buildUndiciConnector from 'undici/lib/core/connect.js';
import UndiciClient from 'undici/lib/dispatcher/client.js';
import { ClientDestroyedError } from 'undici/lib/core/errors.js';
import { classifyAddress, type AddressRule, type ClassifyAddress } from './address-rule.js';
import { withoutInterimResponses } from './interim-responses.js';
import { classifyNetworkError, PRIVATE_ADDRESS } from './network-errors.js';
import { splitRequestUrl } from './raw-url.js';
import { TransportFailureError, type Transport, type TransportError, type TransportReply, type TransportRequest } from './transport.js';

// The parts of undici the kit uses, imported from their own files: undici's index loads all of it (fetch, WebSocket,
// its cache, mocks, proxies: 110 files), which was about a quarter of `check`'s start-up to its first request (`npm
// run bench`); these load 21 files, about 170 ms less on a 2-core machine. The index also gives every dispatcher its
// `request` method; here it is called on the client instead (`sendOn`), leaving undici's prototypes as they are.
// undici has no `exports` map, so these files are part of what it publishes; a version that moves them fails every
// network test at once, which is why package.json takes undici's patch releases only (~7.30). Their types: undici-parts.d.ts.

/** undici's `client.request(options)`, without undici's index. */
function sendOn(client: Client, options: Dispatcher.RequestOptions): Promise<Dispatcher.ResponseData> {
  return undiciRequest.call(client, options);
}

/**
 * What every released client is destroyed with: the error undici would make itself, made once. Without one, undici
 * makes a new error per connection, and Node's stream teardown reads its `stack` at once: capturing and formatting a
 * stack trace for every request was about a tenth of the harness's CPU time (more under source maps, as in vitest).
 * Nothing reads the stack of this error; a request still in flight when its client is released fails with it, as
 * with undici's own.
 */
const RELEASED = new ClientDestroyedError();
void RELEASED.stack;

/** Options of the network transport. */
export interface NetworkTransportOptions {
  /** Extra trusted CA certificates (PEM) on top of Node's roots, e.g. a local development CA. */
  readonly ca?: string | readonly string[];
  /** Resolve host names with this instead of the system resolver (split-horizon DNS, tests). */
  readonly lookup?: LookupFunction;
  /**
   * Tells public from loopback, private and link-local addresses for the sender's address rule; default by the IANA
   * special-purpose registries. Tests use it to play a public host on loopback.
   */
  readonly classifyAddress?: ClassifyAddress;
  /**
   * Makes each connection instead of TCP/TLS (undici's connector contract; call back asynchronously). The
   * listener transport hands over one end of an in-memory duplex pair here.
   */
  readonly connector?: buildConnector.connector;
}

/**
 * Sends requests over the network with undici: its dispatcher takes the request target as raw bytes (the path and
 * query exactly as Twilio wrote them, where `fetch` would re-encode them), gives per-attempt connect timeouts and TLS
 * options, and leaves decoding and the size limit to the sender. Every connection checks its resolved address against
 * the request's address rule before connecting, and drops interim (1xx) responses undici would choke on.
 *
 * Every request gets a connection of its own, closed once its reply is read or dropped: distinct webhook deliveries
 * from Twilio arrive on distinct connections, and a connection kept for the next request could be closed by the
 * server in between (its keep-alive timeout ran out while the kit was busy), which would read as the server breaking
 * the connection (11206). Only the kit closes these connections; the request on the wire is unchanged (undici still
 * announces `connection: keep-alive`, as before).
 */
export function networkTransport(options: NetworkTransportOptions = {}): Transport {
  const connectors = new Map<string, Connect>();
  // Each client in use, with what ends its connection attempt if one is still under way.
  const open = new Map<Client, () => void>();
  const ruleIds = new WeakMap<AddressRule, number>();
  let rules = 0;
  // node:tls only for an extra CA (undici loads it itself for https): it cost every `check` some 15 ms before its first request.
  const ca = options.ca === undefined ? undefined : [...(createRequire(import.meta.url)('node:tls') as typeof import('node:tls')).rootCertificates, ...[options.ca].flat()];
  const classify = options.classifyAddress ?? classifyAddress;
  const baseLookup = options.lookup ?? (systemLookup as unknown as LookupFunction);

  // One connector per kind of request: building one loads the CA list, so it is built once and shared.
  const connectorFor = (target: TransportRequest): Connect => {
    const rule = target.addressRule;
    if (rule && !ruleIds.has(rule)) ruleIds.set(rule, (rules += 1));
    const key = `${target.connectTimeoutMs}|${target.insecure}|${target.maxHeaderBytes}|${rule ? ruleIds.get(rule) : 0}`;
    let connector = connectors.get(key);
    if (!connector) {
      const connect = options.connector ?? buildUndiciConnector({
        // undici runs this timer on its coarse clock (ticks of about 0.5 s): fine for Twilio's 5 s.
        timeout: target.connectTimeoutMs,
        rejectUnauthorized: !target.insecure,
        ...(ca && { ca }),
        lookup: rule ? admittedLookup(baseLookup, rule, classify) : baseLookup,
      });
      connector = (connectOptions, callback) => {
        // A literal IP address is never looked up: check it here, before any packet leaves.
        const literal = connectOptions.hostname.replace(/^\[(.*)\]$/, '$1');
        if (rule && isIP(literal) !== 0) {
          const decision = rule.admit(literal, [literal], classify);
          if ('refused' in decision) {
            callback(privateAddressError(decision.refused), null);
            return;
          }
        }
        return connect(connectOptions, (error, socket) => {
          if (error || !socket) callback(error ?? new Error('no socket'), null);
          else callback(null, withoutInterimResponses(socket, target.maxHeaderBytes));
        }) as unknown as Socket;
      };
      connectors.set(key, connector);
    }
    return connector;
  };

  const release = (client: Client): void => {
    const abandon = open.get(client);
    if (!abandon) return;
    open.delete(client);
    abandon();
    // Destroying ends the connection at once; a reply nobody reads is not waited for.
    void client.destroy(RELEASED).catch(() => undefined);
  };

  return {
    async perform(target: TransportRequest): Promise<TransportReply | TransportError> {
      let client: Client | undefined;
      try {
        const { origin, path } = splitRequestUrl(target.url);
        const attempt = attemptOnce(connectorFor(target));
        client = new UndiciClient(origin, {
          connect: attempt.connect,
          maxHeaderSize: target.maxHeaderBytes,
          // The sender's own deadline ends every request; undici's timers would only race it.
          headersTimeout: 0,
          bodyTimeout: 0,
        });
        open.set(client, attempt.abandon);
        const response = await sendOn(client, {
          path,
          method: target.method,
          headers: { ...target.headers },
          ...(target.body && { body: target.body }),
          signal: target.signal,
        });
        const { headers, setCookies } = flattenHeaders(response.headers);
        const body = response.body;
        const own = client;
        return {
          status: response.statusCode,
          headers,
          setCookies,
          body: (async function* () {
            try {
              for await (const chunk of body) yield chunk as Uint8Array;
            } catch (error) {
              throw new TransportFailureError(classifyNetworkError(error, target.url, target.maxHeaderBytes));
            }
          })(),
          discard: () => {
            // A body destroyed before anyone read it errors with "aborted": expected here, so listened to.
            body.on('error', () => undefined).destroy();
            release(own);
          },
        };
      } catch (error) {
        if (client) release(client);
        return classifyNetworkError(error, target.url, target.maxHeaderBytes);
      }
    },
    async close(): Promise<void> {
      const clients = [...open.keys()];
      for (const client of clients) release(client);
      const closing = clients.map((client) => client.destroy(RELEASED));
      connectors.clear();
      await Promise.allSettled(closing);
    },
  };
}

/** Opens a connection and returns its socket at once (undici's connector does), or nothing when it refused first. */
type Connect = (options: buildConnector.Options, callback: buildConnector.Callback) => Socket | undefined;

/**
 * One client's connection attempt, which `abandon()` ends when the exchange ends first. undici's `destroy()` only
 * waits for a connection under way to finish before closing it: to a port that takes no connection that is the whole
 * connect timeout (5 s) during which the attempt holds the process open after the run. Destroying the socket ends it
 * now, and the client hears of it as a failed connection.
 */
function attemptOnce(connect: Connect): { readonly connect: buildConnector.connector; readonly abandon: () => void } {
  let connecting: Socket | undefined;
  return {
    connect: (connectOptions, callback) => {
      connecting = connect(connectOptions, (...result) => {
        connecting = undefined;
        (callback as (...args: unknown[]) => void)(...result);
      });
    },
    abandon: () => {
      connecting?.destroy(Object.assign(new Error('the exchange ended before the connection was made'), { code: 'UND_ERR_ABORTED' }));
      connecting = undefined;
    },
  };
}

/** A lookup that only ever hands the socket addresses the rule admits. */
function admittedLookup(base: LookupFunction, rule: AddressRule, classify: ClassifyAddress): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    base(hostname, { ...lookupOptions, all: true }, (error, resolved, family) => {
      if (error) {
        callback(error, '', 0);
        return;
      }
      const addresses = typeof resolved === 'string' ? [{ address: resolved, family: family ?? (isIP(resolved) || 4) }] : resolved;
      const decision = rule.admit(hostname, addresses.map((each) => each.address), classify);
      if ('refused' in decision) {
        callback(privateAddressError(decision.refused), '', 0);
        return;
      }
      const allowed = addresses.filter((each) => decision.allowed.includes(each.address));
      const first = allowed[0];
      if (lookupOptions.all || !first) callback(null, allowed);
      else callback(null, first.address, first.family);
    });
  };
}

function privateAddressError(message: string): Error {
  return Object.assign(new Error(message), { code: PRIVATE_ADDRESS });
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): {
  headers: Record<string, string>;
  setCookies: string[];
} {
  const headers: Record<string, string> = {};
  let setCookies: string[] = [];
  for (const name of Object.keys(raw)) {
    const value = raw[name];
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    if (lower === 'set-cookie') setCookies = Array.isArray(value) ? [...value] : [value];
    else headers[lower] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { headers, setCookies };
}
