/** The label every Kubernetes object and pod template must carry. */
export const HASH_LABEL = 'constitutional-hash';

/** One parsed document of a manifest file. */
export interface ManifestDocument {
  /** File name (or other origin) for messages. */
  readonly source: string;
  /** Position of the document in its file, from 0. */
  readonly index: number;
  readonly object: unknown;
}

/** A missing or wrong `constitutional-hash` label, located precisely. */
export interface LabelViolation {
  /** e.g. `deploy/k8s/iss.yaml#1 Deployment/iss spec.template.metadata.labels.constitutional-hash` */
  readonly path: string;
  readonly message: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function checkLabels(
  holder: unknown,
  at: string,
  expected: string,
  where: string,
  out: LabelViolation[],
): void {
  const metadata = isRecord(holder) ? holder['metadata'] : undefined;
  const labels = isRecord(metadata) ? metadata['labels'] : undefined;
  const path = `${where} ${at === '' ? '' : `${at}.`}metadata.labels.${HASH_LABEL}`;
  if (!isRecord(labels) || !Object.hasOwn(labels, HASH_LABEL)) {
    out.push({ path, message: `missing label "${HASH_LABEL}" (expected "${expected}")` });
    return;
  }
  const value = labels[HASH_LABEL];
  if (value !== expected) {
    out.push({ path, message: `expected exactly "${expected}", got ${JSON.stringify(value)}` });
  }
}

/**
 * Pod (and job) templates inside an object's spec, by path: `spec.template` (Deployment, StatefulSet,
 * DaemonSet, ReplicaSet, Job), `spec.jobTemplate` and `spec.jobTemplate.spec.template` (CronJob). The
 * walk is generic so templates of other workload kinds are found too.
 */
function templatesIn(value: unknown, at: string, out: { path: string; template: unknown }[]): void {
  if (!isRecord(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if (!isRecord(child)) continue;
    const path = `${at}.${key}`;
    if (key === 'template' || key === 'jobTemplate') out.push({ path, template: child });
    if (key === 'spec' || key === 'template' || key === 'jobTemplate') templatesIn(child, path, out);
  }
}

function checkObject(object: unknown, where: string, expected: string, out: LabelViolation[]): void {
  if (!isRecord(object) || typeof object['kind'] !== 'string') {
    out.push({ path: where, message: 'not a Kubernetes object (no kind)' });
    return;
  }
  const kind = object['kind'];
  if (kind.endsWith('List') && Array.isArray(object['items'])) {
    object['items'].forEach((item, i) => checkObject(item, `${where}.items[${i}]`, expected, out));
    return;
  }
  const metadata = object['metadata'];
  const name = isRecord(metadata) && typeof metadata['name'] === 'string' ? metadata['name'] : '?';
  const label = `${where} ${kind}/${name}`;
  checkLabels(object, '', expected, label, out);
  const templates: { path: string; template: unknown }[] = [];
  if (isRecord(object['spec'])) templatesIn(object['spec'], 'spec', templates);
  if (kind === 'PodTemplate' && isRecord(object['template']))
    templates.push({ path: 'template', template: object['template'] });
  for (const { path, template } of templates) checkLabels(template, path, expected, label, out);
}

/**
 * Checks that every object — pod templates included — carries label `constitutional-hash` with EXACTLY
 * the configured hash. Empty documents (a trailing `---`) are skipped; `*List` objects are checked item by
 * item. Returns every violation with its path; an empty list means the manifests pass.
 */
export function validateManifestLabels(
  documents: readonly ManifestDocument[],
  expected: string,
): LabelViolation[] {
  const out: LabelViolation[] = [];
  for (const document of documents) {
    if (document.object === null || document.object === undefined) continue;
    checkObject(document.object, `${document.source}#${document.index}`, expected, out);
  }
  return out;
}
