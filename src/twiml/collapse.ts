import type { Problem } from './diagnose.js';

/** A problem and how many places in the reply show it. */
export interface RepeatedProblem {
  readonly problem: Problem;
  readonly count: number;
}

interface Entry {
  readonly problem: Problem;
  count: number;
}

/** The first problems of one message; past a few, also by path, so a long list is never searched end to end. */
interface Bucket {
  readonly entries: Entry[];
  byPath?: Map<string | undefined, Entry[]>;
}

// Up to this many distinct problems share a message before they are indexed by path too.
const SHORT_LIST = 8;

/**
 * Merges problems that differ only in their place (15 000 `<Foo/>` are one finding, not 15 000) into the first of
 * them, keeping their order. Linear in the problems: one hash lookup each by message (which names what it is
 * about), and by path when many distinct problems share a message (7 000 attributes whose names are too long to
 * show), then a comparison of the few other fields.
 */
export function collapseRepeats(problems: readonly Problem[]): RepeatedProblem[] {
  if (problems.length === 0) return [];
  const order: Entry[] = [];
  const byMessage = new Map<string, Bucket>();
  for (const problem of problems) {
    let bucket = byMessage.get(problem.message);
    if (!bucket) byMessage.set(problem.message, (bucket = { entries: [] }));
    const candidates = bucket.byPath ? bucket.byPath.get(problem.path) : bucket.entries;
    const first = candidates && firstRepeat(candidates, problem);
    if (first) {
      first.count++;
      continue;
    }
    const entry = { problem, count: 1 };
    order.push(entry);
    bucket.entries.push(entry);
    if (bucket.byPath) addByPath(bucket.byPath, entry);
    else if (bucket.entries.length > SHORT_LIST) {
      bucket.byPath = new Map();
      for (const each of bucket.entries) addByPath(bucket.byPath, each);
    }
  }
  return order;
}

function addByPath(byPath: Map<string | undefined, Entry[]>, entry: Entry): void {
  const same = byPath.get(entry.problem.path);
  if (same) same.push(entry);
  else byPath.set(entry.problem.path, [entry]);
}

// A loop rather than find(): a closure per problem is garbage 15 000 times over.
function firstRepeat(entries: readonly Entry[], problem: Problem): Entry | undefined {
  for (const entry of entries) if (isRepeat(entry.problem, problem)) return entry;
  return undefined;
}

function isRepeat(a: Problem, b: Problem): boolean {
  return a.check === b.check && a.code === b.code && a.severity === b.severity && a.twilioError === b.twilioError && a.hint === b.hint && a.path === b.path;
}
