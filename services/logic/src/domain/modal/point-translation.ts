import { not, pred, type Formula, type ModalOperator, type Term } from '../formula.js';

/** How a translation turns `op body`, evaluated at `at`, into first-order logic; `translate` recurses. */
export type ModalClause<P> = (
  op: ModalOperator,
  body: Formula,
  at: P,
  translate: (f: Formula, at: P) => Formula,
) => Formula;

/**
 * Translates `f` evaluated at `point`, the shape every relational translation shares: each predicate gets
 * the point (as `term(point)`) as an extra last argument, equality and constants stay as they are,
 * connectives and quantifiers keep their shape, and `modal` gives the translation's own clause for each
 * modal operator. The standard (world), temporal (time) and bounded (trace position) translations are
 * this walker with their own points and clauses.
 */
export function translateAtPoint<P>(
  f: Formula,
  point: P,
  term: (point: P) => Term,
  modal: ModalClause<P>,
): Formula {
  const go = (g: Formula, at: P): Formula => {
    switch (g.kind) {
      case 'true':
      case 'false':
      case 'eq':
        return g;
      case 'pred':
        return pred(g.name, [...g.args, term(at)]);
      case 'not':
        return not(go(g.body, at));
      case 'forall':
      case 'exists':
        return { kind: g.kind, variables: g.variables, body: go(g.body, at) };
      case 'modal':
        return modal(g.op, g.body, at, go);
      default:
        return { kind: g.kind, left: go(g.left, at), right: go(g.right, at) };
    }
  };
  return go(f, point);
}
