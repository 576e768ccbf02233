import { bufferIo as bufferedIo, type BufferedIo } from '../support/buffer-io.js';

/** A buffered CliIo for the pact commands: Pact's telemetry stays off whatever the caller's env says. */
export function bufferIo(cwd: string, env: Record<string, string | undefined> = {}): BufferedIo {
  return bufferedIo({ cwd, env: { PACT_DO_NOT_TRACK: 'true', ...env } });
}
