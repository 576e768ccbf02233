import { disablePactTracking } from './no-tracking.js';

/** `@pact-foundation/pact`, loaded on first use so the CLI starts fast and tracking is off before Pact loads. */
export async function loadPact(): Promise<typeof import('@pact-foundation/pact')> {
  disablePactTracking();
  const pact = await import('@pact-foundation/pact');
  // The package is CommonJS: under some loaders its exports sit on `default`.
  return ((pact as { default?: unknown }).default ?? pact) as typeof import('@pact-foundation/pact');
}
