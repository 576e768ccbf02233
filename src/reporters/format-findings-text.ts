import type { Report } from '../model/report.js';
import { formatFinding } from './format-finding.js';
import { countFindings, groupFindingsByCheck } from './group-findings.js';
import { PLAIN, type Palette } from './palette.js';
import { credentialsNote } from './report-notes.js';
import { showControlCharacters } from './show-control-characters.js';
import { countOf } from './text-layout.js';

/** The findings of a report grouped by check, each group under a rule with the check's id and title. */
export function formatFindingGroups(report: Report, colors: Palette = PLAIN): string {
  return groupFindingsByCheck(report)
    .filter((group) => group.findings.length > 0)
    .map(({ check, findings }) => {
      const title = check.title === check.id ? check.id : `${check.id} · ${check.title}`;
      const rule = colors.bold(`── ${showControlCharacters(title)} (${countOf(findings.length, 'finding')}) ──`);
      return [rule, ...findings.map((f) => formatFinding(f, colors))].join('\n\n');
    })
    .join('\n\n');
}

/**
 * The findings of a report as plain text (no colour): a heading line, then the findings grouped by check, each
 * with its curl line. Used by `assertConformance`'s error and by test-runner integrations.
 * @example throw new Error(formatFindingsText(report))
 */
export function formatFindingsText(report: Report): string {
  const target = showControlCharacters(report.target);
  const seed = report.seed;
  if (report.findings.length === 0) return `twiml-fax-kit: no findings for ${target}${seed === undefined ? '' : ` (seed ${seed})`}\n`;
  const { errors, warnings, infos } = countFindings(report);
  const counts = [countOf(errors, 'error'), countOf(warnings, 'warning')];
  if (infos > 0) counts.push(countOf(infos, 'note'));
  const repeat = seed === undefined ? '' : ` (seed ${seed}; repeat with --seed ${seed})`;
  const note = credentialsNote(report);
  return `twiml-fax-kit: ${counts.join(', ')} for ${target}${repeat}\n${note ? `(${note})\n` : ''}\n${formatFindingGroups(report)}\n`;
}
