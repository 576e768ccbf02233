import { ENDPOINTS, type Endpoint } from './endpoint.js';
import type { Check, CheckConfig, CheckContext, CheckOutcome } from './types.js';

/** What `defineCheck` takes: a `Check` whose `scope` may be left out (`case`). */
export interface CheckDefinition {
  /** Stable kebab-case id (`rejects-unknown-numbers`): `--checks`, `--skip-checks` and every report name the check by it. */
  readonly id: string;
  /** One line for reports: what a server that passes does. */
  readonly title: string;
  /** `case` (the default): runs on every case; `run`: once per run, on the first example case. */
  readonly scope?: 'case' | 'run';
  /** The endpoints whose runs it belongs to (`--endpoint`); absent: `['webhook', 'fallback']`. */
  readonly endpoints?: readonly Endpoint[];
  /** Why the check cannot run in this configuration (e.g. "needs --auth-token"), or undefined when it can. */
  skipReason?(config: CheckConfig): string | undefined;
  /**
   * Looks at one case and returns `judged(issues)` (none: it passed) or `notJudged(reason)`. Diagnostics carry no
   * `check` field: the runner stamps the check's id on them. Send further requests only through `context.send`.
   */
  run(context: CheckContext): Promise<CheckOutcome> | CheckOutcome;
}

/** The ids a check may have: kebab-case, as the built-in checks' (letters and digits, words joined by `-`). */
export const CHECK_ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * Defines a check of your own, which `checkServer`, `describeFaxConformance` and `twiml-fax-kit check
 * --custom-checks FILE` run beside the built-in checks, exactly as one of them: it gets the same context (the case,
 * its exchange, `send` through the run's sender, `random`, `sign`), and its findings reach every reporter, `--checks`
 * and `--skip-checks`, the vitest tests, replay and shrinking. Throws a TypeError for a malformed definition; an id
 * that is a built-in check's is refused when the run starts.
 * @example
 * import { defineCheck, judged, notJudged, issuesOf } from 'twiml-fax-kit/harness';
 *
 * export const repliesQuickly = defineCheck({
 *   id: 'replies-quickly',
 *   title: 'the reply comes within 2 s, well inside the 15 s Twilio allows',
 *   run({ exchange }) {
 *     if (!exchange.response) return notJudged('no reply (see reachable)');
 *     if (exchange.durationMs <= 2_000) return judged();
 *     return judged(issuesOf(exchange, [{ code: 'slow_reply', severity: 'notice', message: `the reply took ${exchange.durationMs} ms` }]));
 *   },
 * });
 * await checkServer({ url: 'http://127.0.0.1:3000/fax' }, { customChecks: [repliesQuickly] });
 */
export function defineCheck(definition: CheckDefinition): Check {
  const problem = describeCheckProblem(definition);
  if (problem) throw new TypeError(`defineCheck: ${problem}`);
  const { id, title, scope = 'case', endpoints, skipReason, run } = definition;
  return Object.freeze({ id, title, scope, ...(endpoints && { endpoints: Object.freeze([...endpoints]) }), ...(skipReason && { skipReason }), run });
}

/**
 * One line saying why `value` is not a check (`defineCheck`'s definition, or a hand-written `Check`), or undefined
 * when it is one. The id, when there is one, is named, so a list of checks says which entry is wrong.
 */
export function describeCheckProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return `a check must be an object with id, title and run, not ${value === null ? 'null' : typeof value}`;
  const { id, title, scope, endpoints, skipReason, run } = value as Record<string, unknown>;
  if (typeof id !== 'string' || !CHECK_ID_PATTERN.test(id)) {
    return `a check's id must be kebab-case (letters and digits, words joined by '-', e.g. 'rejects-unknown-numbers'), not ${typeof id === 'string' ? `'${id}'` : typeof id}`;
  }
  if (typeof title !== 'string' || title.trim() === '') return `check '${id}' needs a title (one line for reports)`;
  if (scope !== undefined && scope !== 'case' && scope !== 'run') return `check '${id}': scope must be 'case' or 'run', not ${String(scope)}`;
  if (endpoints !== undefined && (!Array.isArray(endpoints) || endpoints.length === 0 || !endpoints.every((e) => ENDPOINTS.includes(e as Endpoint)))) {
    return `check '${id}': endpoints must be a non-empty list of ${ENDPOINTS.map((e) => `'${e}'`).join(', ')}`;
  }
  if (skipReason !== undefined && typeof skipReason !== 'function') return `check '${id}': skipReason must be a function`;
  if (typeof run !== 'function') return `check '${id}' needs a run(context) function`;
  return undefined;
}
