import cliProgress from 'cli-progress';
import type { OutputStream } from '../model/io.js';

/** A live progress line on a terminal. */
export interface ProgressBar {
  update(done: number, total: number): void;
  /** Shows what the run is doing besides sending cases (e.g. shrinking a failure). */
  note(text: string): void;
  /** Stops the bar and erases it, so that the report starts on a clean line. Safe to call twice. */
  stop(): void;
}

/** Starts a progress bar on `stream` (a TTY: the caller checks) for `total` planned cases. */
export function startProgressBar(stream: OutputStream, total: number): ProgressBar {
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
