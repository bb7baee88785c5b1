import { stringify } from 'yaml';
import { bundleSpec } from './load-spec.js';
import type { Json } from './json.js';

/** English plural of a resource name, as the API's routes use it (`opportunity` → `opportunities`). */
export function plural(name: string): string {
  if (/[^aeiou]y$/.test(name)) return `${name.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(name)) return `${name}es`;
  return `${name}s`;
}

/**
 * Adds resources that copy the entity model of `template` (paths, operations and schemas), as the
 * API does for accounts, contacts and tasks. Tests and benchmarks use it to prove that the
 * generators are driven by the spec alone.
 */
export function replicateResources(doc: Json, template: string, names: readonly string[]): Json {
  const out = structuredClone(doc);
  const paths = out['paths'] as Json;
  // Every components section (schemas, parameters, responses, …): a path may $ref any of them.
  const components = (out['components'] ?? {}) as Record<string, Json>;
  const tags = (out['tags'] ?? []) as Json[];
  const Template = template.charAt(0).toUpperCase() + template.slice(1);
  const prefix = `/v1/${plural(template)}`;
  const own = {
    paths: Object.fromEntries(
      Object.entries(paths).filter(([route]) => route === prefix || route.startsWith(`${prefix}/`)),
    ),
    components: Object.fromEntries(
      Object.entries(components).map(([section, entries]) => [
        section,
        Object.fromEntries(Object.entries(entries).filter(([name]) => name.startsWith(Template))),
      ]),
    ),
    tags: tags.filter((t) => t['name'] === Template),
  };
  const text = JSON.stringify(own);
  for (const name of names) {
    const Name = name.charAt(0).toUpperCase() + name.slice(1);
    const copy = JSON.parse(
      text
        .replaceAll(plural(template), plural(name))
        .replaceAll(Template, Name)
        .replaceAll(template, name),
    ) as typeof own;
    Object.assign(paths, copy.paths);
    for (const [section, entries] of Object.entries(copy.components))
      Object.assign(components[section]!, entries);
    tags.push(...copy.tags);
  }
  return out;
}

/**
 * Reads a spec (bundled with the files its `$ref`s pull in, so the result stands alone wherever it
 * is written), replicates `template` as each of `names`, and returns the new YAML.
 */
export async function replicateSpecFile(
  file: string,
  template: string,
  names: readonly string[],
): Promise<string> {
  const doc = (await bundleSpec(file)) as Json;
  return stringify(replicateResources(doc, template, names), { lineWidth: 0 });
}
