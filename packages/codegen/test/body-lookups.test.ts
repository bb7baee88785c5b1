import { testSpec } from '@lightfield/testkit';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadSpec } from '../src/load-spec.js';
import { generateTypes } from '../src/targets/types.js';

// The named aliases of bodies reached inline, optionally, or through `$ref` chains. The golden
// files are type-checked by `pnpm typecheck` (tsconfig includes test/): an alias that indexes a
// body openapi-typescript doesn't type there fails it.
const SPEC = testSpec('body-lookups.yaml');

let files: Map<string, string>;
beforeAll(async () => {
  files = await generateTypes(await loadSpec(SPEC));
});

test.each(['aliases.ts', 'openapi.ts'])('%s matches its golden file', async (rel) => {
  await expect(files.get(rel)).toMatchFileSnapshot(`__snapshots__/body-lookups/types/${rel}`);
});

describe('aliases', () => {
  test.each([
    [
      'an optional inline body with a +json media type',
      {
        given: 'NoteCreateParams',
        want: "NonNullable<operations['note.create']['requestBody']>['content']['application/merge-patch+json']",
      },
    ],
    [
      'a response through one $ref',
      {
        given: 'NoteCreateResponse',
        want: "components['responses']['Note']['content']['application/json']",
      },
    ],
    [
      'a response through a chain of $refs',
      {
        given: 'NoteReplaceResponse',
        want: "components['responses']['Note']['content']['application/json']",
      },
    ],
    [
      'a request body through a chain of $refs',
      {
        given: 'NoteReplaceParams',
        want: "components['requestBodies']['NoteBody']['content']['application/json']",
      },
    ],
  ])('%s', (_, { given, want }) => {
    // Prettier may break a long alias anywhere: compare without whitespace.
    const bare = (text: string) => text.replace(/\s+/g, '');
    expect(bare(files.get('aliases.ts')!)).toContain(bare(`export type ${given} = ${want};`));
  });
});
