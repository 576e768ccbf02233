import type { Diagnostic } from '../../model/diagnostic.js';

/** How many other places a merged diagnostic names before it counts the rest. */
const PLACES_SHOWN = 5;

/**
 * One diagnostic per code and severity of a reply: a run reports one finding per check and code, so a second
 * unknown attribute on the same verb (`foo="1" bar="2"`) would vanish behind the first. The first keeps its message,
 * hint and position; the others are named by where they are (`Response/Receive/@bar`), at most five, then counted.
 * @example mergeSameCode([foo, bar])[0].message // '… foo …; also in this reply: Response/Receive/@bar'
 */
export function mergeSameCode(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const groups = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    const key = `${diagnostic.code}\u0000${diagnostic.severity}`;
    const group = groups.get(key);
    if (group) group.push(diagnostic);
    else groups.set(key, [diagnostic]);
  }
  return [...groups.values()].map(([first, ...others]) => {
    if (!first || others.length === 0) return first as Diagnostic;
    const places = others.map((d) => d.path ?? (d.line === undefined ? undefined : `line ${d.line}${d.column === undefined ? '' : `, column ${d.column}`}`) ?? 'another place');
    const shown = places.slice(0, PLACES_SHOWN).join(', ');
    const more = places.length > PLACES_SHOWN ? `, and ${(places.length - PLACES_SHOWN).toLocaleString('en-US')} more` : '';
    return { ...first, message: `${first.message}; also in this reply: ${shown}${more}` };
  });
}
