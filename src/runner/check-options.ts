import { ENDPOINTS } from '../checks/check-api/endpoint.js';
import { FAIL_ON_LEVELS } from '../model/diagnostic.js';
import { MAX_SEED, MIN_SEED } from '../model/seed.js';
import { describeReplayProblem } from './replay.js';
import { describeUrlProblem } from './target-url.js';

/** The longest timer Node runs as asked: a longer one fires after 1 ms. */
export const MAX_TIMEOUT_MS = 2_147_483_647;

/** The options `describeCheckOptionsProblem` judges: those of `checkServer` a caller can get wrong at run time. */
export interface CheckOptionValues {
  readonly endpoint?: unknown;
  readonly method?: unknown;
  readonly expect?: unknown;
  readonly failOn?: unknown;
  readonly runs?: unknown;
  readonly seed?: unknown;
  readonly concurrency?: unknown;
  readonly timeoutMs?: unknown;
  readonly authToken?: unknown;
  readonly mediaUrl?: unknown;
  readonly replay?: unknown;
  readonly shrink?: unknown;
  readonly customChecks?: unknown;
  readonly fallbackUrl?: unknown;
}

/**
 * One line saying which option of `checkServer` is wrong and what it accepts, or undefined when all are fine.
 * JavaScript callers get values no type forbids (`Number(process.env.RUNS)` is NaN when the variable is unset),
 * and a NaN concurrency would run nothing and pass, an Infinity timeout would fire after 1 ms.
 * @example describeCheckOptionsProblem({ concurrency: NaN }) // "concurrency must be a whole number of at least 1, not NaN"
 */
export function describeCheckOptionsProblem(options: CheckOptionValues): string | undefined {
  return (
    oneOf('endpoint', options.endpoint, ENDPOINTS) ??
    oneOf('method', options.method, ['POST', 'GET', 'both']) ??
    oneOf('expect', options.expect, ['receive', 'reject', 'any']) ??
    oneOf('failOn', options.failOn, FAIL_ON_LEVELS) ??
    wholeNumber('runs', options.runs, 0, Number.MAX_SAFE_INTEGER) ??
    wholeNumber('seed', options.seed, MIN_SEED, MAX_SEED) ??
    wholeNumber('concurrency', options.concurrency, 1, Number.MAX_SAFE_INTEGER) ??
    milliseconds('timeoutMs', options.timeoutMs, 1, MAX_TIMEOUT_MS) ??
    nonEmptyString('authToken', options.authToken) ??
    mediaUrlProblem(options.mediaUrl) ??
    replayProblem(options) ??
    shrinkProblem(options.shrink) ??
    customChecksProblem(options.customChecks) ??
    fallbackUrlProblem(options.fallbackUrl, options.endpoint)
  );
}

function shown(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : typeof value === 'number' || typeof value === 'boolean' || value === null ? String(value) : typeof value;
}

function oneOf(name: string, value: unknown, allowed: readonly string[]): string | undefined {
  if (value === undefined || (typeof value === 'string' && allowed.includes(value))) return undefined;
  return `${name} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, not ${shown(value)}`;
}

function wholeNumber(name: string, value: unknown, min: number, max: number): string | undefined {
  if (value === undefined || (Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max)) return undefined;
  const range = max === Number.MAX_SAFE_INTEGER ? (min === Number.MIN_SAFE_INTEGER ? 'a whole number' : `a whole number of at least ${min}`) : `a whole number from ${min} to ${max}`;
  return `${name} must be ${range}, not ${shown(value)}`;
}

function milliseconds(name: string, value: unknown, min: number, max: number): string | undefined {
  if (value === undefined || (typeof value === 'number' && value >= min && value <= max)) return undefined;
  return `${name} must be a number of milliseconds from ${min} to ${max}, not ${shown(value)}`;
}

function nonEmptyString(name: string, value: unknown): string | undefined {
  if (value === undefined || (typeof value === 'string' && value !== '')) return undefined;
  return `${name} must be a non-empty string (leave it out to send unsigned requests), not ${value === '' ? 'an empty string' : shown(value)}`;
}

function mediaUrlProblem(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return `mediaUrl must be a URL string, not ${shown(value)}`;
  const problem = describeUrlProblem(value, 'https://media.example.com/faxes');
  return problem && `mediaUrl: ${problem}`;
}

function fallbackUrlProblem(value: unknown, endpoint: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return `fallbackUrl must be a URL string, not ${shown(value)}`;
  // Ignoring it would judge nothing of the fallback and pass: say so instead.
  if (endpoint !== undefined && endpoint !== 'webhook') {
    return `fallbackUrl is played beside a fax URL (endpoint 'webhook'), not with endpoint '${String(endpoint)}'${endpoint === 'fallback' ? ': the URL checked is the fallback itself' : ''}`;
  }
  const problem = describeUrlProblem(value, 'https://fax.example.com/fax-fallback');
  return problem && `fallbackUrl: ${problem}`;
}

function replayProblem(options: CheckOptionValues): string | undefined {
  if (options.replay === undefined) return undefined;
  if (typeof options.replay !== 'string') return `replay must be a replay path string, not ${shown(options.replay)}`;
  if (options.seed === undefined) return 'replay needs the seed of the run it comes from (a finding\'s replay has both)';
  const problem = describeReplayProblem(options.replay);
  return problem && `replay: ${problem}`;
}

function shrinkProblem(value: unknown): string | undefined {
  if (value === undefined || value === false) return undefined;
  if (typeof value !== 'object' || value === null) return `shrink must be false or { maxCases, maxMs }, not ${shown(value)}`;
  // Both bounds are required: an absent one would let shrinking go on without end.
  const budget = value as { maxCases?: unknown; maxMs?: unknown };
  if (budget.maxCases === undefined || budget.maxMs === undefined) return 'shrink needs both maxCases and maxMs (or false to report failures unshrunk)';
  return wholeNumber('shrink.maxCases', budget.maxCases, 0, Number.MAX_SAFE_INTEGER) ?? milliseconds('shrink.maxMs', budget.maxMs, 0, Number.MAX_SAFE_INTEGER);
}

// Each entry is judged with the built-in checks, where a clash of ids can be seen too (`withCustomChecks`).
function customChecksProblem(value: unknown): string | undefined {
  if (value === undefined || Array.isArray(value)) return undefined;
  return `customChecks must be an array of checks made with defineCheck, not ${shown(value)}`;
}
