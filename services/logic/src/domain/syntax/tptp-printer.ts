import { LogicError } from '../../errors.js';
import { variableNames, type Formula, type Problem, type Term } from '../formula.js';
import { universalClosure } from './parser.js';

const LOWER_WORD = /^[a-z][A-Za-z0-9_]*$/;
const UPPER_WORD = /^[A-Z][A-Za-z0-9_]*$/;

/** Functor names that are not TPTP lower_words are written as single-quoted atoms. */
function functor(name: string): string {
  return LOWER_WORD.test(name) ? name : `'${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * E rejects a symbol used with two arities or as both predicate and function, so every
 * (kind, name, arity) after the first gets its own name (`p_2`, `p_2_1`, …).
 */
class FunctorNames {
  private readonly byKey = new Map<string, string>();
  private readonly taken = new Set<string>();

  get(kind: 'fn' | 'pred', name: string, arity: number): string {
    const key = `${kind}/${arity}/${name}`;
    let printed = this.byKey.get(key);
    if (printed === undefined) {
      printed = name;
      for (let i = 0; this.taken.has(printed); i++)
        printed = i === 0 ? `${name}_${arity}` : `${name}_${arity}_${i}`;
      this.taken.add(printed);
      this.byKey.set(key, printed);
    }
    return functor(printed);
  }
}

/** Maps variable names onto TPTP upper_words, keeping valid ones and inventing unique others. */
class VariableNames {
  private readonly map = new Map<string, string>();
  private readonly used = new Set<string>();

  constructor(f: Formula) {
    const all = variableNames(f);
    for (const v of all) if (UPPER_WORD.test(v)) this.claim(v, v);
    for (const v of all) {
      if (this.map.has(v)) continue;
      const cleaned = v.replace(/[^A-Za-z0-9_]/g, '_');
      const base = /^[a-z]/.test(cleaned) ? cleaned[0]!.toUpperCase() + cleaned.slice(1) : `X${cleaned}`;
      let candidate = base;
      for (let i = 1; this.used.has(candidate); i++) candidate = `${base}_${i}`;
      this.claim(v, candidate);
    }
  }

  private claim(original: string, printed: string): void {
    this.map.set(original, printed);
    this.used.add(printed);
  }

  get(name: string): string {
    return this.map.get(name) ?? name;
  }
}

const OPERATOR = { and: ' & ', or: ' | ', implies: ' => ', iff: ' <=> ', xor: ' <~> ' } as const;

function isBinary(f: Formula): boolean {
  return f.kind === 'and' || f.kind === 'or' || f.kind === 'implies' || f.kind === 'iff' || f.kind === 'xor';
}

function printWith(f: Formula, vars: VariableNames, functors: FunctorNames): string {
  const term = (t: Term): string =>
    t.kind === 'var'
      ? vars.get(t.name)
      : t.kind === 'const'
        ? functors.get('fn', t.name, 0)
        : `${functors.get('fn', t.name, t.args.length)}(${t.args.map(term).join(',')})`;
  const go = (g: Formula): string => {
    switch (g.kind) {
      case 'true':
        return '$true';
      case 'false':
        return '$false';
      case 'pred':
        return g.args.length === 0
          ? functors.get('pred', g.name, 0)
          : `${functors.get('pred', g.name, g.args.length)}(${g.args.map(term).join(',')})`;
      case 'eq':
        return `${term(g.left)} = ${term(g.right)}`;
      case 'not':
        if (g.body.kind === 'eq') return `${term(g.body.left)} != ${term(g.body.right)}`;
        return `~ ${unit(g.body)}`;
      case 'modal':
        throw new LogicError(
          'LOGIC_UNPRINTABLE_FORMULA',
          'modal operators must be translated to FOL before TPTP output',
          {
            field: 'formula',
          },
        );
      case 'forall':
      case 'exists':
        return `${g.kind === 'forall' ? '!' : '?'} [${g.variables.map((v) => vars.get(v)).join(',')}] : ${unit(g.body)}`;
      default: {
        // & and | chain associatively in TPTP; every other binary operand must be a unit formula.
        const left =
          g.left.kind === g.kind && (g.kind === 'and' || g.kind === 'or') ? go(g.left) : operand(g.left);
        return `${left}${OPERATOR[g.kind]}${operand(g.right)}`;
      }
    }
  };
  /**
   * Binary formulas, equations and quantified formulas are parenthesised where a unit formula is
   * required: the grammar does not need it for quantifiers, but it keeps every reader unambiguous.
   */
  const unit = (g: Formula): string => {
    const text = go(g);
    return isBinary(g) || g.kind === 'eq' || (g.kind === 'not' && g.body.kind === 'eq') ? `(${text})` : text;
  };
  const operand = (g: Formula): string =>
    g.kind === 'forall' || g.kind === 'exists' ? `(${go(g)})` : unit(g);
  return go(f);
}

/** Prints a formula in TPTP FOF syntax (`! [X] : (man(X) => mortal(X))`). */
export function printTptpFormula(f: Formula): string {
  return printWith(f, new VariableNames(f), new FunctorNames());
}

/** Formula names must be TPTP words; anything else is replaced. */
function statementName(name: string, fallback: string): string {
  return LOWER_WORD.test(name) ? name : fallback;
}

export interface TptpPrintOptions {
  /** Names for the axioms, by index (default ax1, ax2, ...). */
  readonly axiomNames?: readonly string[];
  readonly conjectureName?: string;
}

/**
 * Prints a problem as a TPTP FOF file: one `fof(name, axiom, …).` per axiom and one conjecture.
 * Free variables are universally closed, since FOF formulas must be closed; a symbol used with
 * several arities gets one name per arity, since E rejects overloading.
 */
export function printTptpProblem(problem: Problem, options: TptpPrintOptions = {}): string {
  const lines: string[] = [];
  const functors = new FunctorNames();
  const print = (f: Formula): string => {
    const closed = universalClosure(f);
    return printWith(closed, new VariableNames(closed), functors);
  };
  problem.axioms.forEach((a, i) => {
    const name = statementName(options.axiomNames?.[i] ?? `ax${i + 1}`, `ax${i + 1}`);
    lines.push(`fof(${name}, axiom, ${print(a)}).`);
  });
  if (problem.conjecture !== undefined) {
    const name = statementName(options.conjectureName ?? 'goal', 'goal');
    lines.push(`fof(${name}, conjecture, ${print(problem.conjecture)}).`);
  }
  return `${lines.join('\n')}\n`;
}
