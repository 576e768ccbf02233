import type { ParameterNames } from '../../protocol/parameters.js';
import type { FormParams } from '../../model/exchange.js';
import type { CaseInput } from '../check-api/types.js';

/** The case's parameters with the caller and the callee (`From` and `To`, by the profile's `names`) replaced by its SIP addresses. */
export function withSipAddresses(input: CaseInput, names: Pick<ParameterNames, 'from' | 'to'>): FormParams {
  return input.params.map(([name, value]) =>
    name === names.from ? [name, input.sip.From] : name === names.to ? [name, input.sip.To] : [name, value],
  );
}

/** The bare SIP URI inside a From value with a display name (`"Jane" <sip:jane@example.com>` → `sip:jane@example.com`). */
export function bareSipUri(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from;
}

/**
 * The label of a finding on the case's request sent from SIP addresses: the case's own label describes its phone
 * numbers, not this request.
 */
export function sipLabel(from: string, to: string): string {
  // The values as the parameters carry them (a display name keeps its own quotes), as the finding's request shows.
  return `the same fax from SIP addresses (From=${from}, To=${to})`;
}
