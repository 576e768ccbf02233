import { disablePactTracking } from './no-tracking.js';

/** Pact is an optional peer dependency: only the pact commands and APIs need it, so only they ask for it. */
export const PACT_NOT_INSTALLED =
  '@pact-foundation/pact is not installed; the pact commands need it: npm install --save-dev @pact-foundation/pact@^17 (on Node 20: @^16.5)';

/** `@pact-foundation/pact`, loaded on first use so the CLI starts fast and tracking is off before Pact loads. */
export async function loadPact(): Promise<typeof import('@pact-foundation/pact')> {
  disablePactTracking();
  let pact: unknown;
  try {
    pact = await import('@pact-foundation/pact');
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') throw new Error(PACT_NOT_INSTALLED);
    throw error;
  }
  // The package is CommonJS: under some loaders its exports sit on `default`.
  return ((pact as { default?: unknown }).default ?? pact) as typeof import('@pact-foundation/pact');
}
