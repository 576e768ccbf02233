import http from 'node:http';
import { listenOnLoopback } from '../loopback/loopback-server.js';

/** What Pact's verifier posts to the state-change URL (Pact's convention). */
export interface StateChange {
  readonly state: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly action: 'setup' | 'teardown';
}

/** Sets up (and optionally tears down) one provider state, e.g. `the fax number accepts faxes`. */
export type StateHandler =
  | ((params: Readonly<Record<string, unknown>>) => unknown)
  | {
      readonly setup?: (params: Readonly<Record<string, unknown>>) => unknown;
      readonly teardown?: (params: Readonly<Record<string, unknown>>) => unknown;
    };

/** Provider-state names to their handlers. */
export type StateHandlers = Readonly<Record<string, StateHandler>>;

export interface StateServer {
  /** The state-change URL to give Pact's verifier. */
  readonly url: string;
  /** States the contract used that had no handler (Pact's convention: go on without one). */
  readonly unhandledStates: ReadonlySet<string>;
  close(): Promise<void>;
}

/**
 * Serves Pact's state-change protocol on loopback and calls the user's handlers. A handler that throws fails the
 * state change, and Pact then reports the interaction as failed with the handler's message.
 */
export async function startStateServer(handlers: StateHandlers): Promise<StateServer> {
  const unhandledStates = new Set<string>();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void runStateChange(Buffer.concat(chunks).toString('utf8')).then(
        () => {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end('{}');
        },
        (error: unknown) => {
          response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
          response.end(error instanceof Error ? error.message : String(error));
        },
      );
    });
  });

  async function runStateChange(text: string): Promise<void> {
    const change = parseStateChange(text);
    // Pact also calls the state URL, with an empty state, around interactions that have none (the action callbacks).
    if (change.state === '') return;
    const handler = handlers[change.state];
    if (handler === undefined) {
      unhandledStates.add(change.state);
      return;
    }
    if (typeof handler === 'function') {
      if (change.action === 'setup') await handler(change.params);
      return;
    }
    await (change.action === 'setup' ? handler.setup : handler.teardown)?.(change.params);
  }

  const listening = await listenOnLoopback(server);
  return { url: `${listening.origin}/`, unhandledStates, close: listening.close };
}

function parseStateChange(text: string): StateChange {
  const value = JSON.parse(text) as Partial<StateChange>;
  if (typeof value.state !== 'string') throw new Error('state change without a state name');
  return { state: value.state, params: value.params ?? {}, action: value.action === 'teardown' ? 'teardown' : 'setup' };
}
