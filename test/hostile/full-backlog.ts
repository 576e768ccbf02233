import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';

/** A port whose listener never accepts and whose queue is full: connection attempts hang until they time out. */
export interface FullBacklogPort {
  readonly url: string;
  /** Ends the listener's process and the connections that filled its queue. */
  close(): Promise<void>;
}

// The listener blocks its own event loop for good right after listening, so it never accepts anything (a server
// wedged in a busy loop, or one whose accept queue is full): the kernel completes a connection or two into the
// backlog of 1, and drops the SYNs of every later one.
const WEDGED_LISTENER = `
const server = require('node:net').createServer();
server.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
  process.stdout.write(server.address().port + '\\n', () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0));
});`;

/** Starts a full-backlog port on 127.0.0.1 (a child process, killed by `close()`). */
export async function startFullBacklogPort(): Promise<FullBacklogPort> {
  const child: ChildProcess = spawn(process.execPath, ['-e', WEDGED_LISTENER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  const port = Number(line.toString().trim());
  // Fill the queue: these complete in the kernel and stay there, unaccepted.
  const fillers: Socket[] = [];
  for (let i = 0; i < 3; i++) {
    const socket = connect(port, '127.0.0.1').on('error', () => undefined);
    fillers.push(socket);
  }
  await Promise.all(fillers.slice(0, 2).map((socket) => once(socket, 'connect')));
  return {
    url: `http://127.0.0.1:${port}/fax`,
    close: async () => {
      for (const socket of fillers) socket.destroy();
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    },
  };
}
