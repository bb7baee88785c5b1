import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tempDir, testSpec } from '@lightfield/testkit';
import { capture, type Captured } from '@lightfield/testkit/capture';
import { main } from '../src/cli.js';
import { loadSpec } from '../src/load-spec.js';
import type { SpecModel } from '../src/spec-model.js';
import { replicateSpecFile } from '../src/synthetic-spec.js';
import { nodeAt, type Json } from '../src/json.js';

/**
 * The spec the generator tests run on: the test specs' widget.yaml, so a change to the project
 * spec never breaks them. Its `widget` resource has the entity model.
 */
export const SPEC = testSpec('widget.yaml');

/** The saved definitions response of widget.yaml's `widget` (an organization's fields). */
export const DEFINITIONS = testSpec('widget-definitions.json');

/** A fresh temp folder: testkit's, which the codegen tests import from here. */
export { tempDir };

/**
 * The model of SPEC with a second resource, `gadget`, copied from `widget`, loaded from
 * `<temp>/spec/two-resources.yaml`: what proves the generators follow the spec alone.
 */
export async function twoResourceModel(): Promise<SpecModel> {
  const file = path.join(await tempDir(), 'spec', 'two-resources.yaml');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, await replicateSpecFile(SPEC, 'widget', ['gadget']));
  return loadSpec(file);
}

/** sha256 of every file below `dir`, by relative path. */
export async function checksums(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, file)] = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
  }
  return out;
}

/** Runs the CLI in-process and captures what it prints. */
export function run(argv: string[]): Promise<Captured> {
  return capture((out, err) => main(argv, out, err));
}

/** The object at `keys` inside a parsed spec, for a test to edit; throws where there is none. */
export function at(doc: unknown, ...keys: string[]): Record<string, unknown> {
  const node = nodeAt(doc as Json, keys);
  if (typeof node !== 'object' || node === null) throw new Error(`no object at /${keys.join('/')}`);
  return node as Record<string, unknown>;
}
