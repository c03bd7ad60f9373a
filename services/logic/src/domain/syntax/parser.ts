import { LogicError } from '../../errors.js';
import type { BinaryConnective, Formula, ModalOperator, Problem, Term } from '../formula.js';
import {
  checkFormulaLimits,
  DEFAULT_FORMULA_LIMITS,
  tooDeepError,
  type FormulaLimits,
} from './formula-limits.js';
import { parseError, tokenize, type Token, type TokenKind } from './lexer.js';
import { ALL_MODAL_LETTERS, letterOperator, type ModalLetters } from './modal-letters.js';

/**
 * `standard`: Unicode/ASCII conventions (unbound identifiers are constants);
 * `tptp`: uppercase-initial identifiers are variables even when unbound, and `![X]:` variables are uppercase.
 */
export type Dialect = 'standard' | 'tptp';

export interface ParseOptions {
  /** Defaults to detection: TPTP quantifiers (`![X]:`), `$true`/`$false` or `fof(` mean TPTP. */
  readonly dialect?: Dialect;
  readonly limits?: Partial<FormulaLimits>;
  /** The request field named in errors (default `formula`). */
  readonly field?: string;
  /**
   * Letter operators to read: `deontic` (O, P, F) for SDL, `temporal` (G, F, X) for LTL; absent: none
   * (plain FOL, K–S5), so every letter is a name. See modal-letters.ts for when a letter is an operator.
   */
  readonly modalLetters?: ModalLetters;
}

/** One `fof(name, role, formula).` (or `cnf`) statement of a TPTP file. */
export interface AnnotatedFormula {
  readonly name: string;
  readonly role: string;
  readonly formula: Formula;
}

const TPTP_HINT = /[!?]\s*\[|\$true|\$false|\bfof\s*\(|\bcnf\s*\(/;

/** Detects the dialect of a formula text (see {@link Dialect}). */
export function detectDialect(text: string): Dialect {
  return TPTP_HINT.test(text) ? 'tptp' : 'standard';
}

class Parser {
  private pos = 0;
  private depth = 0;
  private readonly scope: string[] = [];

  constructor(
    private readonly tokens: readonly Token[],
    private readonly dialect: Dialect,
    private readonly maxDepth: number,
    private readonly field: string,
    private readonly modalLetters?: ModalLetters,
  ) {}

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)] as Token;
  }

  next(): Token {
    const t = this.peek();
    if (this.pos < this.tokens.length - 1) this.pos++;
    return t;
  }

  fail(message: string, token: Token = this.peek()): LogicError {
    const e = parseError(message, token.line, token.column);
    return new LogicError('LOGIC_PARSE_ERROR', e.message, { field: this.field, details: e.details });
  }

  expect(kind: TokenKind, what: string): Token {
    const t = this.peek();
    if (t.kind !== kind) throw this.fail(`expected ${what} but found ${describe(t)}`);
    return this.next();
  }

  enter(): void {
    if (++this.depth > this.maxDepth) throw tooDeepError(this.maxDepth, this.field);
  }

  formula(): Formula {
    let left = this.implication();
    for (;;) {
      const k = this.peek().kind;
      if (k !== 'iff') return left;
      this.next();
      left = binary(k, left, this.implication());
    }
  }

  implication(): Formula {
    const left = this.exclusiveDisjunction();
    const k = this.peek().kind;
    if (k === 'implies') {
      this.next();
      return binary('implies', left, this.implication());
    }
    if (k === 'revimplies') {
      this.next();
      return binary('implies', this.exclusiveDisjunction(), left);
    }
    return left;
  }

  /** ⊕ binds between → and ∨ (FOLIO writes `A ⊕ B → C` for `(A ⊕ B) → C`); left-associative. */
  exclusiveDisjunction(): Formula {
    let left = this.disjunction();
    while (this.peek().kind === 'xor') {
      this.next();
      left = binary('xor', left, this.disjunction());
    }
    return left;
  }

  disjunction(): Formula {
    let left = this.conjunction();
    for (;;) {
      const k = this.peek().kind;
      if (k === 'or') {
        this.next();
        left = binary('or', left, this.conjunction());
      } else if (k === 'nor') {
        this.next();
        left = { kind: 'not', body: binary('or', left, this.conjunction()) };
      } else return left;
    }
  }

  conjunction(): Formula {
    let left = this.unary();
    for (;;) {
      const k = this.peek().kind;
      if (k === 'and') {
        this.next();
        left = binary('and', left, this.unary());
      } else if (k === 'nand') {
        this.next();
        left = { kind: 'not', body: binary('and', left, this.unary()) };
      } else return left;
    }
  }

  unary(): Formula {
    this.enter();
    const result = this.unaryInner();
    this.depth--;
    return result;
  }

  private unaryInner(): Formula {
    const t = this.peek();
    switch (t.kind) {
      case 'not':
        this.next();
        return { kind: 'not', body: this.unary() };
      case 'box':
      case 'diamond':
        this.next();
        return { kind: 'modal', op: t.kind, body: this.unary() };
      case 'forall':
      case 'exists':
        this.next();
        return this.standardQuantifier(t.kind);
      case 'tforall':
      case 'texists':
        this.next();
        return this.tptpQuantifier(t.kind === 'tforall' ? 'forall' : 'exists');
      case 'lparen': {
        this.next();
        const inner = this.formula();
        this.expect('rparen', "')'");
        return inner;
      }
      case 'top':
        this.next();
        return { kind: 'true' };
      case 'bottom':
        this.next();
        return { kind: 'false' };
      case 'dollar':
        if (t.text === '$true' || t.text === '$false') {
          this.next();
          return { kind: t.text === '$true' ? 'true' : 'false' };
        }
        throw this.fail(`unsupported defined symbol ${t.text}`);
      case 'ident': {
        if (!t.quoted && (t.text === 'forall' || t.text === 'exists') && this.peek(1).kind === 'ident') {
          this.next();
          return this.standardQuantifier(t.text);
        }
        const op = this.letterOperatorAt(t);
        if (op !== undefined) {
          this.next();
          return { kind: 'modal', op, body: this.unary() };
        }
        return this.atom();
      }
      default:
        throw this.fail(`expected a formula but found ${describe(t)}`);
    }
  }

  /**
   * The operator `t` stands for when it is a letter operator of the requested logic used as one: the
   * next token starts a formula and is not a `(` glued to the letter (that is an application, `F(x)`).
   */
  private letterOperatorAt(t: Token): ModalOperator | undefined {
    if (t.quoted) return undefined;
    const op = letterOperator(this.modalLetters, t.text);
    if (op === undefined) return undefined;
    const following = this.peek(1);
    if (!STARTS_FORMULA.has(following.kind)) return undefined;
    const glued = following.offset === t.offset + t.text.length;
    return glued && following.kind === 'lparen' ? undefined : op;
  }

  /** `∀x,y. body` (maximal scope) or `∀x body` (the body is a unary formula). */
  private standardQuantifier(kind: 'forall' | 'exists'): Formula {
    const variables = [this.variableName(false)];
    while (this.peek().kind === 'comma') {
      this.next();
      variables.push(this.variableName(false));
    }
    const sep = this.peek().kind;
    const maximal = sep === 'dot' || sep === 'colon';
    if (maximal) this.next();
    this.scope.push(...variables);
    const body = maximal ? this.formulaNested() : this.unary();
    this.scope.length -= variables.length;
    return { kind, variables, body };
  }

  private formulaNested(): Formula {
    this.enter();
    const f = this.formula();
    this.depth--;
    return f;
  }

  /** `! [X, Y] : body` where the body is a unary formula, as in the TPTP grammar. */
  private tptpQuantifier(kind: 'forall' | 'exists'): Formula {
    this.expect('lbracket', "'[' after a TPTP quantifier");
    const variables = [this.variableName(true)];
    this.skipTypeAnnotation();
    while (this.peek().kind === 'comma') {
      this.next();
      variables.push(this.variableName(true));
      this.skipTypeAnnotation();
    }
    this.expect('rbracket', "']'");
    this.expect('colon', "':' after the variable list");
    this.scope.push(...variables);
    const body = this.unary();
    this.scope.length -= variables.length;
    return { kind, variables, body };
  }

  private skipTypeAnnotation(): void {
    if (this.peek().kind !== 'colon') return;
    this.next();
    const t = this.next();
    if (t.kind !== 'dollar' && t.kind !== 'ident') throw this.fail('expected a type after ":"', t);
  }

  private variableName(tptpQuantifier: boolean): string {
    const t = this.peek();
    if (t.kind !== 'ident' || t.quoted) throw this.fail(`expected a variable name but found ${describe(t)}`);
    if (tptpQuantifier && this.dialect === 'tptp' && !/^[A-Z]/.test(t.text)) {
      throw this.fail(`TPTP variables start with an uppercase letter: '${t.text}'`);
    }
    this.next();
    return t.text;
  }

  private atom(): Formula {
    const startToken = this.peek();
    const left = this.term();
    const k = this.peek().kind;
    if (k === 'eq' || k === 'neq') {
      this.next();
      const right = this.term();
      const equation: Formula = { kind: 'eq', left, right };
      return k === 'eq' ? equation : { kind: 'not', body: equation };
    }
    if (left.kind === 'var') throw this.fail(`variable '${left.name}' used as a formula`, startToken);
    return { kind: 'pred', name: left.name, args: left.kind === 'fn' ? left.args : [] };
  }

  term(): Term {
    this.enter();
    const t = this.peek();
    if (t.kind !== 'ident') throw this.fail(`expected a term but found ${describe(t)}`);
    this.next();
    let result: Term;
    if (this.peek().kind === 'lparen') {
      this.next();
      const args = [this.term()];
      while (this.peek().kind === 'comma') {
        this.next();
        args.push(this.term());
      }
      this.expect('rparen', "')' closing the argument list");
      result = { kind: 'fn', name: t.text, args };
    } else if (
      !t.quoted &&
      (this.scope.includes(t.text) || (this.dialect === 'tptp' && /^[A-Z]/.test(t.text)))
    ) {
      result = { kind: 'var', name: t.text };
    } else {
      result = { kind: 'const', name: t.text };
    }
    this.depth--;
    return result;
  }

  /** TPTP annotations after the formula are parsed as balanced token groups and ignored. */
  skipBalanced(): void {
    let open = 0;
    for (;;) {
      const t = this.peek();
      if (t.kind === 'eof') throw this.fail('unterminated annotation');
      if (open === 0 && (t.kind === 'rparen' || t.kind === 'comma')) return;
      if (t.kind === 'lparen' || t.kind === 'lbracket') open++;
      if (t.kind === 'rparen' || t.kind === 'rbracket') open--;
      this.next();
    }
  }
}

/** Tokens a formula can begin with. */
const STARTS_FORMULA: ReadonlySet<TokenKind> = new Set<TokenKind>([
  'ident',
  'dollar',
  'forall',
  'exists',
  'tforall',
  'texists',
  'not',
  'box',
  'diamond',
  'lparen',
  'top',
  'bottom',
]);

function describe(t: Token): string {
  return t.kind === 'eof' ? 'end of input' : `'${t.text}'`;
}

function binary(kind: BinaryConnective, left: Formula, right: Formula): Formula {
  return { kind, left, right };
}

function resolveLimits(options: ParseOptions): FormulaLimits {
  return { ...DEFAULT_FORMULA_LIMITS, ...options.limits };
}

/**
 * Parses one formula in Unicode (`∀x (Man(x) → Mortal(x))`), ASCII (`forall x. man(x) -> mortal(x)`)
 * or TPTP syntax (`![X]: (man(X) => mortal(X))`), all with `=` and `≠`/`!=`.
 * Throws LogicError LOGIC_PARSE_ERROR (with line/column), LOGIC_FORMULA_TOO_DEEP or LOGIC_TOO_MANY_QUANTIFIERS.
 */
export function parseFormula(text: string, options: ParseOptions = {}): Formula {
  const limits = resolveLimits(options);
  const field = options.field ?? 'formula';
  const parser = new Parser(tokenize(text), options.dialect ?? detectDialect(text), limits.maxDepth, field, options.modalLetters);
  const f = parser.formula();
  if (parser.peek().kind !== 'eof') {
    const letter = strandedLetter(f, options.modalLetters);
    const error = parser.fail(`unexpected ${describe(parser.peek())} after the formula`);
    if (letter === undefined) throw error;
    throw new LogicError(
      'LOGIC_PARSE_ERROR',
      `${error.message}: '${letter}' is an operator only with logic SDL (O, P, F) or LTL (G, F, X)`,
      { field, details: { ...error.details, modal_letter: letter } },
    );
  }
  checkFormulaLimits(f, limits, field);
  return f;
}

/**
 * The letter when a parse stopped right after a lone operator letter the requested logic does not
 * read (`O p` in FOL): the writer most likely meant the operator of another logic.
 */
function strandedLetter(f: Formula, letters: ModalLetters | undefined): string | undefined {
  if (f.kind !== 'pred' || f.args.length > 0 || !ALL_MODAL_LETTERS.has(f.name)) return undefined;
  return letterOperator(letters, f.name) === undefined ? f.name : undefined;
}

/** Universally closes the free variables of a formula (TPTP cnf clauses are implicitly closed). */
export function universalClosure(f: Formula): Formula {
  const free = freeVariables(f);
  return free.length === 0 ? f : { kind: 'forall', variables: free, body: f };
}

/** Free variables in order of first occurrence. */
export function freeVariables(f: Formula): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const bound: string[] = [];
  const term = (t: Term): void => {
    if (t.kind === 'var') {
      if (!bound.includes(t.name) && !seen.has(t.name)) {
        seen.add(t.name);
        out.push(t.name);
      }
    } else if (t.kind === 'fn') t.args.forEach(term);
  };
  const walk = (g: Formula): void => {
    switch (g.kind) {
      case 'true':
      case 'false':
        return;
      case 'pred':
        g.args.forEach(term);
        return;
      case 'eq':
        term(g.left);
        term(g.right);
        return;
      case 'not':
      case 'modal':
        walk(g.body);
        return;
      case 'forall':
      case 'exists':
        bound.push(...g.variables);
        walk(g.body);
        bound.length -= g.variables.length;
        return;
      default:
        walk(g.left);
        walk(g.right);
    }
  };
  walk(f);
  return out;
}

/**
 * Parses a TPTP FOF/CNF problem text: `fof(name, role, formula[, annotations]).` statements and comments.
 * `include(...)` is rejected with LOGIC_TPTP_INCLUDE_UNSUPPORTED.
 */
export function parseTptp(text: string, options: ParseOptions = {}): AnnotatedFormula[] {
  const limits = resolveLimits(options);
  const field = options.field ?? 'formula';
  const parser = new Parser(tokenize(text), 'tptp', limits.maxDepth, field);
  const out: AnnotatedFormula[] = [];
  while (parser.peek().kind !== 'eof') {
    const head = parser.peek();
    if (head.kind !== 'ident' || head.quoted)
      throw parser.fail(`expected fof(...) but found ${describe(head)}`);
    if (head.text === 'include') {
      throw new LogicError(
        'LOGIC_TPTP_INCLUDE_UNSUPPORTED',
        `include() at line ${head.line}, column ${head.column} is not supported; inline the axioms`,
        {
          field,
          details: { line: head.line, column: head.column },
        },
      );
    }
    if (head.text !== 'fof' && head.text !== 'cnf') {
      throw parser.fail(`only fof(...) and cnf(...) statements are supported, found '${head.text}'`);
    }
    parser.next();
    parser.expect('lparen', "'('");
    const name = parser.expect('ident', 'a formula name').text;
    parser.expect('comma', "','");
    const role = parser.expect('ident', 'a formula role').text;
    parser.expect('comma', "','");
    const body = parser.formula();
    checkFormulaLimits(body, limits, field);
    while (parser.peek().kind === 'comma') {
      parser.next();
      parser.skipBalanced();
    }
    parser.expect('rparen', "')' closing the statement");
    parser.expect('dot', "'.' ending the statement");
    out.push({ name, role, formula: head.text === 'cnf' ? universalClosure(body) : body });
  }
  return out;
}

const AXIOM_ROLES = new Set([
  'axiom',
  'hypothesis',
  'definition',
  'assumption',
  'lemma',
  'theorem',
  'corollary',
  'plain',
]);

/**
 * Turns annotated formulas into a Problem: axiom-like roles become axioms, `conjecture` the conjecture,
 * and a `negated_conjecture` φ the conjecture ¬φ (several negated conjectures are conjoined).
 */
export function problemFromTptp(formulas: readonly AnnotatedFormula[], field = 'formula'): Problem {
  const axioms: Formula[] = [];
  let conjecture: Formula | undefined;
  const negated: Formula[] = [];
  for (const f of formulas) {
    if (AXIOM_ROLES.has(f.role)) axioms.push(universalClosure(f.formula));
    else if (f.role === 'conjecture') {
      if (conjecture !== undefined) throw new LogicError('LOGIC_MULTIPLE_CONJECTURES', undefined, { field });
      conjecture = universalClosure(f.formula);
    } else if (f.role === 'negated_conjecture') negated.push(universalClosure(f.formula));
    else {
      throw new LogicError(
        'LOGIC_TPTP_UNSUPPORTED_ROLE',
        `the role '${f.role}' of ${f.name} is not supported`,
        { field },
      );
    }
  }
  if (negated.length > 0) {
    if (conjecture !== undefined) throw new LogicError('LOGIC_MULTIPLE_CONJECTURES', undefined, { field });
    const conj = negated.reduce((a, b) => ({ kind: 'and', left: a, right: b }));
    conjecture = { kind: 'not', body: conj };
  }
  return conjecture === undefined ? { axioms } : { axioms, conjecture };
}

/** Parses a TPTP problem file into a Problem (see {@link parseTptp} and {@link problemFromTptp}). */
export function parseTptpProblem(text: string, options: ParseOptions = {}): Problem {
  return problemFromTptp(parseTptp(text, options), options.field ?? 'formula');
}
