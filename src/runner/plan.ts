import fc from 'fast-check';
import { faxWebhookParams } from '../../properties/fax-webhook-params.js';
import { sipDisplayName } from '../../properties/sip-display-name.js';
import { sipUri } from '../../properties/sip-uri.js';
import { unknownParams } from '../../properties/unknown-params.js';
import type { CaseInput, PlannedCase } from '../checks/check-api/types.js';
import type { FormParams } from '../model/exchange.js';

/** The order in which Twilio lists the webhook parameters (it only matters for reading a curl line). */
const PARAM_ORDER = ['FaxSid', 'AccountSid', 'From', 'To', 'ApiVersion'] as const;

function toFormParams(record: object): FormParams {
  const entries = Object.entries(record as Record<string, string>);
  const known = PARAM_ORDER.flatMap((name) => entries.filter(([n]) => n === name));
  const rest = entries.filter(([name]) => !(PARAM_ORDER as readonly string[]).includes(name));
  return [...known, ...rest];
}

/**
 * The random inputs of a case. The base request uses phone numbers: a SIP-only defect then shows once, under
 * `sip-addresses`, rather than under every check that reads the base reply.
 */
export function caseInput(): fc.Arbitrary<CaseInput> {
  return fc.record({
    params: faxWebhookParams({ sip: false }).map(toFormParams),
    sip: fc.record({ From: sipDisplayName(), To: sipUri() }),
    extras: unknownParams().map(toFormParams),
  });
}

/** Fixed, readable cases every run starts with: what a user reads first in a finding when they fail. */
export const EXAMPLE_CASES: readonly PlannedCase[] = [
  {
    id: 'example-1',
    label: 'a fax from a US number',
    kind: 'example',
    index: -1,
    input: {
      params: [
        ['FaxSid', 'FX0123456789abcdef0123456789abcdef'],
        ['AccountSid', 'AC0123456789abcdef0123456789abcdef'],
        ['From', '+15005550006'],
        ['To', '+15005550001'],
        ['ApiVersion', 'v1'],
      ],
      sip: { From: `"Jane O'Neil" <sip:jane@example.com>`, To: 'sip:fax@example.com' },
      extras: [['FaxQuality', 'fine']],
    },
  },
  {
    id: 'example-2',
    label: 'a fax from abroad, from a SIP trunk with a non-ASCII display name',
    kind: 'example',
    index: -1,
    input: {
      params: [
        ['FaxSid', 'FXfedcba9876543210fedcba9876543210'],
        ['AccountSid', 'AC0123456789abcdef0123456789abcdef'],
        ['From', '+442071838750'],
        ['To', '+4930901820'],
        ['ApiVersion', 'v1'],
      ],
      sip: { From: '"Zoë Müller + Co" <sip:+4930901820@sip.example.de>', To: 'sip:fax@example.de;transport=tls' },
      extras: [
        ['CallerName', 'ZOE MULLER'],
        ['ForwardedFrom', '+4930901821'],
      ],
    },
  },
];

/**
 * The cases of a run: the fixed examples, then `runs` generated from `seed`. Generated case `i` is what
 * `fc.check(..., { seed, path: String(i) })` replays, which is how a failure is shrunk.
 */
export function planCases(seed: number, runs: number): PlannedCase[] {
  const generated = runs > 0 ? fc.sample(caseInput(), { seed, numRuns: runs }) : [];
  return [
    ...EXAMPLE_CASES,
    ...generated.map((input, index): PlannedCase => ({ id: `generated-${index + 1}`, label: `generated case ${index + 1}`, kind: 'generated', index, input })),
  ];
}
