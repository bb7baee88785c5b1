import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleSpec, replicateResources } from '@lightfield/codegen';
import { stringify } from 'yaml';
import { parsePointer, type Json } from '@lightfield/codegen/json';

/** One JSON Patch operation (RFC 6902): `add`, `replace` or `remove`. */
export interface PatchOperation {
  op: 'add' | 'replace' | 'remove';
  path: string;
  value?: unknown;
}

/**
 * A corpus entry made from another spec: a spec evolution tried on a copy (`*.derive.json`).
 * `replicate` adds resources that copy a template resource's entity model; `patch` edits the rest.
 */
export interface Derivation {
  /** What the scenario shows. */
  $comment: string;
  /** The spec it starts from, relative to the repository root. */
  from: string;
  replicate?: { template: string; as: string[] };
  patch?: PatchOperation[];
}

/** Applies RFC 6902 `add`/`replace`/`remove` operations to a document, in place. */
export function applyPatch(doc: Json, operations: PatchOperation[]): Json {
  for (const { op, path: pointer, value } of operations) {
    const keys = parsePointer(pointer);
    const last = keys.pop();
    let parent: unknown = doc;
    for (const key of keys) parent = (parent as Json | undefined)?.[key];
    if (last === undefined || typeof parent !== 'object' || parent === null)
      throw new Error(`patch: ${pointer} has no parent in the document`);
    if (Array.isArray(parent)) {
      const index = last === '-' ? parent.length : Number(last);
      if (op === 'add') parent.splice(index, 0, value);
      else if (op === 'replace') parent[index] = value;
      else parent.splice(index, 1);
    } else if (op === 'remove') delete (parent as Json)[last];
    else (parent as Json)[last] = value;
  }
  return doc;
}

/** Writes the spec a derivation describes into `dir`; returns its path. */
export async function deriveSpec(entry: string, root: string, dir: string): Promise<string> {
  const derivation = JSON.parse(await readFile(entry, 'utf8')) as Derivation;
  // Bundled: the derived spec is written elsewhere, where the source's relative $refs would break.
  let doc = (await bundleSpec(path.resolve(root, derivation.from))) as Json;
  if (derivation.replicate)
    doc = replicateResources(doc, derivation.replicate.template, derivation.replicate.as);
  applyPatch(doc, derivation.patch ?? []);
  const file = path.join(dir, `${path.basename(entry, '.derive.json')}.yaml`);
  await mkdir(dir, { recursive: true });
  await writeFile(file, stringify(doc, { lineWidth: 0 }));
  return file;
}
