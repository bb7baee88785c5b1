import { execFile } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { format } from 'prettier';
import { describe, expect, test } from 'vitest';
import { formatTs, formatWith, PRETTIER_OPTIONS } from '../src/format.js';

// Formatting runs in a worker thread beside the rest of generation; these pin what that must keep:
// prettier's output, each call its own result, errors that reach the caller, a process that still
// ends. Generation loads openapi-typescript (and with it the TypeScript compiler) only when it
// writes types, and through `require`, which costs about half what an `import` does.

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

/** Runs an ES module snippet in a fresh node process; what it printed. */
async function node(code: string): Promise<string> {
  const run = promisify(execFile);
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', code], {
    timeout: 60_000,
  });
  return stdout.trim();
}

/** A loosely printed module of `n` functions, as a generator would hand it to prettier. */
function source(n: number): string {
  return Array.from(
    { length: n },
    (_, i) => `export function f${i}(a:string,b:{x:number,y:Array<string>}){return [a,b.x,b.y]}`,
  ).join('\n');
}

describe('generation', () => {
  test('prints what prettier prints, each concurrent call its own result', async () => {
    const sources = [1, 2, 3, 40].map(source);
    const got = await Promise.all(sources.map(formatTs));
    const want = await Promise.all(sources.map((s) => format(s, PRETTIER_OPTIONS)));
    expect(got).toEqual(want);
    expect(await formatWith('#  Title\n*  item', 'markdown')).toBe('# Title\n\n- item\n');
  });

  test("a source prettier can't parse rejects with prettier's message", async () => {
    await expect(formatTs('export const = ;')).rejects.toThrow(/^prettier: .*\(1:14\)/);
    // The worker still formats after a failure.
    expect(await formatTs('let a=1')).toBe('let a = 1;\n');
  });

  test("the formatting doesn't take the calling thread", async () => {
    const big = source(300);
    await formatTs('let warm=1');
    const before = performance.eventLoopUtilization();
    await formatTs(big);
    const { utilization } = performance.eventLoopUtilization(before);
    expect(utilization).toBeLessThan(0.5);
  });

  test(
    'a process that formats still ends, and only once its formatting is done',
    {
      timeout: 90_000,
    },
    async () => {
      const code = `const { formatTs } = await import(${JSON.stringify(`${DIST}format.js`)});
formatTs('let a=1').then((a) =>
  formatTs('let b=2').then((b) => console.log(JSON.stringify([a, b]))),
);`;
      expect(await node(code)).toBe(JSON.stringify(['let a = 1;\n', 'let b = 2;\n']));
    },
  );

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
