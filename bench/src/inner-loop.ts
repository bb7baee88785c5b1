import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deref, loadSpec } from '@lightfield/codegen';
import { parseDocument } from 'yaml';
import { ROOT, timed } from './exec.js';
import { figure, show, type Section } from './report.js';
import type { Json } from '@lightfield/codegen/json';

const SPEC = path.join(ROOT, 'spec', 'openapi.yaml');
/** What a team runs after a spec edit: regenerate, then rebuild the three published packages. */
const BUILD = ['run', 'build:packages'];
const GOAL_MS = 10_000;

/** An edit of the spec's text: where it applies, and the change. */
interface Edit {
  name: string;
  apply(text: string): Promise<string>;
}

/** The first operation of the spec (by operationId) and where it sits in the document. */
async function firstOperation() {
  const model = await loadSpec(SPEC);
  const op = model.operations[0];
  if (!op) throw new Error('the spec has no operation to edit');
  return { model, op };
}

// Both edits are chosen from whatever spec is in the repository: the first operation's
// description, and a new optional property on its 2xx response schema.
const EDITS: Edit[] = [
  {
    name: 'a description edit',
    async apply(text) {
      const { op } = await firstOperation();
      const doc = parseDocument(text);
      const at = ['paths', op.path, op.httpMethod, 'description'];
      const old = doc.getIn(at);
      doc.setIn(at, `${typeof old === 'string' ? old : (op.summary ?? '')} (edited)`);
      return doc.toString();
    },
  },
  {
    name: 'a new optional property',
    async apply(text) {
      const { model, op } = await firstOperation();
      const ref = op.success.schema?.['$ref'];
      const doc = parseDocument(text);
      const at =
        typeof ref === 'string'
          ? [...ref.slice(2).split('/'), 'properties', 'benchNote']
          : [
              'paths',
              op.path,
              op.httpMethod,
              'responses',
              op.success.status,
              'content',
              'application/json',
              'schema',
              'properties',
              'benchNote',
            ];
      if (!(deref(model.document, op.success.schema) as Json | undefined)?.['properties'])
        throw new Error(`${op.operationId} has no object response to add a property to`);
      doc.setIn(
        at,
        doc.createNode({ type: ['string', 'null'], description: 'A new optional property.' }),
      );
      return doc.toString();
    },
  },
];

/**
 * The team's inner loop: edit the spec, then `pnpm build:packages` (regenerate, rebuild the three
 * published packages) until the packages are rebuilt. Each run starts warm, from the unedited
 * spec's cached build, as a team's does; the spec and the generated files are restored after.
 */
export async function innerLoop(
  runs = Number(process.env['INNER_LOOP_RUNS'] ?? 3),
): Promise<Section> {
  const original = await readFile(SPEC, 'utf8');
  const rows: string[][] = [];
  const goals = [];
  try {
    for (const edit of EDITS) {
      const edited = await edit.apply(original);
      const samples: number[] = [];
      for (let r = 0; r < runs; r++) {
        await writeFile(SPEC, original);
        await timed('pnpm', BUILD); // warm: a cache hit for the unedited spec
        // Every run edits afresh: a cached edit would replay instead of rebuilding.
        await writeFile(
          SPEC,
          edited
            .replace('(edited)', `(edited ${Date.now()})`)
            .replace('A new optional property.', `A new optional property ${Date.now()}.`),
        );
        samples.push(await timed('pnpm', BUILD));
      }
      const f = figure(samples, 'ms');
      rows.push([edit.name, show(f)]);
      goals.push({
        goal: `${edit.name}: rebuilt packages ≤ 10 s`,
        measured: `${(f.median / 1000).toFixed(1)} s`,
        met: f.median <= GOAL_MS,
      });
    }
  } finally {
    await writeFile(SPEC, original);
    await timed('pnpm', BUILD);
  }
  return {
    title: 'Inner loop: spec edit → rebuilt packages',
    table: { head: ['edit', '`pnpm build:packages` wall time'], rows },
    goals,
    notes: [
      'Wall time of `pnpm build:packages` (`generate` and the `build` of @lightfield/types, client and fixtures) after one edit of `spec/openapi.yaml`, starting from the cached build of the unedited spec. The private tooling (bench, release) is not rebuilt: `pnpm build` rebuilds it too.',
    ],
    ranAt: new Date().toISOString(),
  };
}
