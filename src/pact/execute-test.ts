import type { PactV3, V3MockServer } from '@pact-foundation/pact';

// pact-core 16.3+ sometimes records a matched request only after its reply has gone out (pact-reference issue 535,
// pact-js issue 1835), so `executeTest` can report "expected but not received" for a request its mock server
// answered. When the test ran to its end and Pact's only complaint is such a request, the run is repeated; a
// request Pact found incorrect or unexpected is a real mismatch and fails at once.
const ATTEMPTS = 3;

/**
 * `pact.executeTest(test)` for the interactions `addInteractions` declares, repeated (declaring them again, as
 * Pact forgets them after a failed run) when Pact's mock server lost track of requests it answered.
 */
export async function executePactTest(pact: PactV3, addInteractions: () => void, test: (mockServer: V3MockServer) => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    let completed = false;
    addInteractions();
    try {
      await pact.executeTest(async (mockServer) => {
        await test(mockServer);
        completed = true;
      });
      return;
    } catch (error) {
      const lagging = completed && error instanceof Error && onlyMissingRequests(error.message);
      if (!lagging || attempt >= ATTEMPTS) throw error;
    }
  }
}

/** True when every mismatch Pact lists is a request "expected but not received" (none incorrect or unexpected). */
function onlyMissingRequests(message: string): boolean {
  const all = message.match(/The following request was/g)?.length ?? 0;
  const missing = message.match(/The following request was expected but not received/g)?.length ?? 0;
  return missing > 0 && missing === all;
}
