import { CURL_CREDENTIAL_VARIABLES, readsCredentialVariables } from '../runner/curl.js';
import type { Finding, Report } from '../runner/report.js';
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

/**
 * Why a report that is not ok is not green, when no failed check says so already: the run was interrupted, or
 * nothing was judged. JUnit renders it as an error testcase and github as an `::error`, so CI never shows green.
 */
export function verdictProblem(report: Report): { readonly type: string; readonly message: string } | undefined {
  if (report.interrupted) {
    return {
      type: 'run-interrupted',
      message: `the run was interrupted (Ctrl-C or SIGTERM) after ${countOf(report.summary.requests, 'request')}: the report covers only the cases that ran and is not a verdict`,
    };
  }
  const checks = groupFindingsByCheck(report).map((group) => group.check);
  if (report.ok || checks.some((check) => check.status === 'failed')) return undefined;
  if (checks.every((check) => check.status === 'skipped')) {
    return { type: 'nothing-judged', message: 'every selected check was skipped: nothing was judged, so the run cannot pass' };
  }
  return { type: 'run-failed', message: `findings at or above --fail-on ${report.failOn} fail the run` };
}
