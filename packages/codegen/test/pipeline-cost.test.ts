import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

// Generation loads openapi-typescript (and with it the TypeScript compiler) only when it writes
// types, and through `require`, which costs about half what an `import` does.

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

/** Runs an ES module snippet in a fresh node process; what it printed. */
async function node(code: string): Promise<string> {
  const run = promisify(execFile);
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', code], {
    timeout: 60_000,
  });
  return stdout.trim();
}

describe('generation', () => {
  test(
    'loading the generators loads no TypeScript; writing types loads its CommonJS build',
    {
      timeout: 90_000,
    },
    async () => {
      const code = `import { createRequire } from 'node:module';
await import(${JSON.stringify(`${DIST}index.js`)});
const { openapiTypescript } = await import(${JSON.stringify(`${DIST}targets/types.js`)});
const loaded = () => Object.keys(createRequire(import.meta.url).cache).filter((f) => /\\/(typescript|openapi-typescript)\\//.test(f));
const before = loaded();
openapiTypescript();
console.log(JSON.stringify({ before, after: loaded().map((f) => f.split('node_modules/').pop()) }));`;
      const { before, after } = JSON.parse(await node(code)) as {
        before: string[];
        after: string[];
      };
      expect(before).toEqual([]);
      expect(after).toContain('openapi-typescript/dist/index.cjs');
    },
  );
});
