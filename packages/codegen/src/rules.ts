import { deref, pathOperations, resolvePointer, isObject, pointerOf, type Json } from './json.js';
import type { SpecProblem } from './spec-error.js';
import { checkDerived } from './derived.js';
import { CLIENT_MEMBERS, operationName, RESERVED_MEMBERS } from './naming.js';
import { checkMembers } from './members.js';
import { checkUploads } from './upload.js';
import { checkVariants } from './variants.js';
import { routePath } from './path-templates.js';

type Problem = Omit<SpecProblem, 'file'>;

/** Keys whose values hold no inline schemas: named ones (walked apart) and example data. */
const NOT_SPEC = new Set(['schemas', 'example', 'examples']);
/** Maps, outside components, whose keys are names (a header may be called `x-…`). */
const INLINE_NAME_MAPS = new Set([
  'headers',
  'content',
  'encoding',
  'responses',
  'callbacks',
  'links',
]);

const SCHEMA_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object', 'null']);

/** Checks what generation relies on beyond the OpenAPI structure; returns every problem found. */
export function checkRules(doc: Json): Problem[] {
  return [
    ...checkOperations(doc),
    ...checkRoutePaths(doc),
    ...checkSchemas(doc),
    ...checkVariants(doc).map((p) => ({ ...p, rule: 'variants' })),
    ...checkDerived(doc).map((p) => ({ ...p, rule: 'derived' })),
    ...checkUploads(doc).map((p) => ({ ...p, rule: 'upload' })),
    ...checkMembers(doc).map((p) => ({ ...p, rule: 'members' })),
  ];
}

function checkOperations(doc: Json): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  for (const { route, method, op } of pathOperations(doc)) {
    const at = pointerOf('paths', route, method);
    const { resource, method: name, explicit } = operationName(op, route, method);
    // A derived name is made distinct by the model (see `uniqueOperationNames`); only the
    // spec's own `resource.method` ids must be legal and unique.
    if (!explicit) continue;
    for (const part of [resource, name]) {
      if (RESERVED_MEMBERS.has(part) || (part === resource && CLIENT_MEMBERS.has(part))) {
        problems.push({
          pointer: `${at}/operationId`,
          message: `"${part}" in operation ${resource}.${name} is a reserved name and can't be a client property`,
          rule: 'operation-id',
        });
      }
    }
    const id = `${resource}.${name}`;
    const previous = seen.get(id);
    if (previous) {
      problems.push({
        pointer: `${at}/operationId`,
        message: `operation name "${id}" is already used at #${previous}; operationIds must be unique`,
        rule: 'operation-id-unique',
      });
    } else {
      seen.set(id, at);
    }
  }
  return problems;
}

/** Routes that are one path once their query strings are moved out (see `repairPaths`). */
function checkRoutePaths(doc: Json): Problem[] {
  const seen = new Map<string, string>();
  const problems: Problem[] = [];
  for (const route of Object.keys(isObject(doc['paths']) ? doc['paths'] : {})) {
    const path = routePath(route);
    const other = seen.get(path);
    if (other === undefined) seen.set(path, route);
    else {
      problems.push({
        pointer: pointerOf('paths', route),
        message: `${route} and ${other} are one path, ${path}, once their query strings are sent as query parameters`,
        rule: 'path-query',
      });
    }
  }
  return problems;
}

/** Visits every schema object reachable from components and operations, with its pointer. */
export function walkSchemas(doc: Json, visit: (schema: Json, pointer: string) => void): void {
  const seen = new Set<unknown>();
  const walk = (node: unknown, pointer: string): void => {
    if (!isObject(node) || seen.has(node)) return;
    seen.add(node);
    if (typeof node['$ref'] === 'string') return;
    visit(node, pointer);
    for (const key of [
      'items',
      'additionalProperties',
      'not',
      'contains',
      'propertyNames',
      'if',
      'then',
      'else',
    ]) {
      walk(node[key], `${pointer}/${key}`);
    }
    for (const key of ['allOf', 'anyOf', 'oneOf', 'prefixItems']) {
      const list = node[key];
      if (Array.isArray(list)) list.forEach((s, i) => walk(s, `${pointer}/${key}/${i}`));
    }
    for (const key of ['properties', 'patternProperties', '$defs']) {
      const map = node[key];
      if (isObject(map))
        for (const [k, s] of Object.entries(map)) walk(s, `${pointer}/${key}${pointerOf(k)}`);
    }
  };
  const components = isObject(doc['components']) ? doc['components'] : {};
  const schemas = isObject(components['schemas']) ? components['schemas'] : {};
  for (const [name, schema] of Object.entries(schemas))
    walk(schema, pointerOf('components', 'schemas', name));
  // Inline schemas sit under `schema` keys of parameters, headers and media types. Examples hold
  // data and `x-` extensions anything: a `schema` key in them is no schema of the spec. In a map
  // of names (headers, media types, components), a key is a name, whatever it says.
  const findInline = (node: unknown, pointer: string, names = false): void => {
    if (Array.isArray(node)) node.forEach((n, i) => findInline(n, `${pointer}/${i}`));
    if (!isObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      const at = `${pointer}${pointerOf(key)}`;
      if (names) findInline(value, at);
      else if (key === 'schema') walk(value, at);
      else if (!NOT_SPEC.has(key) && !key.startsWith('x-'))
        findInline(value, at, INLINE_NAME_MAPS.has(key));
    }
  };
  findInline(doc['paths'], '/paths');
  for (const [key, map] of Object.entries(components))
    if (!NOT_SPEC.has(key) && !key.startsWith('x-'))
      findInline(map, pointerOf('components', key), true);
}

function checkSchemas(doc: Json): Problem[] {
  const problems: Problem[] = [];
  walkSchemas(doc, (schema, pointer) => {
    const type = schema['type'];
    if (type === undefined) return;
    const types = Array.isArray(type) ? type : [type];
    for (const t of types) {
      if (typeof t !== 'string' || !SCHEMA_TYPES.has(t)) {
        problems.push({
          pointer: `${pointer}/type`,
          message: `unknown schema type ${JSON.stringify(t)}; expected one of ${[...SCHEMA_TYPES].join(', ')}`,
          rule: 'schema-type',
        });
      }
    }
  });
  return problems;
}

/** Finds `$ref`s that lead back to themselves through references alone. */
export function checkRefCycles(doc: Json): Problem[] {
  const problems: Problem[] = [];
  const reported = new Set<string>();
  const visit = (node: unknown, pointer: string): void => {
    if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${pointer}/${i}`));
    if (!isObject(node)) return;
    if (typeof node['$ref'] === 'string' && deref(doc, node) === undefined) {
      const ref = node['$ref'];
      if (!reported.has(ref) && resolvePointer(doc, ref) !== undefined) {
        reported.add(ref);
        problems.push({
          pointer,
          message: `$ref "${ref}" is circular: it leads back to itself through references alone`,
          rule: 'ref-cycle',
        });
      }
      return;
    }
    for (const [key, value] of Object.entries(node)) visit(value, `${pointer}${pointerOf(key)}`);
  };
  visit(doc, '');
  return problems;
}
