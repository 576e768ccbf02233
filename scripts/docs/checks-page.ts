import { CHECKS } from '../../src/checks/registry.js';
import type { Check, CheckConfig } from '../../src/checks/check-api/types.js';
import { VALIDATOR_CHECKS } from '../../src/model/validator-checks.js';
import { TWILIO_PROFILE } from '../../src/protocol/profile.js';
import { twilioErrorTitle, twilioErrorUrl, type TwilioErrorCode } from '../../src/protocol/twilio-errors.js';
import { HARNESS_CHECK_DESCRIPTIONS, VALIDATOR_CHECK_DESCRIPTIONS } from './check-descriptions.js';
import { cell, pageHeader, type GeneratedPage } from './page.js';

/** Every configuration a run can have as far as skipping goes: each method, expectation, with and without a token. */
function configurations(): CheckConfig[] {
  const methods: CheckConfig['method'][] = ['POST', 'GET', 'both'];
  const expectations: CheckConfig['expect'][] = ['any', 'receive', 'reject'];
  return methods.flatMap((method) =>
    expectations.flatMap((expect) => [true, false].map((hasAuthToken) => ({ profile: TWILIO_PROFILE, method, expect, hasAuthToken, timeoutMs: 15_000 }))),
  );
}

/** The reasons `check.skipReason` gives over every configuration, each once. */
export function skipReasonsOf(check: Check): string[] {
  return [...new Set(configurations().flatMap((config) => check.skipReason?.(config) ?? []))];
}

/** What the page says of `check`: the registry's facts and the description's. */
export function describeCheck(check: Check) {
  const validator = VALIDATOR_CHECKS.find((v) => v.id === check.id);
  const description = validator ? VALIDATOR_CHECK_DESCRIPTIONS[validator.id] : HARNESS_CHECK_DESCRIPTIONS[check.id];
  if (!description) throw new Error(`no description of the check '${check.id}' in scripts/docs/check-descriptions.ts`);
  const harness = validator ? undefined : HARNESS_CHECK_DESCRIPTIONS[check.id];
  return {
    ...description,
    validator: validator !== undefined,
    twilioErrors: validator ? validator.twilioErrors : (harness?.twilioErrors ?? []),
    failureCodes: harness?.failureCodes === true,
    skipReasons: skipReasonsOf(check),
  };
}

/** A title in Markdown: `<Response>` outside code would be read as an HTML tag. */
const escapeHtml = (text: string) => text.replaceAll('<', '&lt;').replaceAll('>', '&gt;');

const codeLink = (code: TwilioErrorCode) => `[${code}](${twilioErrorUrl(code)}) ${twilioErrorTitle(code)}`;

function codes(described: ReturnType<typeof describeCheck>, link: boolean): string {
  const listed = described.twilioErrors.map((code) => (link ? codeLink(code) : String(code)));
  if (described.failureCodes) listed.push(link ? 'the code of the failure its request met (e.g. 11200 for a reply that is not 2xx)' : "the failure's own");
  return listed.length > 0 ? listed.join(link ? '; ' : ', ') : 'none (no Twilio error matches)';
}

function section(check: Check): string {
  const described = describeCheck(check);
  const runs = check.scope === 'case' ? 'on every case' : 'once per run, on the first example case';
  const skipped = described.skipReasons.length > 0 ? described.skipReasons.map((r) => `"${r}"`).join('; ') : 'never by the configuration';
  return [
    `### \`${check.id}\``,
    '',
    `*In reports*: ${escapeHtml(check.title)}.${described.validator ? " One of the validator's checks: it also runs in `validate` and `validateFaxTwiml`." : ''}`,
    '',
    `- **Sends**: ${described.sends}.`,
    `- **Fails when**: ${described.failsWhen}.`,
    `- **Twilio codes**: ${codes(described, true)}.`,
    `- **Severity**: ${described.severities.join(', ')}.`,
    `- **Runs**: ${runs}.`,
    `- **Skipped**: ${skipped}.`,
    '',
  ].join('\n');
}

/** `docs/checks.md`: every check of the registry, in report order, with the validator's among them. */
export function renderChecksPage(): GeneratedPage {
  const text = [
    pageHeader('Checks', '`CHECKS` in `src/checks/registry.ts`, `VALIDATOR_CHECKS` and `scripts/docs/check-descriptions.ts`'),
    '`twiml-fax-kit check` (and `checkServer`, `describeFaxConformance`) runs these checks, in this order;',
    '`--checks a,b` selects, `--skip-checks a,b` leaves out. The validator\'s checks (`content-type` to `fax-action`)',
    'judge every 2xx reply, and are all that `twiml-fax-kit validate` and `validateFaxTwiml` run.',
    '',
    "Severities are Twilio's (see [the protocol facts](protocol.md#severity)): an **error** is what makes Twilio fail",
    'the fax or the request; a **warning** is what Twilio logs and goes on, ignoring or replacing part of the reply; a',
    '**notice** is legal but worth knowing. `--fail-on` (default `warning`) says which fail the run.',
    '',
    'A pass means judged. A check that cannot run in a configuration is reported skipped with its reason (below); a',
    'check that had nothing to judge in any case (every request refused, no `<Receive action>`, no GET answered) is',
    'reported skipped with that reason, never passed. Each finding has a stable snake_case `code` besides its check id:',
    'see [the report format](report.md). To add checks of your own: [custom checks](custom-checks.md).',
    '',
    '| check | what it makes sure of | Twilio codes | severity | runs |',
    '|---|---|---|---|---|',
    ...CHECKS.map((check) => {
      const described = describeCheck(check);
      return `| [\`${check.id}\`](#${check.id}) | ${cell(escapeHtml(check.title))} | ${cell(codes(described, false))} | ${described.severities.join(', ')} | ${check.scope === 'case' ? 'every case' : 'once'} |`;
    }),
    '',
    '## The checks',
    '',
    ...CHECKS.map(section),
  ].join('\n');
  return { path: 'docs/checks.md', text };
}
