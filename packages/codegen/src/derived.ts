import { isObject, pointerOf, type Json } from './json.js';

/** The extension that declares a field whose value follows from another field. */
export const DERIVED = 'x-lightfield-derived';

/**
 * `x-lightfield-derived` on an entity's field property: the field's value follows from the field
 * `from`, through `map` (a source value or select option label → the derived value or option
 * label). A source value the map lacks gives `null`. The mock and the dataset apply it.
 */
export interface DerivedField {
  from: string;
  map: Record<string, string>;
}

/** The rule a schema node declares, if it declares a well-formed one. */
export function readDerived(node: unknown): DerivedField | undefined {
  const ext = isObject(node) ? node[DERIVED] : undefined;
  if (!isObject(ext) || typeof ext['from'] !== 'string' || !isObject(ext['map'])) return undefined;
  return { from: ext['from'], map: ext['map'] as Record<string, string> };
}

/** The problems of each `x-lightfield-derived` anywhere in the document, as JSON pointers and messages. */
export function checkDerived(doc: Json): { pointer: string; message: string }[] {
  const problems: { pointer: string; message: string }[] = [];
  const visit = (node: unknown, pointer: string): void => {
    if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${pointer}/${i}`));
    if (!isObject(node)) return;
    if (node[DERIVED] !== undefined)
      problems.push(...problemsOf(node[DERIVED], `${pointer}/${DERIVED}`));
    for (const [key, value] of Object.entries(node))
      if (key !== DERIVED) visit(value, `${pointer}${pointerOf(key)}`);
  };
  visit(doc, '');
  return problems;
}

function problemsOf(ext: unknown, at: string): { pointer: string; message: string }[] {
  if (!isObject(ext) || typeof ext['from'] !== 'string' || ext['from'] === '')
    return [{ pointer: at, message: `${DERIVED} needs \`from\`, the key of a field` }];
  if (!isObject(ext['map']) || Object.values(ext['map']).some((v) => typeof v !== 'string'))
    return [
      { pointer: `${at}/map`, message: `${DERIVED}.map must map each source value to a string` },
    ];
  return [];
}
