import type { PlannedCase } from '../checks/check-api/types.js';
import { withoutCredentials } from '../secrets/hide-credentials.js';
import { CURL_CREDENTIAL_VARIABLES, shellQuote } from './curl.js';
import type { FaxProfile } from '../protocol/profile.js';
import type { Endpoint } from '../checks/check-api/endpoint.js';
import { EXAMPLE_CASE_IDS, exampleCases, loadGeneratedCases, type PlanProfile } from './plan.js';

/** What replays one case of a run, as fast-check replays a counterexample: the run's seed and the case's path. */
export interface ReplayPoint {
  readonly seed: number;
  /**
   * `example-1`, `example-2` for the fixed examples; for a generated case fast-check's path: `16` is generated case
   * 17 as planned, `16:0:3` a smaller case shrinking reached from it.
   */
  readonly path: string;
}

const GENERATED_PATH = /^\d+(?::\d+)*$/;

/** One line saying why `path` is not a replay path, or undefined when it is one. */
export function describeReplayProblem(path: string): string | undefined {
  if (EXAMPLE_CASE_IDS.includes(path) || GENERATED_PATH.test(path)) return undefined;
  return `'${path}' is not a replay path; copy it from a finding's replay line (e.g. 16:0:3, or ${EXAMPLE_CASE_IDS[0]})`;
}

/** The path that replays a case of the plan as it was planned. */
export function plannedPath(plannedCase: PlannedCase): string {
  return plannedCase.kind === 'example' ? plannedCase.id : String(plannedCase.index);
}

/**
 * The case at `path` of the run with `seed` of `endpoint` under `profile`: a fixed example, or the generated case fast-check reaches by that path
 * (its seed's case `16`, then shrink steps). Same id and label as in the run, so its randomness, and so its
 * requests, are the same. Rejects with a TypeError for a path no run has.
 */
export async function caseAtPath(seed: number, path: string, profile: PlanProfile, endpoint?: Endpoint): Promise<PlannedCase> {
  const problem = describeReplayProblem(path);
  if (problem) throw new TypeError(problem);
  const example = exampleCases(profile, endpoint).find((c) => c.id === path);
  if (example) return example;
  const index = Number(path.split(':')[0]);
  const input = (await loadGeneratedCases()).inputAtPath(seed, path, profile, endpoint);
  if (!input) throw new TypeError(`no case at replay path '${path}' for seed ${seed}; copy the path and the seed from one finding`);
  return { id: `generated-${index + 1}`, label: generatedCaseLabel(path), kind: 'generated', index, input };
}

/** How a report names the generated case at `path`: `generated case 17`, or `generated case 17 (shrunk)` past it. */
export function generatedCaseLabel(path: string): string {
  const [index = '0', ...shrinkSteps] = path.split(':');
  return `generated case ${Number(index) + 1}${shrinkSteps.length > 0 ? ' (shrunk)' : ''}`;
}

/**
 * The command that replays one case for one check: `commandLine` (what repeats the run's configuration, e.g.
 * `twiml-fax-kit check URL --method GET`) with the seed, the path and the check.
 * @example replayCommand(['twiml-fax-kit', 'check', 'http://127.0.0.1:3000/fax'], { seed: 7, path: '16:0:3' }, 'status-code')
 */
export function replayCommand(commandLine: readonly CommandWord[], point: ReplayPoint, check: string): string {
  return [...commandLine, '--seed', String(point.seed), '--replay', point.path, '--checks', check].map(shellWord).join(' ');
}

/** A word of a command line: literal, or one the shell expands (`"http://$FAX_USER:$FAX_PASSWORD@host/fax"`). */
export type CommandWord = string | { readonly expands: string };

function shellWord(word: CommandWord): string {
  return typeof word === 'string' ? shellQuote(word) : `"${word.expands}"`;
}

/**
 * The webhook URL for a command line: as it is, or, when it carries credentials (which no report shows), with
 * `$FAX_USER` and `$FAX_PASSWORD` in their place, as the finding's curl line has them, so the command still reaches
 * a server behind HTTP authentication.
 * @example urlWord('https://fax:pw@example.com/fax') // { expands: 'https://$FAX_USER:$FAX_PASSWORD@example.com/fax' }
 */
export function urlWord(url: string): CommandWord {
  const bare = withoutCredentials(url);
  const at = bare.indexOf('//');
  if (bare === url || at < 0) return url;
  const inQuotes = (text: string): string => text.replace(/[\\"$`]/g, '\\$&');
  const { user, password } = CURL_CREDENTIAL_VARIABLES;
  return { expands: `${inQuotes(bare.slice(0, at + 2))}$${user}:$${password}@${inQuotes(bare.slice(at + 2))}` };
}
