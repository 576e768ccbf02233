import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RecordedRequest, ServerMessage } from './server-messages.js';

/** The bench's handle on its server process (`bench/fax-server-process.ts`). */
export interface BenchServer {
  /** The webhook URL, on 127.0.0.1. */
  readonly url: string;
  /** Resolves with `performance.now()` when the next request arrives. Call before sending it. */
  nextRequest(): Promise<number>;
  /** Records every request `during` sends and returns them. */
  record(during: () => Promise<unknown>): Promise<readonly RecordedRequest[]>;
  /** Ends the server process. */
  close(): Promise<void>;
}

/** Starts the example fax server in a process of its own, signing checks on with `authToken`. */
export async function startBenchServer(authToken: string): Promise<BenchServer> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./fax-server-process.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_AUTH_TOKEN: authToken },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = (type: ServerMessage['type']): Promise<ServerMessage> =>
    new Promise((resolve, reject) => {
      const onMessage = (message: ServerMessage) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message);
      };
      const onExit = (code: number | null) => reject(new Error(`the bench's server exited (${code}) before it sent '${type}'`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const listening = await next('listening');
  if (listening.type !== 'listening') throw new Error('unreachable');
  return {
    url: listening.url,
    nextRequest() {
      const arrived = next('first-request').then(() => performance.now());
      child.send({ type: 'watch-first' });
      return arrived;
    },
    async record(during) {
      child.send({ type: 'record' });
      await during();
      const dumped = next('recorded');
      child.send({ type: 'dump' });
      const message = await dumped;
      return message.type === 'recorded' ? message.requests : [];
    },
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    },
  };
}
