import { isAbsolute, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Severity } from '../../model/diagnostic.js';
import { VALIDATOR_CHECKS, type ValidatorCheck } from '../../model/validator-checks.js';
import { twilioErrorTitle, twilioErrorUrl } from '../../protocol/twilio-errors.js';
import { STDIN_FILE, type ValidatedReply, type ValidationReport } from './validation-report.js';

/** Where the SARIF 2.1.0 schema is published by OASIS (errata 01), as the `$schema` of every log. */
export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** SARIF's levels for the kit's severities: a notice is SARIF's `note`. */
const LEVELS: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', notice: 'note' };

/**
 * `validate`'s report as a SARIF 2.1.0 log, as GitHub code scanning reads one (`github/codeql-action/upload-sarif`):
 * one rule per check of the validator (id, name, descriptions, the Twilio error page of its first code as help), one
 * result per diagnostic at its file, line and column (1-based; columns count code points, as the validator does),
 * its level the severity's (a notice is a `note`), and Twilio's error code, title and page in its message and
 * properties. A file's path stays relative as the user gave it (code scanning resolves it from the repository's
 * root); a reply read from stdin has no location.
 */
export function formatValidationSarif(report: ValidationReport): string {
  const usedChecks = new Set(report.replies.flatMap((reply) => reply.validation.diagnostics.map((d) => d.check)));
  // Every validator check is a rule, so a clean run still says what was checked; a diagnostic of a check the
  // validator does not list (none today) gets a rule of its own rather than a result pointing at nothing.
  const rules = [...VALIDATOR_CHECKS.map(ruleOf), ...[...usedChecks].filter((id) => !VALIDATOR_CHECKS.some((c) => c.id === id)).map(unlistedRule)];
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'twiml-fax-kit', rules } },
        columnKind: 'unicodeCodePoints',
        invocations: [{ executionSuccessful: true, properties: { ok: report.ok, failOn: report.failOn } }],
        results: report.replies.flatMap((reply) => reply.validation.diagnostics.map((d) => resultOf(reply, d, ruleIndex.get(d.check) ?? 0))),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

interface SarifRule {
  readonly id: string;
  readonly name: string;
  readonly shortDescription: { readonly text: string };
  readonly fullDescription: { readonly text: string };
  readonly helpUri?: string;
  readonly help: { readonly text: string };
  readonly properties: { readonly twilioErrors: readonly number[] };
}

function ruleOf(check: ValidatorCheck): SarifRule {
  const codes = check.twilioErrors.map((code) => `${code} ${twilioErrorTitle(code)} (${twilioErrorUrl(code)})`);
  const first = check.twilioErrors[0];
  return {
    id: check.id,
    name: pascalCase(check.id),
    shortDescription: { text: capitalize(check.title) },
    fullDescription: { text: `${capitalize(check.title)}. Its findings carry Twilio error ${check.twilioErrors.join(' or ')}.` },
    ...(first !== undefined && { helpUri: twilioErrorUrl(first) }),
    help: { text: `Twilio's error codes for this check: ${codes.join('; ')}. The kit's checks are described in docs/checks.md of twiml-fax-kit.` },
    properties: { twilioErrors: check.twilioErrors },
  };
}

function unlistedRule(id: string): SarifRule {
  return { id, name: pascalCase(id), shortDescription: { text: id }, fullDescription: { text: id }, help: { text: id }, properties: { twilioErrors: [] } };
}

function resultOf({ file }: ValidatedReply, diagnostic: Diagnostic, ruleIndex: number) {
  const twilio = diagnostic.twilioError;
  const places = diagnostic.count !== undefined && diagnostic.count > 1 ? ` (in ${diagnostic.count} places; the first is shown)` : '';
  const parts = [`${diagnostic.message}${places}.`];
  if (twilio !== undefined) parts.push(`Twilio ${twilio} ${twilioErrorTitle(twilio)}: ${twilioErrorUrl(twilio)}`);
  if (diagnostic.hint) parts.push(`Hint: ${diagnostic.hint}`);
  const region = diagnostic.line === undefined ? undefined : { startLine: diagnostic.line, ...(diagnostic.column !== undefined && { startColumn: diagnostic.column }) };
  return {
    ruleId: diagnostic.check,
    ruleIndex,
    level: LEVELS[diagnostic.severity],
    message: { text: parts.join('\n') },
    ...(file !== STDIN_FILE && { locations: [{ physicalLocation: { artifactLocation: { uri: fileUri(file) }, ...(region && { region }) } }] }),
    properties: {
      code: diagnostic.code,
      severity: diagnostic.severity,
      ...(twilio !== undefined && { twilioError: twilio, twilioErrorTitle: twilioErrorTitle(twilio), helpUrl: twilioErrorUrl(twilio) }),
      ...(diagnostic.hint !== undefined && { hint: diagnostic.hint }),
      ...(diagnostic.path !== undefined && { path: diagnostic.path }),
      ...(diagnostic.count !== undefined && { count: diagnostic.count }),
      ...(file === STDIN_FILE && { file }),
    },
  };
}

/** A relative path as a relative URI reference (each segment percent-encoded, `/` between); an absolute one as a file URL. */
function fileUri(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file
    .split(sep === '/' ? '/' : /[\\/]/)
    .map((segment) => (segment === '.' || segment === '..' ? segment : encodeURIComponent(segment)))
    .join('/');
}

function pascalCase(id: string): string {
  return id
    .split('-')
    .map((part) => capitalize(part))
    .join('');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
