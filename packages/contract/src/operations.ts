import type { OperationModel, SpecModel } from '@lightfield/codegen';
import { deref, isObject, pathOperations, type Json } from '@lightfield/codegen/json';

/** One operation of the document, with the model's view of it when the model has one. */
export interface SpecOperation {
  /** `operationId`, else `METHOD /path`. */
  name: string;
  httpMethod: string;
  path: string;
  /** The raw operation object (its `$ref`s unresolved). */
  raw: Json;
  /** Path-item and operation parameters, resolved; the operation's win. */
  params: Json[];
  /** The codegen's model of the operation; absent when the model leaves it out. */
  model?: OperationModel;
}

function parameters(doc: Json, ...lists: unknown[]): Json[] {
  const byKey = new Map<string, Json>();
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const p = deref(doc, raw);
      if (isObject(p)) byKey.set(`${String(p['in'])}:${String(p['name'])}`, p);
    }
  }
  return [...byKey.values()];
}

/**
 * Every operation the document declares, whatever its operationId looks like: the contract counts
 * what the spec publishes, not what the generators chose to read.
 */
export function specOperations(model: SpecModel): SpecOperation[] {
  const doc = model.document;
  const byRoute = new Map(model.operations.map((op) => [`${op.httpMethod} ${op.path}`, op]));
  return pathOperations(doc).map(({ route, item, method, op: raw }) => {
    const id = typeof raw['operationId'] === 'string' ? raw['operationId'] : undefined;
    const op = byRoute.get(`${method} ${route}`);
    return {
      name: id ?? `${method.toUpperCase()} ${route}`,
      httpMethod: method,
      path: route,
      raw,
      params: parameters(doc, item['parameters'], raw['parameters']),
      ...(op ? { model: op } : {}),
    };
  });
}

const PHASE: Record<string, number> = { get: 0, post: 1, put: 2, patch: 2, delete: 4 };

function pathParamCount(route: string): number {
  return (route.match(/\{[^}]+\}/g) ?? []).length;
}

/**
 * The order the round-trip calls operations in, so each finds the state it needs: collections
 * before their items, reads and creates before updates, deletes last (deepest first, so
 * `/rooms/{id}/state` goes before the `/rooms/{id}` it belongs to).
 */
export function callOrder(ops: SpecOperation[]): SpecOperation[] {
  const key = (op: SpecOperation): number[] => {
    const depth = pathParamCount(op.path);
    if (op.httpMethod === 'delete') return [1, -depth, -op.path.split('/').length];
    return [0, depth, PHASE[op.httpMethod] ?? 3];
  };
  return [...ops].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
    return a.path.localeCompare(b.path) || a.name.localeCompare(b.name);
  });
}
