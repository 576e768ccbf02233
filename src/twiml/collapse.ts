import type { Problem } from './diagnose.js';

/** A problem and how many places in the reply show it. */
export interface RepeatedProblem {
  readonly problem: Problem;
  readonly count: number;
}

/**
 * Merges problems that differ only in their place (15 000 `<Foo/>` are one finding, not 15 000) into the first of
 * them, keeping their order. Linear in the problems: one hash lookup each, by message (which names what it is
 * about), then a comparison of the few other fields within that message's short list.
 */
export function collapseRepeats(problems: readonly Problem[]): RepeatedProblem[] {
  const order: { problem: Problem; count: number }[] = [];
  const byMessage = new Map<string, { problem: Problem; count: number }[]>();
  for (const problem of problems) {
    const same = byMessage.get(problem.message);
    const first = same?.find((entry) => isRepeat(entry.problem, problem));
    if (first) {
      first.count++;
      continue;
    }
    const entry = { problem, count: 1 };
    order.push(entry);
    if (same) same.push(entry);
    else byMessage.set(problem.message, [entry]);
  }
  return order;
}

function isRepeat(a: Problem, b: Problem): boolean {
  return a.check === b.check && a.code === b.code && a.severity === b.severity && a.twilioError === b.twilioError && a.hint === b.hint && a.path === b.path;
}
