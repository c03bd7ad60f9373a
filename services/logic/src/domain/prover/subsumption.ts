import type { Literal } from './clause.js';
import { match, Subst } from './terms.js';

function matchLiteral(p: Literal, t: Literal, s: Subst): boolean {
  if (p.pos !== t.pos) return false;
  const mark = s.mark();
  if (match(p.l, t.l, s) && match(p.r, t.r, s)) return true;
  s.undo(mark);
  if (match(p.l, t.r, s) && match(p.r, t.l, s)) return true;
  s.undo(mark);
  return false;
}

function search(general: readonly Literal[], specific: readonly Literal[], i: number, used: boolean[], s: Subst): boolean {
  if (i === general.length) return true;
  const p = general[i] as Literal;
  for (let j = 0; j < specific.length; j++) {
    if (used[j]) continue;
    const t = specific[j] as Literal;
    if (p.pos !== t.pos) continue;
    const mark = s.mark();
    used[j] = true;
    // Both orientations: a literal may match either way and only one may extend to a solution.
    if (match(p.l, t.l, s) && match(p.r, t.r, s) && search(general, specific, i + 1, used, s)) return true;
    s.undo(mark);
    if (match(p.l, t.r, s) && match(p.r, t.l, s) && search(general, specific, i + 1, used, s)) return true;
    s.undo(mark);
    used[j] = false;
  }
  return false;
}

/**
 * θ-subsumption: some substitution maps every literal of `general` onto a distinct literal of
 * `specific` (multiset subsumption, so a clause never subsumes its own factor). Equations match
 * in both orientations.
 */
export function subsumes(general: readonly Literal[], specific: readonly Literal[]): boolean {
  if (general.length > specific.length) return false;
  // Cheap necessary condition first: every general literal matches some specific literal alone.
  const s = new Subst();
  for (const p of general) {
    let found = false;
    for (const t of specific) {
      if (matchLiteral(p, t, s)) {
        found = true;
        s.undo(0);
        break;
      }
    }
    if (!found) return false;
  }
  return search(general, specific, 0, new Array<boolean>(specific.length).fill(false), s);
}

/**
 * Subsumption resolution with a unit: true when `unit` (after matching) is the complement of `lit`,
 * so `lit` can be deleted from its clause.
 */
export function unitCuts(unit: Literal, lit: Literal): boolean {
  if (unit.pos === lit.pos) return false;
  return matchLiteral({ ...unit, pos: lit.pos }, lit, new Subst());
}
