/**
 * Team alignment for `POST /api/v1/team/align`: how well each option satisfies each role, a weighted
 * aggregate across roles, the Pareto front of options with the roles as objectives, and a
 * recommendation with its reason. Field names follow the original API: `perspectives[{role, priorities,
 * constraints, preferred_options}]`, `options[{id, name, attributes}]`; the response's `common_ground`,
 * `aligned_options`, `conflicts`, `recommendation{top_option, rationale, confidence, next_steps}`.
 */
import { IslError } from '../../errors.js';
import { attributeScores } from './attribute-levels.js';
import { paretoFront } from './pareto-front.js';

export interface TeamPerspective {
  role: string;
  priorities: string[];
  constraints: string[];
  preferred_options?: string[];
  /** Influence of this role in the aggregate (default 1). */
  weight?: number;
  /** Explicit importance of attributes for this role; otherwise inferred from `priorities`. */
  attribute_weights?: Record<string, number>;
}

export interface DecisionOption {
  id: string;
  name: string;
  attributes: Record<string, unknown>;
}

export interface TeamAlignmentRequest {
  perspectives: TeamPerspective[];
  options: DecisionOption[];
}

export interface AlignedOption {
  option: string;
  name: string;
  satisfies_roles: string[];
  /** Weighted satisfaction across roles, 0–100. */
  satisfaction_score: number;
  role_scores: Record<string, number>;
  pareto_optimal: boolean;
  tradeoffs: { role: string; gives: string; gets: string }[];
}

export interface TeamAlignmentResponse {
  common_ground: { shared_goals: string[]; shared_constraints: string[]; agreement_level: number };
  aligned_options: AlignedOption[];
  pareto_front: string[];
  conflicts: {
    between: string[];
    about: string;
    severity: 'minor' | 'moderate' | 'major';
    suggestion: string;
  }[];
  recommendation: {
    top_option: string;
    rationale: string;
    confidence: 'high' | 'medium' | 'low';
    next_steps: string[];
  };
  explanation: { summary: string; reasoning: string; technical_basis: string; assumptions: string[] };
}

/** Score at or above which an option counts as satisfying a role. */
export const SATISFIED = 0.6;

// Words in a priority that point at an attribute name (for the common attribute names in the API).
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  speed: ['fast', 'speed', 'quick', 'time-to-market', 'time to market', 'deadline', 'velocity'],
  quality: ['quality', 'polish', 'reliab', 'robust', 'experience', 'ux'],
  cost: ['cost', 'budget', 'cheap', 'spend'],
  acquisition_potential: ['acquisition', 'growth', 'users'],
  revenue: ['revenue', 'income', 'sales'],
  risk: ['risk', 'safe'],
};

const norm = (s: string): string => s.trim().toLowerCase();

/** Importance of each attribute for a role: explicit weights, else priorities that mention it (earlier ones weigh more). */
function roleAttributeWeights(p: TeamPerspective, attributes: readonly string[]): Map<string, number> {
  const weights = new Map<string, number>();
  if (p.attribute_weights) {
    for (const a of attributes) {
      const w = Object.prototype.hasOwnProperty.call(p.attribute_weights, a)
        ? p.attribute_weights[a]
        : undefined;
      if (typeof w === 'number' && w > 0) weights.set(a, w);
    }
    return weights;
  }
  p.priorities.forEach((priority, rank) => {
    const text = norm(priority);
    for (const a of attributes) {
      const words = [norm(a), norm(a).replace(/_/g, ' '), ...(SYNONYMS[norm(a)] ?? [])];
      if (words.some((w) => text.includes(w))) weights.set(a, (weights.get(a) ?? 0) + 1 / (rank + 1));
    }
  });
  return weights;
}

function validate(request: TeamAlignmentRequest): void {
  if (
    !Array.isArray(request.perspectives) ||
    request.perspectives.length < 2 ||
    request.perspectives.length > 20
  ) {
    throw new IslError('ISL_INVALID_INPUT', 'perspectives must list 2 to 20 roles', {
      field: 'perspectives',
    });
  }
  if (!Array.isArray(request.options) || request.options.length < 2 || request.options.length > 50) {
    throw new IslError('ISL_INVALID_INPUT', 'options must list 2 to 50 options', { field: 'options' });
  }
  const ids = new Set<string>();
  request.options.forEach((o, i) => {
    if (ids.has(o.id))
      throw new IslError('ISL_INVALID_INPUT', `options[${i}].id "${o.id}" is duplicated`, {
        field: `options[${i}].id`,
      });
    ids.add(o.id);
  });
  request.perspectives.forEach((p, i) => {
    if (p.weight !== undefined && !(p.weight >= 0 && Number.isFinite(p.weight))) {
      throw new IslError('ISL_INVALID_INPUT', `perspectives[${i}].weight must be a non-negative number`, {
        field: `perspectives[${i}].weight`,
      });
    }
    (p.preferred_options ?? []).forEach((id, j) => {
      if (!ids.has(id)) {
        throw new IslError(
          'ISL_INVALID_INPUT',
          `perspectives[${i}].preferred_options[${j}]: unknown option "${id}"`,
          {
            field: `perspectives[${i}].preferred_options[${j}]`,
          },
        );
      }
    });
  });
  if (request.perspectives.every((p) => (p.weight ?? 1) === 0)) {
    throw new IslError('ISL_INVALID_INPUT', 'at least one perspective needs a positive weight', {
      field: 'perspectives',
    });
  }
}

const r2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * Aligns a team on a decision.
 *
 * Each role scores an option 0–1: the importance-weighted mean of the option's attribute levels for
 * the attributes the role cares about, blended 70/30 with whether the role listed the option as
 * preferred (a role with no matched attribute uses its preferences alone, 0.5 when it has none).
 */
export function alignTeam(request: TeamAlignmentRequest): TeamAlignmentResponse {
  validate(request);
  const { perspectives, options } = request;
  const attributes = [...new Set(options.flatMap((o) => Object.keys(o.attributes ?? {})))].sort();
  const levels = new Map(attributes.map((a) => [a, attributeScores(options.map((o) => o.attributes?.[a]))]));

  const roleScores: number[][] = perspectives.map((p) => {
    const weights = roleAttributeWeights(p, attributes);
    const preferred = new Set(p.preferred_options ?? []);
    return options.map((o, k) => {
      let sum = 0;
      let total = 0;
      for (const [a, w] of weights) {
        const level = levels.get(a)?.[k];
        if (level === undefined) continue;
        sum += w * level;
        total += w;
      }
      const preference = preferred.size === 0 ? 0.5 : preferred.has(o.id) ? 1 : 0;
      return total > 0 ? 0.7 * (sum / total) + 0.3 * preference : preference;
    });
  });

  const totalWeight = perspectives.reduce((s, p) => s + (p.weight ?? 1), 0);
  const aggregate = options.map(
    (_, k) =>
      perspectives.reduce((s, p, r) => s + (p.weight ?? 1) * (roleScores[r]?.[k] ?? 0), 0) / totalWeight,
  );
  const front = new Set(
    paretoFront(options.map((_, k) => perspectives.map((__, r) => roleScores[r]?.[k] ?? 0))),
  );
  const favourite = perspectives.map((_, r) => {
    const scores = roleScores[r] ?? [];
    return scores.indexOf(Math.max(...scores));
  });

  const aligned: AlignedOption[] = options.map((o, k) => ({
    option: o.id,
    name: o.name,
    satisfies_roles: perspectives.filter((_, r) => (roleScores[r]?.[k] ?? 0) >= SATISFIED).map((p) => p.role),
    satisfaction_score: r2(100 * (aggregate[k] ?? 0)),
    role_scores: Object.fromEntries(
      perspectives.map((p, r) => [p.role, r2(100 * (roleScores[r]?.[k] ?? 0))]),
    ),
    pareto_optimal: front.has(k),
    tradeoffs: perspectives.flatMap((p, r) => {
      const fav = favourite[r] ?? k;
      if (fav === k) return [];
      const favOption = options[fav];
      return [
        {
          role: p.role,
          gives: `${r2(100 * ((roleScores[r]?.[fav] ?? 0) - (roleScores[r]?.[k] ?? 0)))} points of satisfaction against ${favOption?.id ?? ''}`,
          gets: `a team score of ${r2(100 * (aggregate[k] ?? 0))} against ${r2(100 * (aggregate[fav] ?? 0))}`,
        },
      ];
    }),
  }));
  aligned.sort((a, b) => b.satisfaction_score - a.satisfaction_score || a.option.localeCompare(b.option));

  const conflicts: TeamAlignmentResponse['conflicts'] = [];
  for (let i = 0; i < perspectives.length; i++) {
    for (let j = i + 1; j < perspectives.length; j++) {
      const fi = favourite[i] ?? 0;
      const fj = favourite[j] ?? 0;
      if (fi === fj) continue;
      // How much each role loses by taking the other's favourite.
      const loss = Math.max(
        (roleScores[i]?.[fi] ?? 0) - (roleScores[i]?.[fj] ?? 0),
        (roleScores[j]?.[fj] ?? 0) - (roleScores[j]?.[fi] ?? 0),
      );
      conflicts.push({
        between: [perspectives[i]?.role ?? '', perspectives[j]?.role ?? ''],
        about: `${perspectives[i]?.role ?? ''} favours ${options[fi]?.id ?? ''}, ${perspectives[j]?.role ?? ''} favours ${options[fj]?.id ?? ''}`,
        severity: loss >= 0.4 ? 'major' : loss >= 0.2 ? 'moderate' : 'minor',
        suggestion: `Compare ${options[fi]?.id ?? ''} and ${options[fj]?.id ?? ''} on the attributes both roles name`,
      });
    }
  }

  // Agreement: 1 minus the mean absolute gap between roles' scores, over role pairs and options.
  let gap = 0;
  let pairs = 0;
  for (let i = 0; i < perspectives.length; i++) {
    for (let j = i + 1; j < perspectives.length; j++) {
      options.forEach((_, k) => {
        gap += Math.abs((roleScores[i]?.[k] ?? 0) - (roleScores[j]?.[k] ?? 0));
        pairs++;
      });
    }
  }
  const agreement = pairs > 0 ? 1 - gap / pairs : 1;
  const shared = (lists: string[][]): string[] => {
    const [first, ...rest] = lists.map((l) => new Map(l.map((x) => [norm(x), x])));
    if (!first) return [];
    return [...first.entries()].filter(([k]) => rest.every((m) => m.has(k))).map(([, v]) => v);
  };

  const top = aligned[0] as AlignedOption;
  const runnerUp = aligned[1];
  const margin = top.satisfaction_score - (runnerUp?.satisfaction_score ?? 0);
  const confidence =
    margin >= 15 && conflicts.every((c) => c.severity !== 'major') ? 'high' : margin >= 5 ? 'medium' : 'low';
  const unsatisfied = perspectives.filter((p) => !top.satisfies_roles.includes(p.role)).map((p) => p.role);
  const rationale =
    `${top.option} has the highest weighted satisfaction (${top.satisfaction_score}/100` +
    `${runnerUp ? `, ${r2(margin)} ahead of ${runnerUp.option}` : ''}) and is Pareto-optimal across roles` +
    (top.satisfies_roles.length > 0 ? `; it satisfies ${top.satisfies_roles.join(', ')}` : '') +
    (unsatisfied.length > 0 ? `; ${unsatisfied.join(', ')} would trade off` : '');

  return {
    common_ground: {
      shared_goals: shared(perspectives.map((p) => p.priorities ?? [])),
      shared_constraints: shared(perspectives.map((p) => p.constraints ?? [])),
      agreement_level: r2(100 * agreement),
    },
    aligned_options: aligned,
    pareto_front: options.filter((_, k) => front.has(k)).map((o) => o.id),
    conflicts,
    recommendation: {
      top_option: top.option,
      rationale,
      confidence,
      next_steps: [
        ...(unsatisfied.length > 0 ? [`Agree mitigations with ${unsatisfied.join(', ')}`] : []),
        `Confirm the attribute assessments of ${top.option}`,
      ],
    },
    explanation: {
      summary: `Recommend ${top.option} (${top.satisfaction_score}/100 across ${perspectives.length} roles)`,
      reasoning:
        'Each role scores options by the attributes its priorities name and its stated preferences; scores are averaged with role weights.',
      technical_basis: 'Weighted additive aggregation; Pareto dominance with roles as objectives',
      assumptions: ['Attribute levels are comparable across options', 'Role weights reflect decision rights'],
    },
  };
}
