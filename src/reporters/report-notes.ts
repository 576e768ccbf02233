import { CURL_CREDENTIAL_VARIABLES, readsCredentialVariables } from '../runner/curl.js';
import type { Finding, Report } from '../model/report.js';
import { countOf } from './text-layout.js';
import { countFindings, groupFindingsByCheck } from './group-findings.js';

/**
 * The line a report says once when its curl lines authenticate: which environment variables they read the
 * webhook URL's credentials from (the report itself never holds the password).
 */
export function credentialsNote(report: Report): string | undefined {
  const reads = report.findings.some((f) => readsCredentialVariables(f.reproduce) || (f.compareWith !== undefined && readsCredentialVariables(f.compareWith)));
  if (!reads) return undefined;
  const { user, password } = CURL_CREDENTIAL_VARIABLES;
  return `curl lines read the webhook URL's HTTP-auth user and password from $${user} and $${password}; export them before running one`;
}

/**
 * The command that replays the case a finding shows; for an in-process handler, which no command reaches, the
 * `checkServer` options that do.
 */
export function replayOf(finding: Finding): string | undefined {
  const replay = finding.replay;
  if (!replay) return undefined;
  return replay.command ?? `checkServer(target, { seed: ${replay.seed}, replay: '${replay.path}', checks: ['${finding.check}'] })`;
}

/** "2 errors, 1 warning" with ", 3 notices" when there are any: a run failed on notices names them. */
export function countsLine(report: Report): string {
  const { errors, warnings, infos } = countFindings(report);
  const counts = [countOf(errors, 'error'), countOf(warnings, 'warning')];
  if (infos > 0) counts.push(countOf(infos, 'notice'));
  return counts.join(', ');
}

/** What a report's verdict line says: the first that applies, in this order. */
export type Verdict = 'interrupted' | 'passed' | 'failed' | 'stopped-early' | 'nothing-judged';

/**
 * The verdict of a report, the same in every reporter: an interrupted run is never anything else; a failed check
 * makes it FAILED whatever else happened; a run the kit stopped early (`stoppedEarly`, or a check's `note`) is not a
 * pass even when what it judged conformed; a run that judged nothing cannot pass.
 */
export function verdictOf(report: Report): Verdict {
  if (report.interrupted) return 'interrupted';
  if (report.ok) return 'passed';
  const checks = groupFindingsByCheck(report).map((group) => group.check);
  if (checks.some((check) => check.status === 'failed')) return 'failed';
  if (report.stoppedEarly !== undefined || checks.some((check) => check.note !== undefined)) return 'stopped-early';
  if (checks.every((check) => check.status === 'skipped')) return 'nothing-judged';
  return 'failed';
}

/** "3 of 14 checks judged something": how much of the run a verdict rests on. */
export function judgedLine(report: Report): string {
  const { summary } = report;
  const judged = summary.judged ?? summary.passed + summary.failed;
  return `${judged} of ${countOf(summary.checks, 'check')} judged something`;
}

/** The checks that stopped sending before the run ended (`CheckResult.note`), by id. */
export function stoppedChecks(report: Report): string[] {
  return report.checks.filter((check) => check.note !== undefined).map((check) => check.id);
}

/**
 * Why a report that is not ok is not green, when no failed check says so already: the run was interrupted or
 * stopped early (said even beside failed checks: the report covers only part of the run), a check stopped sending
 * early, or nothing was judged. JUnit renders it as an error testcase and github as an `::error`, so CI never shows
 * green.
 */
export function verdictProblem(report: Report): { readonly type: string; readonly message: string } | undefined {
  if (report.interrupted) {
    return {
      type: 'run-interrupted',
      message: `the run was interrupted (Ctrl-C or SIGTERM) after ${countOf(report.summary.requests, 'request')}: the report covers only the cases that ran and is not a verdict`,
    };
  }
  if (report.stoppedEarly !== undefined) {
    return { type: 'run-stopped-early', message: `the run stopped early: ${report.stoppedEarly}; the report covers only the cases that ran, so the run cannot pass` };
  }
  if (report.ok || groupFindingsByCheck(report).some((group) => group.check.status === 'failed')) return undefined;
  const verdict = verdictOf(report);
  if (verdict === 'stopped-early') {
    return { type: 'check-stopped-early', message: `${stoppedChecks(report).join(', ')} stopped sending early (the reasons are on the checks): later cases were not judged, so the run cannot pass` };
  }
  if (verdict === 'nothing-judged') {
    return { type: 'nothing-judged', message: 'every selected check was skipped: nothing was judged, so the run cannot pass' };
  }
  return { type: 'run-failed', message: `findings at or above --fail-on ${report.failOn} fail the run` };
}
