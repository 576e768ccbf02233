import { ASSUMPTIONS } from '../../src/protocol/assumptions.js';
import { cell, pageHeader, type GeneratedPage } from './page.js';

/** `docs/assumptions.md`: every assumption of `src/protocol/assumptions.ts`, in its order. */
export function renderAssumptionsPage(): GeneratedPage {
  const text = [
    pageHeader('Assumptions', '`ASSUMPTIONS` in `src/protocol/assumptions.ts`'),
    'Twilio never published everything the kit needs to play its fax service. Where a behaviour has a source, it is in',
    '[the protocol facts](protocol.md); where nothing was published, the kit assumes, and each assumption is listed',
    'here once, with why and how sure we are. Nothing else in the code assumes silently. Ids are stable: findings',
    'and the protocol page name them.',
    '',
    '| id | the kit assumes | because |',
    '|---|---|---|',
    ...ASSUMPTIONS.map((a) => `| \`${a.id}\` | ${cell(a.statement)} | ${cell(a.why)} |`),
    '',
  ].join('\n');
  return { path: 'docs/assumptions.md', text };
}
