/**
 * Kubernetes label selectors as the API server accepts them in `?labelSelector=`: `k=v`, `k==v`, `k!=v`,
 * `k in (a,b)`, `k notin (a,b)`, `k` (exists) and `!k` (absent), comma-separated (AND).
 */
export type LabelPredicate = (labels: Readonly<Record<string, string>>) => boolean;

function splitTerms(selector: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      terms.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  if (current.trim() !== '') terms.push(current.trim());
  return terms;
}

function term(text: string): LabelPredicate {
  let match = /^([^\s!=]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(text);
  if (match !== null) {
    const [, key = '', op, list = ''] = match;
    const values = new Set(list.split(',').map((v) => v.trim()));
    return op === 'in'
      ? (l) => l[key] !== undefined && values.has(l[key])
      : (l) => l[key] === undefined || !values.has(l[key]);
  }
  match = /^([^\s!=]+)\s*(==|=|!=)\s*([^\s]*)$/.exec(text);
  if (match !== null) {
    const [, key = '', op, value = ''] = match;
    return op === '!=' ? (l) => l[key] !== value : (l) => l[key] === value;
  }
  if (text.startsWith('!')) {
    const key = text.slice(1).trim();
    return (l) => l[key] === undefined;
  }
  if (/^[^\s!=(),]+$/.test(text)) return (l) => l[text] !== undefined;
  throw new Error(`unable to parse requirement: ${text}`);
}

/** Compiles a selector string; an empty or absent selector matches everything. */
export function parseLabelSelector(selector: string | null | undefined): LabelPredicate {
  if (selector === null || selector === undefined || selector.trim() === '') return () => true;
  const predicates = splitTerms(selector).map(term);
  return (labels) => predicates.every((p) => p(labels));
}

/** The predicate of a `spec.selector` object (`matchLabels` only, plus simple `matchExpressions`). */
export function selectorFromSpec(selector: unknown): LabelPredicate {
  const spec = (selector ?? {}) as {
    matchLabels?: Record<string, string>;
    matchExpressions?: { key: string; operator: string; values?: string[] }[];
  };
  const parts = Object.entries(spec.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const expression of spec.matchExpressions ?? []) {
    const values = (expression.values ?? []).join(',');
    if (expression.operator === 'In') parts.push(`${expression.key} in (${values})`);
    else if (expression.operator === 'NotIn') parts.push(`${expression.key} notin (${values})`);
    else if (expression.operator === 'Exists') parts.push(expression.key);
    else if (expression.operator === 'DoesNotExist') parts.push(`!${expression.key}`);
  }
  return parseLabelSelector(parts.join(','));
}
