import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadSpec, withCodeSamples } from '@lightfield/codegen';
import type { Json } from '@lightfield/codegen/json';
import { ROOT, SITE } from '../src/build.js';

/** One operation of the bundled spec and its TypeScript sample. */
export interface SampleOperation {
  operationId: string;
  method: string;
  path: string;
  summary: string | undefined;
  /** The first tag, which groups the operation in the sidebar. */
  tag: string | undefined;
  sample: string | undefined;
}

/** Every operation of a bundled spec, with its `x-codeSamples` TypeScript source. */
export function operationsOf(doc: Json): SampleOperation[] {
  const out: SampleOperation[] = [];
  for (const [route, item] of Object.entries(doc['paths'] as Record<string, Json>)) {
    for (const [method, op] of Object.entries(item as Record<string, Json>)) {
      if (typeof op?.['operationId'] !== 'string') continue;
      const samples = (op['x-codeSamples'] ?? []) as { lang: string; source: string }[];
      out.push({
        operationId: op['operationId'],
        method,
        path: route,
        summary: typeof op['summary'] === 'string' ? op['summary'] : undefined,
        tag: (op['tags'] as string[] | undefined)?.[0],
        sample: samples.find((s) => s.lang === 'TypeScript')?.source,
      });
    }
  }
  return out;
}

/** The operations of the document the reference page renders, built in-process from the spec. */
export async function specOperations(
  spec = path.join(ROOT, 'spec', 'openapi.yaml'),
): Promise<SampleOperation[]> {
  return operationsOf(await withCodeSamples(await loadSpec(spec)));
}

/** The operations of the bundled spec that `pnpm run docs` wrote beside the page. */
export async function siteOperations(): Promise<SampleOperation[]> {
  return operationsOf(JSON.parse(await readFile(path.join(SITE, 'openapi.json'), 'utf8')) as Json);
}
