import type { Check, CheckConfig, CheckOutcome } from '../../src/checks/check-api/types.js';
import { TWILIO_PROFILE } from '../../src/protocol/profile.js';
import { evaluateCase } from '../../src/runner/evaluate.js';
import { EXAMPLE_CASES } from '../../src/runner/plan.js';
import { createRunControl } from '../../src/runner/run-control.js';
import { createSender } from '../../src/sender/index.js';
import type { FormParams } from '../../src/model/exchange.js';
import { signTwilioRequest } from '../../src/signature/index.js';

/** How to run one check on the first example case. */
export interface RunCheckOptions {
  readonly method?: CheckConfig['method'];
  readonly authToken?: string;
  readonly mediaBaseUrl?: string;
  readonly insecure?: boolean;
  readonly fallbackUrl?: string;
}

/** Runs `check` on the first example case against `url`, as the runner does, and returns what the check made of it. */
export async function runCheck(check: Check, url: string, options: RunCheckOptions = {}): Promise<CheckOutcome> {
  const { authToken } = options;
  const sender = createSender({ timeoutMs: 3_000, ...(authToken && { authToken }), ...(options.insecure && { insecure: true }) });
  const config: CheckConfig = {
    profile: TWILIO_PROFILE,
    method: options.method ?? 'POST',
    expect: 'any',
    hasAuthToken: authToken !== undefined,
    timeoutMs: 3_000,
    ...(options.mediaBaseUrl && { mediaBaseUrl: options.mediaBaseUrl }),
    ...(options.fallbackUrl && { fallbackUrl: options.fallbackUrl }),
  };
  try {
    const outcome = await evaluateCase(
      {
        url,
        config,
        seed: 1,
        control: createRunControl({ timeoutsToStop: Number.POSITIVE_INFINITY }),
        send: (request) => sender.send(request),
        ...(authToken && { sign: (signedUrl: string, params?: FormParams) => signTwilioRequest({ authToken, url: signedUrl, ...(params && { params }) }) }),
      },
      EXAMPLE_CASES[0]!,
      [check],
    );
    if (!outcome) throw new Error('the base request was cut: nothing stops this run');
    return outcome.outcomes.get(check.id)!;
  } finally {
    await sender.close();
  }
}
