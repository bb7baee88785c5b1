import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  BaseResolver,
  bundle,
  createConfig,
  getLineColLocation,
  lint,
  parseYaml,
  type Config,
  type NormalizedProblem,
} from '@redocly/openapi-core';
import { LineCounter, parseDocument, isNode, type Document as YamlDocument } from 'yaml';
import { parsePointer } from './json-pointer.js';
import { checkRefCycles, checkRules } from './rules.js';
import { SpecError, type SpecProblem } from './spec-error.js';
import { buildModel, type SpecModel } from './spec-model.js';
import { dropUrlExamples } from './url-examples.js';

/**
 * The default size limit of a spec: 128 MiB, above the largest public specs (GitHub's is 13 MB,
 * 78 MB dereferenced).
 * Generators hold the whole document in memory several times, so a limit keeps a runaway input
 * from taking the machine; `maxSpecBytes` (`--max-spec-bytes`, `maxSpecBytes` in the project
 * config) moves it.
 */
export const MAX_SPEC_BYTES = 128 * 1024 * 1024;

/** Options of {@link loadSpec}. */
export interface LoadSpecOptions {
  /** A redocly config file; without it only structural rules run (what generation needs). */
  redoclyConfig?: string;
  /** Also fail on redocly warnings (used by `lint`). */
  strict?: boolean;
  /** Run redocly's lint rules; on by default with a config or `strict`, off for generation. */
  lint?: boolean;
  /** Refuse a spec file larger than this many bytes (default {@link MAX_SPEC_BYTES}). */
  maxSpecBytes?: number;
}

/**
 * Reads, lints, bundles and checks a spec, then builds the model every generator reads.
 * Throws {@link SpecError} naming the file and JSON pointer of every problem.
 */
export async function loadSpec(file: string, options: LoadSpecOptions = {}): Promise<SpecModel> {
  const absolute = path.resolve(file);
  const text = await readSource(absolute, options.maxSpecBytes ?? MAX_SPEC_BYTES);
  // js-yaml (redocly's) parses fast; the line-tracking parser only runs when a problem needs a line.
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch {
    parseWithLines(absolute, text);
    throw new SpecError([{ file: absolute, pointer: '', message: 'invalid YAML', rule: 'parse' }]);
  }
  let lines: { yaml: YamlDocument; lineCounter: LineCounter } | undefined;
  const at = (p: SpecProblem) => locate(p, (lines ??= parseWithLines(absolute, text)));
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new SpecError([
      {
        file: absolute,
        pointer: '',
        line: 1,
        column: 1,
        message: 'the spec is not a YAML mapping',
        rule: 'parse',
      },
    ]);
  }
  const version = checkVersion(absolute, raw as Record<string, unknown>);
  if (version) throw new SpecError([at(version)]);
  // redocly's resolver throws on a reference cycle, so cycles are found before it runs.
  const cycles = checkRefCycles(raw as Record<string, unknown>);
  if (cycles.length > 0) throw new SpecError(cycles.map((p) => at({ ...p, file: absolute })));

  const config = options.redoclyConfig
    ? await createConfig(await readFile(options.redoclyConfig, 'utf8'), {
        configPath: options.redoclyConfig,
      })
    : await structuralConfig();
  const resolver = new BaseResolver(config.resolve);
  // Generation skips redocly's lint (the `lint` task runs it): the bundle still fails on an
  // unresolved $ref, and the rules below check what generation relies on.
  if (options.lint ?? Boolean(options.redoclyConfig || options.strict)) {
    const lintProblems = await unexpected(absolute, () =>
      lint({ ref: absolute, config, externalRefResolver: resolver }),
    );
    const failing = lintProblems.filter(
      (p) => p.severity === 'error' || (options.strict && p.severity === 'warn'),
    );
    if (failing.length > 0) throw new SpecError(failing.map(fromRedocly));
  }

  const notes: string[] = [];
  const document = await bundleFiles(absolute, config, resolver, notes);

  const ruleProblems = checkRules(document).map((p) => at({ ...p, file: absolute }));
  if (ruleProblems.length > 0) throw new SpecError(ruleProblems);

  const hash = createHash('sha256').update(JSON.stringify(document)).digest('hex');
  return buildModel({ file: absolute, document, hash, notes });
}

/**
 * Reads a spec and every file its `$ref`s pull in, and bundles them into one document with local
 * `$ref`s only, without the checks generation runs: what `spec:diff` compares. Throws
 * {@link SpecError} on a missing, empty or oversized file and on an unresolved `$ref`.
 */
export async function bundleSpec(
  file: string,
  options: Pick<LoadSpecOptions, 'maxSpecBytes'> = {},
): Promise<Record<string, unknown>> {
  const absolute = path.resolve(file);
  await readSource(absolute, options.maxSpecBytes ?? MAX_SPEC_BYTES);
  const config = await structuralConfig();
  return bundleFiles(absolute, config, new BaseResolver(config.resolve));
}

/** Redocly's config for generation: only the structural rules generation relies on. */
function structuralConfig(): Promise<Config> {
  return createConfig({ extends: ['minimal'], rules: { 'no-unresolved-refs': 'error' } });
}

/** Bundles the spec; `notes` hears of the examples given by URL, which are not fetched. */
async function bundleFiles(
  absolute: string,
  config: Config,
  resolver: BaseResolver,
  notes: string[] = [],
): Promise<Record<string, unknown>> {
  const bundled = await unexpected(absolute, async () => {
    const doc = await resolver.resolveDocument(null, absolute, true);
    if (doc instanceof Error) throw doc;
    notes.push(...dropUrlExamples(doc.parsed));
    return bundle({ doc, config, externalRefResolver: resolver, dereference: false });
  });
  const bundleErrors = bundled.problems.filter((p) => p.severity === 'error');
  if (bundleErrors.length > 0) throw new SpecError(bundleErrors.map(fromRedocly));
  return bundled.bundle.parsed as Record<string, unknown>;
}

/** Turns an error thrown inside redocly into a {@link SpecError} naming the file. */
async function unexpected<T>(file: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new SpecError([
      { file, pointer: '', message: (error as Error).message, rule: 'resolve' },
    ]);
  }
}

async function readSource(file: string, max: number): Promise<string> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw new SpecError([
      { file, pointer: '', message: 'the spec file does not exist', rule: 'read' },
    ]);
  }
  if (size > max) {
    throw new SpecError([
      {
        file,
        pointer: '',
        message: `the spec is ${size} bytes; the limit is ${max} bytes (raise it with --max-spec-bytes, or maxSpecBytes in lightfield.config.json)`,
        rule: 'size',
      },
    ]);
  }
  const text = await readFile(file, 'utf8');
  if (text.trim() === '') {
    throw new SpecError([
      { file, pointer: '', line: 1, column: 1, message: 'the spec file is empty', rule: 'parse' },
    ]);
  }
  return text;
}

function parseWithLines(
  file: string,
  text: string,
): { yaml: YamlDocument; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  const yaml = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const error = yaml.errors[0];
  if (error) {
    const pos = error.linePos?.[0];
    throw new SpecError([
      {
        file,
        pointer: '',
        ...(pos ? { line: pos.line, column: pos.col } : {}),
        message: `invalid YAML: ${error.message.split('\n')[0]}`,
        rule: 'parse',
      },
    ]);
  }
  return { yaml, lineCounter };
}

function checkVersion(file: string, raw: Record<string, unknown>): SpecProblem | undefined {
  const version = raw['openapi'];
  if (typeof version === 'string' && /^3\.[01]\.\d+$/.test(version)) return undefined;
  return {
    file,
    pointer: '/openapi',
    message: `expected an OpenAPI 3.0 or 3.1 document, got openapi: ${JSON.stringify(version ?? null)}`,
    rule: 'openapi-version',
  };
}

/** Adds the line and column of a pointer in the entry file, where the pointer exists there. */
function locate(
  problem: SpecProblem,
  { yaml, lineCounter }: { yaml: YamlDocument; lineCounter: LineCounter },
): SpecProblem {
  if (problem.line) return problem;
  const segments = parsePointer(problem.pointer);
  // Walk up until a node exists: a missing key is best reported at its parent.
  for (let n = segments.length; n >= 0; n--) {
    const node = yaml.getIn(segments.slice(0, n), true);
    if (isNode(node) && node.range) {
      const pos = lineCounter.linePos(node.range[0]);
      return { ...problem, line: pos.line, column: pos.col };
    }
  }
  return problem;
}

function fromRedocly(p: NormalizedProblem): SpecProblem {
  const location = p.location[0];
  const file = location?.source.absoluteRef ?? '';
  let line: number | undefined;
  let column: number | undefined;
  if (location) {
    try {
      const lc = getLineColLocation(location);
      line = lc.start.line;
      column = lc.start.col;
    } catch {
      // A location in a file that failed to parse has no line; the pointer still names it.
    }
  }
  return {
    file,
    pointer: location?.pointer?.replace(/^#/, '') ?? '',
    ...(line ? { line, column } : {}),
    message: p.message,
    rule: p.ruleId,
  };
}
