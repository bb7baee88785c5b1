import { copyFile, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deref, loadSpec, targets, writeOutput } from '@lightfield/codegen';
import { stringify } from 'yaml';
import { ROOT } from './exec.js';

/** The model `loadSpec` builds. */
export type Model = Awaited<ReturnType<typeof loadSpec>>;

/** The project's spec. */
export const PROJECT_SPEC = path.join(ROOT, 'spec', 'openapi.yaml');

const PACKAGES = path.join(ROOT, 'packages');

/**
 * Writes the types and client generated from `spec` into `dir` (`types/`, `client/`), beside the
 * packages' hand-written code (linked, not copied): the client a spec would ship, as source.
 */
export async function generateInto(spec: string, dir: string): Promise<Model> {
  for (const part of ['types', 'client'])
    await rm(path.join(dir, part), { recursive: true, force: true });
  const model = await loadSpec(spec);
  await writeOutput(path.join(dir, 'types', 'generated'), await targets['types']!(model));
  await writeOutput(path.join(dir, 'client', 'generated'), await targets['client']!(model));
  for (const part of ['core', 'internal'])
    await symlink(
      path.join(PACKAGES, 'client', 'src', part),
      path.join(dir, 'client', part),
      'dir',
    );
  // The types package's own entry and hand-written core, over the regenerated files.
  await copyFile(
    path.join(PACKAGES, 'types', 'src', 'index.ts'),
    path.join(dir, 'types', 'index.ts'),
  );
  await symlink(
    path.join(PACKAGES, 'types', 'src', 'core'),
    path.join(dir, 'types', 'core'),
    'dir',
  );
  return model;
}

/**
 * The spec `model` was built from with only the operations of `resource` (the other paths' operations
 * removed), written into `dir`: what a spec of that one resource generates.
 */
export async function oneResourceSpec(
  model: Model,
  resource: string,
  dir: string,
): Promise<string> {
  const doc = structuredClone(model.document);
  const paths = doc['paths'] as Record<string, unknown>;
  // A path item may be a `$ref`: its operations are removed where it points.
  const item = (route: string) => deref(doc, paths[route]) as Record<string, unknown>;
  for (const op of model.operations)
    if (op.resource !== resource) delete item(op.path)[op.httpMethod];
  for (const route of Object.keys(paths))
    if (!model.operations.some((op) => op.path === route && op.httpMethod in item(route)))
      delete paths[route];
  const file = path.join(dir, `${resource}.yaml`);
  await mkdir(dir, { recursive: true });
  await writeFile(file, stringify(doc, { lineWidth: 0 }));
  return file;
}
