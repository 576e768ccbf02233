// Work counted, not time measured: how many characters and array elements a synchronous function makes the
// built-in string, regular-expression and array methods examine. It is deterministic (no clock, no noisy
// neighbours), so "doubling the input doubles the work" can be asserted on a loaded machine. It sees what goes
// through those methods, which is where a parser rescans text (indexOf from the start, a regex over the rest, a
// column counted from the line start with charCodeAt) and where a collapse compares lists (find, some, sort); a
// hand-written loop over `text[i]` alone would escape it.

type Cost = (self: unknown, args: readonly unknown[], result: unknown) => number;

const length = (value: unknown): number => (typeof value === 'string' || Array.isArray(value) ? value.length : 0);
const fromIndex = (args: readonly unknown[], at: number): number => Math.max(0, Number(args[at] ?? 0) || 0);

/** A search from `from` examines up to its match, or to the end. */
const searched: Cost = (self, args, result) => {
  const from = fromIndex(args, 1);
  return typeof result === 'number' && result >= 0 ? result - from + length(args[0]) + 1 : length(self) - from + 1;
};
const includesSearch: Cost = (self, args, result) => (result === true ? length(args[0]) + 1 : length(self) - fromIndex(args, 1) + 1);
const wholeInput: Cost = (self) => length(self) + 1;
const output: Cost = (_self, _args, result) => length(result) + 1;
const one: Cost = () => 1;
const argument: Cost = (_self, args) => length(args[0]) + 1;
/** A string method given a regular expression is counted by the exec calls it makes (see below), not twice. */
const unlessRegExp = (cost: Cost): Cost => (self, args, result) => (args[0] instanceof RegExp ? 0 : cost(self, args, result));

const STRING_COSTS: Record<string, Cost> = {
  indexOf: searched,
  lastIndexOf: wholeInput,
  includes: includesSearch,
  startsWith: argument,
  endsWith: argument,
  slice: output,
  substring: output,
  substr: output,
  charCodeAt: one,
  codePointAt: one,
  charAt: one,
  at: one,
  trim: wholeInput,
  trimStart: wholeInput,
  trimEnd: wholeInput,
  toLowerCase: wholeInput,
  toUpperCase: wholeInput,
  normalize: wholeInput,
  padStart: output,
  padEnd: output,
  repeat: output,
  concat: output,
  localeCompare: wholeInput,
  split: unlessRegExp(wholeInput),
  replace: unlessRegExp(wholeInput),
  replaceAll: unlessRegExp(wholeInput),
  search: unlessRegExp(wholeInput),
  match: unlessRegExp(wholeInput),
  matchAll: unlessRegExp(wholeInput),
};

/** Array searches stop at their match; everything else walks the whole array. */
const arraySearch: Cost = (self, _args, result) => (typeof result === 'number' && result >= 0 ? result + 1 : length(self) + 1);
const ARRAY_COSTS: Record<string, Cost> = {
  indexOf: arraySearch,
  lastIndexOf: wholeInput,
  includes: wholeInput,
  join: wholeInput,
  slice: output,
  concat: output,
  flat: output,
  reverse: wholeInput,
  fill: wholeInput,
  splice: wholeInput,
};
// Methods that call back per element are counted by their callbacks, so `find` costs what it visits.
const ARRAY_CALLBACK_METHODS = ['find', 'findIndex', 'findLast', 'findLastIndex', 'some', 'every', 'filter', 'map', 'flatMap', 'forEach', 'reduce', 'reduceRight', 'sort', 'toSorted'];

let work = 0;
let counting = false;

function instrument(owner: object, name: string, wrap: (original: (...args: unknown[]) => unknown) => (this: unknown, ...args: unknown[]) => unknown): () => void {
  const original = (owner as Record<string, unknown>)[name];
  if (typeof original !== 'function') return () => {};
  Object.defineProperty(owner, name, { value: wrap(original as (...args: unknown[]) => unknown), writable: true, configurable: true });
  return () => Object.defineProperty(owner, name, { value: original, writable: true, configurable: true });
}

function patchAll(): () => void {
  const undo: (() => void)[] = [];
  for (const [name, cost] of Object.entries(STRING_COSTS)) {
    undo.push(instrument(String.prototype, name, (original) => function (this: unknown, ...args) {
      const result = Reflect.apply(original, this, args);
      work += cost(typeof this === 'object' && this !== null ? String(this) : this, args, result);
      return result;
    }));
  }
  for (const [name, cost] of Object.entries(ARRAY_COSTS)) {
    undo.push(instrument(Array.prototype, name, (original) => function (this: unknown, ...args) {
      const result = Reflect.apply(original, this, args);
      work += cost(this, args, result);
      return result;
    }));
  }
  for (const name of ARRAY_CALLBACK_METHODS) {
    undo.push(instrument(Array.prototype, name, (original) => function (this: unknown, ...args) {
      const [callback, ...rest] = args;
      work += 1;
      if (typeof callback !== 'function') return Reflect.apply(original, this, args);
      const counted = function (this: unknown, ...inner: unknown[]) {
        work += 1;
        return Reflect.apply(callback, this, inner);
      };
      return Reflect.apply(original, this, [counted, ...rest]);
    }));
  }
  // With exec replaced, test, search, match, replace and split on a regular expression all call it (the spec's
  // RegExpExec), so this counts every regex scan: from lastIndex (global or sticky) or 0, to the match or the end.
  undo.push(instrument(RegExp.prototype, 'exec', (original) => function (this: unknown, ...args) {
    const regex = this as RegExp;
    const input = String(args[0]);
    const start = regex.global || regex.sticky ? regex.lastIndex : 0;
    const result = Reflect.apply(original, this, args) as RegExpExecArray | null;
    work += result ? result.index + result[0].length - start + 1 : regex.sticky ? 1 : input.length - start + 1;
    return result;
  }));
  // Undone last to first with a plain loop: the array methods are still instrumented while this runs.
  return () => {
    for (let i = undo.length - 1; i >= 0; i--) undo[i]?.();
  };
}

/**
 * Runs `run` (synchronous) and returns the characters and elements the built-in methods examined for it. Build the
 * input before calling, so only the work on it is counted.
 * @example countWork(() => judgeDocument(body, TWILIO_FAX_TWIML))
 */
export function countWork(run: () => unknown): number {
  if (counting) throw new Error('countWork does not nest');
  counting = true;
  work = 0;
  const restore = patchAll();
  let returned: unknown;
  try {
    returned = run();
  } finally {
    restore();
    counting = false;
  }
  if (returned instanceof Promise) throw new Error('countWork counts synchronous work only');
  return work;
}

/** How much more work the input of size 2n costs than the one of size n: 2 for linear work, 4 for quadratic. */
export function growthOnDoubling<T>(input: (n: number) => T, n: number, run: (input: T) => unknown): number {
  const small = input(n);
  const large = input(2 * n);
  const smallWork = countWork(() => run(small));
  const largeWork = countWork(() => run(large));
  if (smallWork === 0) throw new Error('no work counted: the function uses none of the instrumented methods');
  return largeWork / smallWork;
}
