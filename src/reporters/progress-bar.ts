import type cliProgressModule from 'cli-progress';
import { createRequire } from 'node:module';
import type { OutputStream } from '../model/io.js';

/** A live progress line on a terminal. */
export interface ProgressBar {
  update(done: number, total: number): void;
  /** Shows what the run is doing besides sending cases (e.g. shrinking a failure). */
  note(text: string): void;
  /** Stops the bar and erases it, so that the report starts on a clean line. Safe to call twice. */
  stop(): void;
}

/**
 * cli-progress (and its string-width, emoji-regex...), loaded when a bar is first drawn: only a run on a terminal
 * draws one. Required rather than imported because the bar starts in a synchronous hook (`onRunStarted`).
 */
let cliProgress: typeof cliProgressModule | undefined;

/** Starts a progress bar on `stream` (a TTY: the caller checks) for `total` planned cases. */
export function startProgressBar(stream: OutputStream, total: number): ProgressBar {
  cliProgress ??= createRequire(import.meta.url)('cli-progress') as typeof cliProgressModule;
  const bar = new cliProgress.SingleBar(
    {
      stream: stream as unknown as NodeJS.WritableStream,
      format: '{bar} {value}/{total} cases {note}',
      barsize: 30,
      hideCursor: true,
      clearOnComplete: true,
      // cli-progress would otherwise install its own SIGINT handler on `process`; the pretty reporter uses `onInterrupt`.
      gracefulExit: false,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { note: '' });
  let stopped = false;
  return {
    update(done, newTotal) {
      if (stopped) return;
      if (newTotal !== bar.getTotal()) bar.setTotal(newTotal);
      bar.update(done, { note: '' });
    },
    note(text) {
      if (!stopped) bar.update({ note: `· ${text}` });
    },
    stop() {
      if (stopped) return;
      stopped = true;
      bar.stop();
    },
  };
}
