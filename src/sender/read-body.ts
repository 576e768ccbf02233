import { Readable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createRequire } from 'node:module';
import { messageOf } from './message-of.js';

/** A body as the sender keeps it: at most the limit, decoded. */
export interface LimitedBody {
  readonly body: Uint8Array;
  /** True when there was more than the limit; the rest was never read. */
  readonly truncated: boolean;
}

/** Thrown when a body's `Content-Encoding` does not decode (a corrupt gzip stream): an HTTP protocol violation. */
export class ContentDecodingError extends Error {
  override name = 'ContentDecodingError';
}

// node:zlib is required when a reply is first encoded: most are not, and loading it cost every `check` some 10 ms
// before its first request (issue 14).
const zlib = (): typeof import('node:zlib') => createRequire(import.meta.url)('node:zlib') as typeof import('node:zlib');
const DECODERS: Readonly<Record<string, () => Transform>> = {
  gzip: () => zlib().createGunzip(),
  'x-gzip': () => zlib().createGunzip(),
  deflate: () => zlib().createInflate(),
  br: () => zlib().createBrotliDecompress(),
};

/** How much of a body the sender reads. */
export interface BodyLimits {
  /** Most decoded bytes kept. */
  readonly maxBytes: number;
  /** Most content codings decoded in a chain; a longer `Content-Encoding` is refused before any decoder is built. */
  readonly maxCodings: number;
}

/**
 * Reads a body, decoding its `Content-Encoding`, and keeps at most `maxBytes` decoded bytes. Reading stops as soon
 * as the limit is passed, and the decoders work under back-pressure, so neither a huge reply nor a gzip bomb is ever
 * held in memory; a chain of more than `maxCodings` codings (`br, br, ...` a thousand times would build a thousand
 * decompressors) is a `ContentDecodingError`. Unknown encodings are kept as received.
 */
export async function readLimitedBody(
  source: AsyncIterable<Uint8Array>,
  contentEncoding: string | undefined,
  limits: BodyLimits,
): Promise<LimitedBody> {
  const collector = new LimitedCollector(limits.maxBytes);
  const decoders = decodersFor(contentEncoding, limits.maxCodings);
  if (decoders.length === 0) {
    for await (const chunk of source) if (!collector.add(chunk)) break;
    return collector.result();
  }
  let decodingError: unknown;
  let sourceFailed = false;
  for (const decoder of decoders) decoder.once('error', (error) => (decodingError ??= error));
  const tracked = async function* (): AsyncGenerator<Uint8Array> {
    try {
      yield* source;
    } catch (error) {
      sourceFailed = true;
      throw error;
    }
  };
  try {
    await pipeThrough(Readable.from(tracked(), { objectMode: false }), ...decoders, async (decoded: AsyncIterable<Buffer>) => {
      for await (const chunk of decoded) if (!collector.add(chunk)) break;
    });
  } catch (error) {
    // Leaving the loop early tears the pipeline down; that is the point, not a failure.
    if (collector.truncated) return collector.result();
    // A failing source reaches the decoders too; only an error born in a decoder is a decoding error.
    if (!sourceFailed && decodingError !== undefined) {
      throw new ContentDecodingError(`the ${shorten(contentEncoding ?? '')} body does not decode: ${messageOf(error)}`);
    }
    throw error;
  }
  return collector.result();
}

/** Decoders in the order to apply them: the last encoding listed was applied last, so it comes off first. */
function decodersFor(contentEncoding: string | undefined, maxCodings: number): Transform[] {
  if (contentEncoding === undefined) return [];
  const listed = contentEncoding.split(',').map((each) => each.trim().toLowerCase()).filter((each) => each !== '');
  // Counted as curl counts them (identity included), before anything is built.
  if (listed.length > maxCodings) {
    throw new ContentDecodingError(
      `Content-Encoding stacks ${listed.length} content codings (${shorten(listed.join(', '))}); more than ${maxCodings} is refused, as curl refuses it, and the body is not read`,
    );
  }
  const codings = listed.filter((each) => each !== 'identity');
  const factories = codings.reverse().map((coding) => DECODERS[coding]);
  // One unknown coding makes the whole chain undecodable: keep the bytes as received.
  if (factories.some((factory) => factory === undefined)) return [];
  return factories.map((factory) => factory!());
}

function shorten(text: string): string {
  return text.length <= 60 ? text : `${text.slice(0, 57)}...`;
}

// `pipeline`'s typings have no overload for a spread of transforms between a source and a sink function.
const pipeThrough = pipeline as (...stages: unknown[]) => Promise<void>;

class LimitedCollector {
  private readonly chunks: Uint8Array[] = [];
  private size = 0;
  truncated = false;

  constructor(private readonly maxBytes: number) {}

  /** Keeps what fits; false once the limit is passed and reading should stop. */
  add(chunk: Uint8Array): boolean {
    const room = this.maxBytes - this.size;
    if (chunk.byteLength > room) {
      if (room > 0) this.keep(chunk.subarray(0, room));
      this.truncated = true;
      return false;
    }
    this.keep(chunk);
    return true;
  }

  result(): LimitedBody {
    return { body: new Uint8Array(Buffer.concat(this.chunks, this.size)), truncated: this.truncated };
  }

  private keep(chunk: Uint8Array): void {
    // A copy: a chunk may be a view on a pooled buffer far larger than the bytes kept.
    this.chunks.push(Uint8Array.prototype.slice.call(chunk));
    this.size += chunk.byteLength;
  }
}
