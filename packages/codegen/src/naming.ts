import type { Json } from './json.js';

/** `resource.method`: both parts become JavaScript property names in the client. */
export const OPERATION_ID = /^([a-z][A-Za-z0-9]*)\.([a-z][A-Za-z0-9]*)$/;

/**
 * `"list-contacts"` → `listContacts`, `"Deal Stages"` → `dealStages`. Digits may not lead, so
 * `"2fa"` becomes `n2fa`. Returns `''` when nothing usable is left.
 */
export function camel(text: string): string {
  const words = text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const joined = words
    .map((w, i) =>
      i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase(),
    )
    .join('');
  return /^[0-9]/.test(joined) ? `n${joined}` : joined;
}

/** The first path segment that names something: `/v1/crm/contacts/{id}` → `crm`. */
function firstSegment(route: string): string {
  const segments = route.split('/').filter((s) => s && !s.startsWith('{'));
  return segments.find((s) => !/^(v\d+(\.\d+)*|api)$/i.test(s)) ?? segments[0] ?? 'root';
}

/** How a client names an operation: `client[resource][method]`. */
export interface OperationName {
  resource: string;
  method: string;
  /** Whether the name came from an operationId of the form `resource.method`. */
  explicit: boolean;
}

/**
 * The client name of an operation. An operationId of the form `resource.method` is used as is;
 * any other is derived: the resource from the first tag (else the first path segment), the
 * method from the operationId (else the HTTP method and the path), both camelCased.
 */
export function operationName(op: Json, route: string, httpMethod: string): OperationName {
  const id = typeof op['operationId'] === 'string' ? op['operationId'] : '';
  const match = OPERATION_ID.exec(id);
  if (match?.[1] && match[2]) return { resource: match[1], method: match[2], explicit: true };
  const tags = Array.isArray(op['tags']) ? op['tags'].filter((t) => typeof t === 'string') : [];
  const resource = camel(tags[0] ?? '') || camel(firstSegment(route)) || 'root';
  const method = camel(id) || camel(`${httpMethod} ${route.replace(/[{}]/g, '')}`);
  return { resource, method, explicit: false };
}
