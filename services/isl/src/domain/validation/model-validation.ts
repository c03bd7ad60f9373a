/**
 * Model validation for `POST /api/v1/validation/validate`: checks a causal DAG and, optionally, the
 * structural model built on it, and reports every problem rather than stopping at the first.
 *
 * Field names follow the original API: request `{dag, structural_model?, context?, validation_level}`
 * (basic: structural checks; standard: + statistical; comprehensive: + domain), response
 * `{overall_quality, quality_score, validation_results{structural, statistical, domain}{checks},
 * suggestions, best_practices, explanation}`. Malformed input that cannot be read at all is a 400;
 * a readable but flawed model is a 200 whose checks fail.
 */
import { IslError } from '../../errors.js';
import { compileScm } from '../scm/model.js';
import type { CompiledScm, ScmSpec } from '../scm/model.js';

export type CheckStatus = 'pass' | 'warning' | 'fail';

export interface ValidationCheck {
  name: string;
  status: CheckStatus;
  description: string;
  recommendation?: string;
}

export interface ModelSuggestion {
  type: 'add_edge' | 'remove_edge' | 'add_node' | 'restructure';
  description: string;
  rationale: string;
  confidence: number;
  impact: 'high' | 'medium' | 'low';
}

export interface ValidationRequest {
  dag: { nodes: string[]; edges: ([string, string] | { from: string; to: string })[] };
  structural_model?: ScmSpec;
  context?: { treatment?: string; outcome?: string; domain?: string; [key: string]: unknown };
  validation_level?: 'basic' | 'standard' | 'comprehensive';
}

export interface ValidationResponse {
  overall_quality: 'excellent' | 'good' | 'acceptable' | 'poor';
  quality_score: number;
  validation_results: {
    structural: { checks: ValidationCheck[] };
    statistical: { checks: ValidationCheck[] };
    domain: { checks: ValidationCheck[] };
  };
  suggestions: ModelSuggestion[];
  best_practices: {
    practice: string;
    status: 'followed' | 'partial' | 'not_followed';
    description: string;
  }[];
  explanation: { summary: string; reasoning: string; technical_basis: string; assumptions: string[] };
}

/** Largest graph accepted. */
export const MAX_VALIDATION_NODES = 500;

function readEdges(dag: ValidationRequest['dag']): [string, string][] {
  if (!Array.isArray(dag.edges))
    throw new IslError('ISL_INVALID_INPUT', 'dag.edges must be a list', { field: 'dag.edges' });
  return dag.edges.map((e, i) => {
    const pair = Array.isArray(e) ? e : [e?.from, e?.to];
    if (pair.length !== 2 || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') {
      throw new IslError('ISL_INVALID_INPUT', `dag.edges[${i}] must be [from, to]`, {
        field: `dag.edges[${i}]`,
      });
    }
    return [pair[0], pair[1]];
  });
}

/** A directed cycle among the edges, or undefined. */
function findCycle(nodes: readonly string[], edges: readonly [string, string][]): string[] | undefined {
  const children = new Map<string, string[]>(nodes.map((n) => [n, []]));
  for (const [a, b] of edges) children.get(a)?.push(b);
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (n: string): string[] | undefined => {
    state.set(n, 1);
    stack.push(n);
    for (const c of children.get(n) ?? []) {
      if (state.get(c) === 1) return [...stack.slice(stack.indexOf(c)), c];
      if (state.get(c) === undefined) {
        const found = visit(c);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(n, 2);
    return undefined;
  };
  for (const n of nodes) {
    if (state.get(n) === undefined) {
      const found = visit(n);
      if (found) return found;
    }
  }
  return undefined;
}

function reachable(from: string, edges: readonly [string, string][]): Set<string> {
  const seen = new Set<string>([from]);
  const queue = [from];
  while (queue.length > 0) {
    const n = queue.shift() as string;
    for (const [a, b] of edges)
      if (a === n && !seen.has(b)) {
        seen.add(b);
        queue.push(b);
      }
  }
  return seen;
}

const check = (
  name: string,
  status: CheckStatus,
  description: string,
  recommendation?: string,
): ValidationCheck =>
  recommendation === undefined
    ? { name, status, description }
    : { name, status, description, recommendation };

/**
 * Validates a DAG and optional structural model.
 *
 * @throws IslError ISL_INVALID_INPUT only when the input cannot be read (no node list, malformed edges).
 */
export function validateModel(request: ValidationRequest): ValidationResponse {
  const dag = request.dag;
  if (typeof dag !== 'object' || dag === null || !Array.isArray(dag.nodes)) {
    throw new IslError('ISL_INVALID_INPUT', 'dag must be {nodes, edges}', { field: 'dag' });
  }
  if (dag.nodes.length > MAX_VALIDATION_NODES || dag.nodes.some((n) => typeof n !== 'string')) {
    throw new IslError('ISL_INVALID_INPUT', `dag.nodes must be at most ${MAX_VALIDATION_NODES} strings`, {
      field: 'dag.nodes',
    });
  }
  const level = request.validation_level ?? 'standard';
  if (!['basic', 'standard', 'comprehensive'].includes(level)) {
    throw new IslError('ISL_INVALID_INPUT', 'validation_level must be basic, standard or comprehensive', {
      field: 'validation_level',
    });
  }
  const edges = readEdges(dag);
  const nodes = [...new Set(dag.nodes)];
  const nodeSet = new Set(nodes);
  const suggestions: ModelSuggestion[] = [];

  // Structural checks.
  const structural: ValidationCheck[] = [];
  structural.push(
    nodes.length > 0
      ? check('non_empty', 'pass', `${nodes.length} nodes`)
      : check('non_empty', 'fail', 'The graph has no nodes', 'Add the variables of the decision'),
  );
  const duplicates = dag.nodes.filter((n, i) => dag.nodes.indexOf(n) !== i);
  structural.push(
    duplicates.length === 0
      ? check('unique_nodes', 'pass', 'Every node is declared once')
      : check(
          'unique_nodes',
          'fail',
          `Declared more than once: ${[...new Set(duplicates)].join(', ')}`,
          'Remove the duplicates',
        ),
  );
  const dangling = edges.filter(([a, b]) => !nodeSet.has(a) || !nodeSet.has(b));
  structural.push(
    dangling.length === 0
      ? check('edges_reference_nodes', 'pass', 'Every edge joins declared nodes')
      : check(
          'edges_reference_nodes',
          'fail',
          `Edges with undeclared endpoints: ${dangling.map(([a, b]) => `${a}→${b}`).join(', ')}`,
          'Declare the nodes or remove the edges',
        ),
  );
  for (const [a, b] of dangling)
    for (const n of [a, b])
      if (!nodeSet.has(n) && !suggestions.some((s) => s.description === `Add node ${n}`)) {
        suggestions.push({
          type: 'add_node',
          description: `Add node ${n}`,
          rationale: 'An edge refers to it',
          confidence: 0.9,
          impact: 'high',
        });
      }
  const loops = edges.filter(([a, b]) => a === b);
  structural.push(
    loops.length === 0
      ? check('no_self_loops', 'pass', 'No variable causes itself')
      : check(
          'no_self_loops',
          'fail',
          `Self-loops on ${loops.map(([a]) => a).join(', ')}`,
          'Remove self-loops',
        ),
  );
  const goodEdges = edges.filter(([a, b]) => a !== b && nodeSet.has(a) && nodeSet.has(b));
  const cycle = findCycle(nodes, goodEdges);
  structural.push(
    cycle === undefined
      ? check('acyclic', 'pass', 'The graph has no directed cycle')
      : check(
          'acyclic',
          'fail',
          `Directed cycle: ${cycle.join(' → ')}`,
          'Break the cycle (model feedback over time as separate time-indexed nodes)',
        ),
  );
  if (cycle)
    suggestions.push({
      type: 'restructure',
      description: `Break the cycle ${cycle.join(' → ')}`,
      rationale: 'Causal identification needs an acyclic graph',
      confidence: 0.95,
      impact: 'high',
    });
  const touched = new Set(goodEdges.flatMap(([a, b]) => [a, b]));
  const isolated = nodes.length > 1 ? nodes.filter((n) => !touched.has(n)) : [];
  structural.push(
    isolated.length === 0
      ? check('connected', 'pass', 'Every node has at least one edge')
      : check(
          'connected',
          'warning',
          `Isolated nodes: ${isolated.join(', ')}`,
          'Connect them or remove them',
        ),
  );
  const treatment = request.context?.treatment;
  const outcome = request.context?.outcome;
  if (typeof treatment === 'string' && typeof outcome === 'string') {
    const missing = [treatment, outcome].filter((n) => !nodeSet.has(n));
    if (missing.length > 0) {
      structural.push(
        check(
          'treatment_outcome_path',
          'fail',
          `Not in the graph: ${missing.join(', ')}`,
          'Add them to dag.nodes',
        ),
      );
    } else if (reachable(treatment, goodEdges).has(outcome)) {
      structural.push(
        check('treatment_outcome_path', 'pass', `A directed path leads from ${treatment} to ${outcome}`),
      );
    } else {
      structural.push(
        check(
          'treatment_outcome_path',
          'fail',
          `No directed path from ${treatment} to ${outcome}: the effect is zero by assumption`,
          `Add the mechanism by which ${treatment} affects ${outcome}`,
        ),
      );
      suggestions.push({
        type: 'add_edge',
        description: `Add a path ${treatment} → … → ${outcome}`,
        rationale: 'The question presumes an effect the graph rules out',
        confidence: 0.6,
        impact: 'high',
      });
    }
  }

  // Statistical checks: the structural model against the graph.
  const statistical: ValidationCheck[] = [];
  if (level !== 'basic' && request.structural_model !== undefined) {
    let model: CompiledScm | undefined;
    try {
      model = compileScm(request.structural_model, 'structural_model');
      statistical.push(
        check(
          'equations_valid',
          'pass',
          `${model.endogenous.length} equations parse, reference defined symbols and are acyclic`,
        ),
      );
    } catch (e) {
      if (!(e instanceof IslError)) throw e;
      statistical.push(check('equations_valid', 'fail', e.message, `Fix ${e.field ?? 'the model'}`));
    }
    if (model) {
      const missingEdges: string[] = [];
      for (const v of model.endogenous) {
        for (const input of v.inputs) {
          if (
            nodeSet.has(input) &&
            nodeSet.has(v.name) &&
            !goodEdges.some(([a, b]) => a === input && b === v.name)
          )
            missingEdges.push(`${input}→${v.name}`);
        }
      }
      statistical.push(
        missingEdges.length === 0
          ? check('equations_match_edges', 'pass', 'Every parent read by an equation has an edge')
          : check(
              'equations_match_edges',
              'fail',
              `Equations read parents without edges: ${missingEdges.join(', ')}`,
              'Add the edges or drop the terms',
            ),
      );
      for (const m of missingEdges) {
        suggestions.push({
          type: 'add_edge',
          description: `Add edge ${m}`,
          rationale: 'The structural equation depends on it',
          confidence: 0.9,
          impact: 'high',
        });
      }
      const inputsOf = new Map(model.endogenous.map((v) => [v.name, new Set(v.inputs)]));
      const unused = goodEdges.filter(([a, b]) => inputsOf.has(b) && !inputsOf.get(b)?.has(a));
      statistical.push(
        unused.length === 0
          ? check('edges_used_by_equations', 'pass', 'Every edge into an equation is used')
          : check(
              'edges_used_by_equations',
              'warning',
              `Edges no equation uses: ${unused.map(([a, b]) => `${a}→${b}`).join(', ')}`,
              'Remove them or add the term',
            ),
      );
      for (const [a, b] of unused) {
        suggestions.push({
          type: 'remove_edge',
          description: `Remove edge ${a}→${b}`,
          rationale: `The equation for ${b} does not read ${a}`,
          confidence: 0.7,
          impact: 'medium',
        });
      }
      const deterministic = model.endogenous.filter(
        (v) => !v.inputs.some((s) => model.exogenous.some((u) => u.name === s && u.distribution.sd > 0)),
      );
      statistical.push(
        deterministic.length === 0
          ? check('noise_terms', 'pass', 'Every equation has a random exogenous term')
          : check(
              'noise_terms',
              'warning',
              `Deterministic equations: ${deterministic.map((v) => v.name).join(', ')}`,
              'Add noise terms so uncertainty and counterfactuals are meaningful',
            ),
      );
      const unspecified = model.freeInputs.filter((n) => nodeSet.has(n));
      statistical.push(
        unspecified.length === 0
          ? check('root_distributions', 'pass', 'Every root has a distribution')
          : check(
              'root_distributions',
              'warning',
              `Roots without a distribution: ${unspecified.join(', ')}`,
              'Give each root a distribution, or always supply it as context',
            ),
      );
    }
  } else if (level !== 'basic') {
    statistical.push(
      check(
        'structural_model_present',
        'warning',
        'No structural model given; only the graph was checked',
        'Add structural equations to enable counterfactuals and sensitivity analysis',
      ),
    );
  }

  // Domain checks: conventions that make a model usable by decision makers.
  const domain: ValidationCheck[] = [];
  if (level === 'comprehensive') {
    const density = nodes.length > 1 ? goodEdges.length / ((nodes.length * (nodes.length - 1)) / 2) : 0;
    // Small graphs are naturally dense; density says something only from five nodes on.
    domain.push(
      density <= 0.6 || nodes.length < 5
        ? check('sparsity', 'pass', `Edge density ${density.toFixed(2)}`)
        : check(
            'sparsity',
            'warning',
            `Edge density ${density.toFixed(2)}: nearly every pair is linked`,
            'Keep only edges with a known mechanism',
          ),
    );
    const unreadable = nodes.filter((n) => n.length < 2 || /^[a-z]?\d*$/i.test(n));
    domain.push(
      unreadable.length === 0
        ? check('readable_names', 'pass', 'Node names are descriptive')
        : check(
            'readable_names',
            'warning',
            `Terse node names: ${unreadable.join(', ')}`,
            'Use names a stakeholder understands',
          ),
    );
    domain.push(
      nodes.length <= 30
        ? check('size', 'pass', `${nodes.length} nodes is reviewable`)
        : check('size', 'warning', `${nodes.length} nodes is hard to review`, 'Group related variables'),
    );
    domain.push(
      typeof request.context?.domain === 'string'
        ? check('domain_stated', 'pass', `Domain: ${request.context.domain}`)
        : check('domain_stated', 'warning', 'No domain given in context', 'State the decision domain'),
    );
  }

  const all = [...structural, ...statistical, ...domain];
  const points = all.reduce((s, c) => s + (c.status === 'pass' ? 1 : c.status === 'warning' ? 0.5 : 0), 0);
  const score = all.length > 0 ? Math.round((1000 * points) / all.length) / 10 : 0;
  const structuralFail = structural.some((c) => c.status === 'fail');
  const anyFail = all.some((c) => c.status === 'fail');
  const quality = structuralFail
    ? 'poor'
    : score >= 90 && !anyFail
      ? 'excellent'
      : score >= 75
        ? 'good'
        : score >= 50
          ? 'acceptable'
          : 'poor';
  const statusOf = (name: string): CheckStatus | undefined => all.find((c) => c.name === name)?.status;
  const practice = (
    name: string,
    label: string,
    description: string,
  ): ValidationResponse['best_practices'][number] => {
    const s = statusOf(name);
    return {
      practice: label,
      status: s === 'pass' ? 'followed' : s === 'warning' ? 'partial' : 'not_followed',
      description,
    };
  };
  const failures = all.filter((c) => c.status === 'fail');
  return {
    overall_quality: quality,
    quality_score: score,
    validation_results: {
      structural: { checks: structural },
      statistical: { checks: statistical },
      domain: { checks: domain },
    },
    suggestions,
    best_practices: [
      practice('acyclic', 'Acyclic causal graph', 'Feedback is modelled over time, not as cycles'),
      practice('connected', 'No isolated variables', 'Every variable takes part in the causal story'),
      ...(statusOf('noise_terms')
        ? [practice('noise_terms', 'Explicit noise terms', 'Each equation says what it does not explain')]
        : []),
    ],
    explanation: {
      summary: `Model quality ${quality} (${score}/100) with ${failures.length} failing check(s)`,
      reasoning:
        failures.length > 0 ? failures.map((c) => c.description).join('; ') : 'All required checks pass',
      technical_basis: `${level} validation: ${all.length} checks over the graph${statistical.length > 0 ? ' and structural equations' : ''}`,
      assumptions: ['The graph lists every variable relevant to the decision'],
    },
  };
}
