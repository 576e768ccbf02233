import type { PactV3, V3MockServer } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { executePactTest } from '../../src/pact/execute-test.js';

// pact-core's bookkeeping race (pact-reference issue 535) cannot be triggered on demand, so Pact's side is a stand-in
// that fails runs the way PactV3.executeTest does: after running the test, with its formatted mismatch text.

const LAGGING = `Test failed for the following reasons:

  Mock server failed with the following mismatches:

\t0) The following request was expected but not received: 
\t    Method: POST
\t    Path: /fax`;

const INCORRECT = `${LAGGING}

\t1) The following request was incorrect: 
\t    POST /fax`;

/** A PactV3 whose first `failures` runs fail with `message` after the test has run. */
function flakyPact(failures: number, message: string): { pact: PactV3; runs: () => number } {
  let runs = 0;
  const pact = {
    async executeTest(test: (mockServer: V3MockServer) => Promise<unknown>) {
      runs += 1;
      await test({ port: 1234, url: 'http://127.0.0.1:1234', id: 'stub' });
      if (runs <= failures) throw new Error(message);
    },
  };
  return { pact: pact as unknown as PactV3, runs: () => runs };
}

describe('executePactTest', () => {
  it('runs again, declaring the interactions again, when Pact lost track of a request its mock server answered', async () => {
    const { pact, runs } = flakyPact(1, LAGGING);
    let declared = 0;
    await executePactTest(pact, () => void (declared += 1), async () => {});
    expect([runs(), declared]).toEqual([2, 2]);
  });

  it('fails at once when Pact found a request incorrect', async () => {
    const { pact, runs } = flakyPact(1, INCORRECT);
    await expect(executePactTest(pact, () => {}, async () => {})).rejects.toThrow('The following request was incorrect');
    expect(runs()).toBe(1);
  });

  it('fails at once when the test itself threw', async () => {
    const { pact, runs } = flakyPact(1, LAGGING);
    await expect(executePactTest(pact, () => {}, async () => {
      throw new Error('the mock server answered 500');
    })).rejects.toThrow('the mock server answered 500');
    expect(runs()).toBe(1);
  });

  it('gives up after three runs', async () => {
    const { pact, runs } = flakyPact(5, LAGGING);
    await expect(executePactTest(pact, () => {}, async () => {})).rejects.toThrow('expected but not received');
    expect(runs()).toBe(3);
  });
});
