import { channel } from 'node:diagnostics_channel';

/**
 * The diagnostics channel undici publishes on as it writes a request's headers to the socket (the network transport
 * and the Node-listener transport both send through undici's client). Published just before the write, in the same
 * turn: a promise settled by it lets other work run only once that request is on its way. Held here: Node keeps a
 * channel only while something refers to it, and a subscriber of a collected channel would hear nothing.
 */
const HEADERS_WRITTEN = channel('undici:client:sendHeaders');

/** When the run's first request is out, for work that must not delay it. */
export interface FirstRequestOut {
  /** Settles once the first request's headers were written, or at `release()`, whichever comes first. */
  readonly promise: Promise<void>;
  /**
   * Settles it and stops listening, whether or not headers were written: the runner calls it when any exchange or
   * case is over (a transport that does not go through undici, such as a fetch handler; a server that refused the
   * connection; an interrupted run that sent nothing; a check that broke) and when the run ends, so that nothing
   * waits on it for ever.
   */
  release(): void;
}

/**
 * Waits for the run's first request to go out, so that loading the generators (fast-check, `properties/`) happens
 * after it rather than before: the fixed examples, sent first, need neither (issue 14: `check`'s time to its first
 * request). It only decides when a module loads, never what a case is, so a seed repeats the same run either way.
 */
export function firstRequestOut(): FirstRequestOut {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  const onHeaders = (): void => done();
  function done(): void {
    HEADERS_WRITTEN.unsubscribe(onHeaders);
    release();
  }
  HEADERS_WRITTEN.subscribe(onHeaders);
  return { promise, release: done };
}
