/**
 * A canonical JSON text of a template: object keys sorted at every depth, so two templates are "the same"
 * exactly when their keys compare equal, whatever order a YAML file or an API server wrote them in.
 * (Kubernetes compares pod templates semantically too, via a hash of the template.)
 */
export function templateKey(template: unknown): string {
  return JSON.stringify(canonical(template));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const child = (value as Record<string, unknown>)[key];
      if (child !== undefined) out[key] = canonical(child);
    }
    return out;
  }
  return value;
}
