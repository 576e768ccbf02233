/** The errors a pre-signed media URL answers, as S3 words them (Twilio's media CDN is an S3 bucket). */
export const S3_ERRORS = {
  MethodNotAllowed: { status: 405, message: 'The specified method is not allowed against this resource.' },
  InvalidArgument: {
    status: 400,
    message: 'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified',
  },
  SignatureDoesNotMatch: { status: 403, message: 'The request signature we calculated does not match the signature you provided. Check your key and signing method.' },
  NoSuchKey: { status: 404, message: 'The specified key does not exist.' },
} as const;

/** An S3 error code. */
export type S3ErrorCode = keyof typeof S3_ERRORS;

/** The XML body and status of an S3 error reply. */
export function s3Error(code: S3ErrorCode): { readonly status: number; readonly body: string } {
  const { status, message } = S3_ERRORS[code];
  return { status, body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>` };
}

/**
 * What a pre-signed GET URL refuses before looking at its key: another method, and a second way of authenticating
 * (an `Authorization` header next to the query's signature, which S3 answers 400).
 */
export function refusedPresignedRequest(method: string, hasAuthorization: boolean): S3ErrorCode | undefined {
  if (method !== 'GET' && method !== 'HEAD') return 'MethodNotAllowed';
  return hasAuthorization ? 'InvalidArgument' : undefined;
}
