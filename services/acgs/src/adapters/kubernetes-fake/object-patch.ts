/**
 * The patch formats the fake API server accepts on PATCH. Strategic merge patch is approximated by JSON
 * merge patch (RFC 7386): lists are replaced whole rather than merged by key — enough for the driver,
 * which sends whole templates, and documented as a difference from a real API server.
 */
function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** RFC 7386 JSON merge patch. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return structuredClone(patch);
  const out: Record<string, unknown> = isRecord(target) ? structuredClone(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

interface JsonPatchOperation {
  readonly op: 'add' | 'remove' | 'replace' | 'test' | 'move' | 'copy';
  readonly path: string;
  readonly value?: unknown;
  readonly from?: string;
}

function pointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw new Error(`invalid JSON pointer "${path}"`);
  return path
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(
  document: unknown,
  parts: string[],
): { parent: Record<string, unknown> | unknown[]; key: string } {
  let node = document;
  for (const part of parts.slice(0, -1)) {
    node = Array.isArray(node) ? node[Number(part)] : isRecord(node) ? node[part] : undefined;
    if (node === undefined) throw new Error(`path not found: /${parts.join('/')}`);
  }
  if (!Array.isArray(node) && !isRecord(node)) throw new Error(`path not found: /${parts.join('/')}`);
  return { parent: node, key: parts[parts.length - 1] ?? '' };
}

function read(document: unknown, parts: string[]): unknown {
  let node = document;
  for (const part of parts)
    node = Array.isArray(node) ? node[Number(part)] : isRecord(node) ? node[part] : undefined;
  return node;
}

/** RFC 6902 JSON patch (add, remove, replace, test, move, copy). */
export function jsonPatch(target: unknown, operations: readonly JsonPatchOperation[]): unknown {
  let document = structuredClone(target);
  for (const operation of operations) {
    const parts = pointer(operation.path);
    if (operation.op === 'test') {
      if (JSON.stringify(read(document, parts)) !== JSON.stringify(operation.value))
        throw new Error(`test failed at ${operation.path}`);
      continue;
    }
    const value =
      operation.op === 'move' || operation.op === 'copy'
        ? structuredClone(read(document, pointer(operation.from ?? '')))
        : structuredClone(operation.value);
    if (operation.op === 'move')
      document = jsonPatch(document, [{ op: 'remove', path: operation.from ?? '' }]);
    if (parts.length === 0) {
      document = operation.op === 'remove' ? undefined : value;
      continue;
    }
    const { parent, key } = parentOf(document, parts);
    if (Array.isArray(parent)) {
      const index = key === '-' ? parent.length : Number(key);
      if (operation.op === 'remove') parent.splice(index, 1);
      else if (operation.op === 'replace') parent[index] = value;
      else parent.splice(index, 0, value);
    } else if (operation.op === 'remove') {
      if (!(key in parent)) throw new Error(`path not found: ${operation.path}`);
      delete parent[key];
    } else {
      if (operation.op === 'replace' && !(key in parent))
        throw new Error(`path not found: ${operation.path}`);
      parent[key] = value;
    }
  }
  return document;
}
