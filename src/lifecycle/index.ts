/**
 * The server under test's lifecycle for `check --start/--wait-for` (the CLI's; not exported): start it, wait until it
 * answers, stop its group.
 */
export {
  startServer,
  DEFAULT_STOP_GRACE_MS,
  DEFAULT_WAIT_TIMEOUT_MS,
  type RunningServer,
  type ServerExit,
  type StartServerOptions,
  type StartServerResult,
} from './start-server.js';
export { withStartedServer, type InterruptRegistrar, type WithStartedServerResult } from './with-started-server.js';
export { killStartedServersSync } from './started-servers.js';
export { waitForHttp, type WaitOutcome } from './wait-for-http.js';
export { DEFAULT_SERVER_LOG } from './server-log.js';
