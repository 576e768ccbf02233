/** A request as the bench's server received it: enough for a raw client to send the same bytes again. */
export interface RecordedRequest {
  readonly method: string;
  /** The request target as sent (path and query). */
  readonly path: string;
  /** Node's `rawHeaders`: name, value, name, value… in the order they came. */
  readonly headers: readonly string[];
  /** The body, one char per byte. */
  readonly body: string;
}

/** What the bench's server process tells the bench (`bench/fax-server-process.ts`). */
export type ServerMessage =
  | { readonly type: 'listening'; readonly url: string }
  | { readonly type: 'first-request' }
  | { readonly type: 'recorded'; readonly requests: readonly RecordedRequest[] };
