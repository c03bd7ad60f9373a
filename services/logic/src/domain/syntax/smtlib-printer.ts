import { LogicError } from '../../errors.js';
import type { Formula, Problem, Term } from '../formula.js';
import { universalClosure } from './parser.js';

const SIMPLE_SYMBOL = /^[A-Za-z~!@$%^&*_+=<>.?/-][A-Za-z0-9~!@$%^&*_+=<>.?/-]*$/;
const RESERVED = new Set([
  'and',
  'or',
  'not',
  'xor',
  '=>',
  '=',
  'ite',
  'distinct',
  'true',
  'false',
  'forall',
  'exists',
  'let',
  'match',
  'par',
  '_',
  '!',
  'as',
  'Bool',
  'U',
  'assert',
  'check-sat',
  'declare-fun',
  'declare-sort',
  'define-fun',
  'NUMERAL',
  'DECIMAL',
  'STRING',
  'BINARY',
  'HEXADECIMAL',
]);

function symbol(name: string): string {
  if (SIMPLE_SYMBOL.test(name) && !RESERVED.has(name)) return name;
  return `|${name.replace(/[|\\]/g, '_')}|`;
}

type SymbolKind = 'fn' | 'pred';
interface Signature {
  readonly kind: SymbolKind;
  readonly name: string;
  readonly arity: number;
}

/** Gives every (name, kind, arity) its own SMT-LIB symbol, since SMT-LIB has no overloading by arity. */
class SymbolTable {
  readonly entries = new Map<string, { sig: Signature; printed: string }>();
  private readonly byName = new Map<string, number>();

  use(kind: SymbolKind, name: string, arity: number): string {
    const key = `${kind}/${arity}/${name}`;
    const found = this.entries.get(key);
    if (found !== undefined) return found.printed;
    const count = this.byName.get(name) ?? 0;
    this.byName.set(name, count + 1);
    const printed = symbol(count === 0 ? name : `${name}_${kind}${arity}`);
    this.entries.set(key, { sig: { kind, name, arity }, printed });
    return printed;
  }
}

function printFormula(f: Formula, table: SymbolTable): string {
  const bound: string[] = [];
  const term = (t: Term): string => {
    if (t.kind === 'var') return symbol(t.name);
    if (t.kind === 'const') return table.use('fn', t.name, 0);
    return `(${table.use('fn', t.name, t.args.length)} ${t.args.map(term).join(' ')})`;
  };
  const go = (g: Formula): string => {
    switch (g.kind) {
      case 'true':
        return 'true';
      case 'false':
        return 'false';
      case 'pred': {
        const p = table.use('pred', g.name, g.args.length);
        return g.args.length === 0 ? p : `(${p} ${g.args.map(term).join(' ')})`;
      }
      case 'eq':
        return `(= ${term(g.left)} ${term(g.right)})`;
      case 'not':
        return `(not ${go(g.body)})`;
      case 'modal':
        throw new LogicError(
          'LOGIC_UNPRINTABLE_FORMULA',
          'modal operators must be translated to FOL before SMT-LIB output',
          {
            field: 'formula',
          },
        );
      case 'forall':
      case 'exists': {
        bound.push(...g.variables);
        const body = go(g.body);
        bound.length -= g.variables.length;
        return `(${g.kind} (${g.variables.map((v) => `(${symbol(v)} U)`).join(' ')}) ${body})`;
      }
      case 'and':
        return `(and ${go(g.left)} ${go(g.right)})`;
      case 'or':
        return `(or ${go(g.left)} ${go(g.right)})`;
      case 'implies':
        return `(=> ${go(g.left)} ${go(g.right)})`;
      case 'iff':
        return `(= ${go(g.left)} ${go(g.right)})`;
      case 'xor':
        return `(xor ${go(g.left)} ${go(g.right)})`;
    }
  };
  return go(f);
}

export interface SmtLibPrintOptions {
  /** Assert the negated conjecture (default true), so `unsat` means the conjecture follows. */
  readonly negateConjecture?: boolean;
  /** End with `(check-sat)` (default true); APIs that parse assertions only want it off. */
  readonly checkSat?: boolean;
}

/**
 * Prints a problem as an SMT-LIB 2 script over one uninterpreted sort `U`: declare-sort, declare-fun,
 * one assert per axiom, the negated conjecture, and check-sat.
 */
export function printSmtLib(problem: Problem, options: SmtLibPrintOptions = {}): string {
  const table = new SymbolTable();
  const asserts: string[] = [];
  for (const a of problem.axioms) asserts.push(`(assert ${printFormula(universalClosure(a), table)})`);
  if (problem.conjecture !== undefined) {
    const body = printFormula(universalClosure(problem.conjecture), table);
    asserts.push(options.negateConjecture === false ? `(assert ${body})` : `(assert (not ${body}))`);
  }
  const lines = ['(declare-sort U 0)'];
  for (const { sig, printed } of table.entries.values()) {
    const args = Array.from({ length: sig.arity }, () => 'U').join(' ');
    lines.push(`(declare-fun ${printed} (${args}) ${sig.kind === 'pred' ? 'Bool' : 'U'})`);
  }
  lines.push(...asserts);
  if (options.checkSat !== false) lines.push('(check-sat)');
  return `${lines.join('\n')}\n`;
}
