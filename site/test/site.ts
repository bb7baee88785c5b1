import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Json } from '@lightfield/codegen/json';
import { SITE } from '../src/build.js';

/** One operation of the bundled spec and its TypeScript sample. */
export interface SampleOperation {
  operationId: string;
  method: string;
  path: string;
  summary: string | undefined;
  sample: string | undefined;
}

/** Every operation of the bundled spec that `pnpm run docs` wrote, with its `x-codeSamples` TypeScript source. */
export async function siteOperations(): Promise<SampleOperation[]> {
  const doc = JSON.parse(await readFile(path.join(SITE, 'openapi.json'), 'utf8')) as Json;
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
        sample: samples.find((s) => s.lang === 'TypeScript')?.source,
      });
    }
  }
  return out;
}
