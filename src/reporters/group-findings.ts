import type { CheckResult, Finding, Report } from '../model/report.js';

/** One check with the findings it produced. */
export interface CheckWithFindings {
  readonly check: CheckResult;
  readonly findings: readonly Finding[];
}

/**
 * Pairs each check of the report with its findings, in the report's check order. A finding whose check is not in
 * `report.checks` (a transport failure, say) gets a check of its own so that no reporter loses it.
 */
export function groupFindingsByCheck(report: Report): CheckWithFindings[] {
  const byCheck = new Map<string, Finding[]>();
  for (const finding of report.findings) {
    const list = byCheck.get(finding.check);
    if (list) list.push(finding);
    else byCheck.set(finding.check, [finding]);
  }
  const groups: CheckWithFindings[] = report.checks.map((check) => ({ check, findings: byCheck.get(check.id) ?? [] }));
  const known = new Set(report.checks.map((c) => c.id));
  for (const [id, findings] of byCheck) {
    if (known.has(id)) continue;
    groups.push({ check: checkFromFindings(id, findings), findings });
  }
  return groups;
}

function checkFromFindings(id: string, findings: readonly Finding[]): CheckResult {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  return { id, title: id, status: errors > 0 ? 'failed' : 'passed', exchanges: findings.length, errors, warnings };
}

/** Errors and warnings over all findings of a report. */
export function countFindings(report: Report): { readonly errors: number; readonly warnings: number; readonly infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of report.findings) {
    if (f.severity === 'error') errors += 1;
    else if (f.severity === 'warning') warnings += 1;
    else infos += 1;
  }
  return { errors, warnings, infos };
}
