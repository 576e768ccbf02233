import type { CheckResult, Report } from '../model/report.js';
import { countFindings, groupFindingsByCheck } from './group-findings.js';
import { PLAIN, type Palette } from './palette.js';
import { countsLine, credentialsNote, judgedLine, stoppedChecks, verdictOf } from './report-notes.js';
import { showControlCharacters } from './show-control-characters.js';
import { countOf, formatDuration } from './text-layout.js';

/**
 * The closing part of the pretty report: one row per check (passed, failed or skipped with its reason), the
 * counts (cases run of those planned, when the report has them), the duration, the seed with how to repeat the run
 * (when there is one), where the started server's output went (with `--start`), why the kit stopped early (when it
 * did), and the verdict line. A check that stopped sending early has its note on a line under its row.
 */
export function formatSummary(report: Report, colors: Palette = PLAIN): string {
  const checks = groupFindingsByCheck(report).map((g) => printableCheck(g.check));
  const idWidth = Math.max(0, ...checks.map((c) => c.id.length));
  const titleWidth = Math.max(0, ...checks.map((c) => c.title.length));
  const rows = checks.map((check) => {
    const cells = [statusMark(check, colors), check.id.padEnd(idWidth), colors.dim(check.title.padEnd(titleWidth)), statusWord(check, colors)];
    const row = `  ${cells.join('  ')}  ${checkDetail(check)}`.trimEnd();
    return check.note === undefined ? row : `${row}\n     ${colors.yellow('⚠')} ${check.note}`;
  });
  const { summary } = report;
  const counts = [colors.green(`${summary.passed} passed`), colors.red(`${summary.failed} failed`), colors.dim(`${summary.skipped} skipped`)];
  const lines = [
    colors.bold('Summary'),
    '',
    ...rows,
    '',
    `  Checks:    ${counts.join(', ')} (${summary.checks})`,
    ...(summary.cases === undefined || summary.plannedCases === undefined ? [] : [`  Cases:     ${casesLine(summary.cases, summary.plannedCases)}`]),
    `  Requests:  ${summary.requests}`,
    `  Duration:  ${formatDuration(summary.durationMs)}`,
    ...(report.seed === undefined ? [] : [`  Seed:      ${report.seed} (repeat this run with --seed ${report.seed})`]),
    ...(report.serverLog === undefined ? [] : [`  Server:    output in ${showControlCharacters(report.serverLog)}`]),
    ...[credentialsNote(report)].flatMap((note) => (note === undefined ? [] : [`  Auth:      ${note}`])),
    '',
    ...(report.stoppedEarly === undefined ? [] : [`${colors.yellow('⚠ Stopped early')}: ${showControlCharacters(report.stoppedEarly)}`]),
    formatVerdict(report, colors),
  ];
  return lines.join('\n');
}

/**
 * The last line: PASSED, FAILED, INTERRUPTED (never a pass, whatever ran), STOPPED EARLY (the kit stopped sending
 * before the run ended: never a pass) or NOTHING CHECKED, with the counts of errors, warnings and notices, the
 * target, and how many checks judged something.
 */
export function formatVerdict(report: Report, colors: Palette = PLAIN): string {
  const { warnings, infos } = countFindings(report);
  const target = showControlCharacters(report.target);
  const counts = countsLine(report);
  const judged = judgedLine(report);
  switch (verdictOf(report)) {
    case 'interrupted':
      return `${colors.yellow(colors.bold('⚠ INTERRUPTED'))}: ${counts} for ${target} in the ${countOf(report.summary.requests, 'request')} sent before the stop; ${judged}; not a verdict`;
    case 'nothing-judged':
      return `${colors.red(colors.bold('✗ NOTHING CHECKED'))}: every selected check was skipped for ${target} (the reasons are above)`;
    case 'stopped-early': {
      const { cases, plannedCases } = report.summary;
      const stopped =
        report.stoppedEarly !== undefined && cases !== undefined && plannedCases !== undefined
          ? `the kit sent ${cases} of ${countOf(plannedCases, 'case')}`
          : `${stoppedChecks(report).map(showControlCharacters).join(', ')} stopped sending early`;
      return `${colors.red(colors.bold('✗ STOPPED EARLY'))}: ${counts} for ${target}; ${judged}, and ${stopped}; not a pass`;
    }
    case 'passed': {
      const extra = [...(warnings > 0 ? [countOf(warnings, 'warning')] : []), ...(infos > 0 ? [countOf(infos, 'notice')] : [])];
      return `${colors.green(colors.bold('✓ PASSED'))}: ${target} conforms${extra.length > 0 ? ` (${extra.join(', ')})` : ''}; ${judged}`;
    }
    case 'failed':
      return `${colors.red(colors.bold('✗ FAILED'))}: ${counts} for ${target}; ${judged}`;
  }
}

function casesLine(cases: number, planned: number): string {
  return cases === planned ? String(planned) : `${cases} of ${planned} ran`;
}

function printableCheck(check: CheckResult): CheckResult {
  const skipReason = check.skipReason === undefined ? {} : { skipReason: showControlCharacters(check.skipReason) };
  const note = check.note === undefined ? {} : { note: showControlCharacters(check.note) };
  return { ...check, id: showControlCharacters(check.id), title: showControlCharacters(check.title), ...skipReason, ...note };
}

function statusMark(check: CheckResult, colors: Palette): string {
  if (check.status === 'passed') return colors.green('✓');
  if (check.status === 'failed') return colors.red('✗');
  return colors.dim('○');
}

function statusWord(check: CheckResult, colors: Palette): string {
  const word = check.status.padEnd(7);
  if (check.status === 'passed') return colors.green(word);
  if (check.status === 'failed') return colors.red(word);
  return colors.dim(word);
}

function checkDetail(check: CheckResult): string {
  if (check.status === 'skipped') return check.skipReason ?? '';
  const parts = [countOf(check.exchanges, 'exchange')];
  if (check.errors > 0) parts.push(countOf(check.errors, 'error'));
  if (check.warnings > 0) parts.push(countOf(check.warnings, 'warning'));
  return parts.join(', ');
}
