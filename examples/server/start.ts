// `npm start`: starts the example fax server on a free port and checks it with the kit, as a user would check
// their own server. Extra arguments go to `twiml-fax-kit check` (e.g. `npm start -- --method both`).
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { runCli } from '../../src/cli/run-cli.js';
import { createFaxServer } from './fax-server.js';

// A throwaway token unless you bring yours: both the server and the kit use it, so every request is signed and
// every signature checked.
const authToken = process.env.TWILIO_AUTH_TOKEN ?? randomBytes(16).toString('hex');
const server = createFaxServer({ authToken, log: () => {} });
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;
const url = `http://127.0.0.1:${port}/fax`;
process.stderr.write(`example fax server listening on ${url}\n`);

try {
  process.exitCode = await runCli(['check', url, '--method', 'both', '--expect', 'receive', ...process.argv.slice(2)], {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: { ...process.env, TWILIO_AUTH_TOKEN: authToken },
    cwd: process.cwd(),
  });
} finally {
  server.close();
}
