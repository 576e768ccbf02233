import type { FormParams } from '../../model/exchange.js';
import type { CaseInput } from '../check-api/types.js';

/** The case's parameters with `From` and `To` replaced by its SIP addresses. */
export function withSipAddresses(input: CaseInput): FormParams {
  return input.params.map(([name, value]) =>
    name === 'From' ? [name, input.sip.From] : name === 'To' ? [name, input.sip.To] : [name, value],
  );
}

/** The bare SIP URI inside a From value with a display name (`"Jane" <sip:jane@example.com>` → `sip:jane@example.com`). */
export function bareSipUri(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from;
}
