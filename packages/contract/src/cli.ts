import { parseArgs } from 'node:util';
import { formatProblem, SpecError } from '@lightfield/codegen';
import { compareExpected, expectedFailures, formatCorpus, runCorpus } from './corpus.js';
import { formatReport } from './round-trip.js';
import { roundTripSpec } from './run.js';
import { runScenario, type StageResult } from './scenario.js';
import { directoryCommand, DIRECTORY_USAGE } from './sweep-cli.js';

const USAGE = `Usage:
  lightfield-contract round-trip [--spec FILE] [--base-url URL] [--json]
      Every operation of the spec through the generated client, each response checked against
      the spec. Without --base-url: against @lightfield/fixtures' mock on 127.0.0.1. With it:
      against that server, with LIGHTFIELD_API_KEY.
  lightfield-contract corpus [--only a,b] [--jobs N] [--json]
      Every spec of the corpus: generate, build, type-check, round-trip; prints the table, and
      fails when the failures differ from packages/codegen/test/specs/expected-failures.json.
${DIRECTORY_USAGE}
  lightfield-contract scenario SPEC --out DIR
      One spec's stages, as JSON lines: each stage as it ends, then the scenario (what corpus
      and directory run in each worker).`;

/** Prints why a command failed; returns its exit code. */
function failed(error: unknown): number {
  console.error(
    error instanceof SpecError
      ? error.problems.map(formatProblem).join('\n')
      : error instanceof Error
        ? error.message
        : String(error),
  );
  return 1;
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // `lightfield-contract --help` has no command: the flag is the first argument.
  if (command === '--help' || command === '-h') {
    console.log(USAGE);
    return 0;
  }
  if (command === 'directory' && !rest.includes('--help') && !rest.includes('-h'))
    return directoryCommand(rest).catch(failed);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      spec: { type: 'string', default: 'spec/openapi.yaml' },
      'base-url': { type: 'string' },
      client: { type: 'string', default: '@lightfield/client' },
      mock: { type: 'string', default: '@lightfield/fixtures/server' },
      json: { type: 'boolean', default: false },
      only: { type: 'string' },
      jobs: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || !command) {
    console.log(USAGE);
    return values.help ? 0 : 1;
  }
  try {
    if (command === 'round-trip') {
      const report = await roundTripSpec({
        spec: values.spec,
        baseUrl: values['base-url'],
        client: values.client,
        mock: values.mock,
        apiKey: process.env['LIGHTFIELD_API_KEY'],
      });
      console.log(values.json ? JSON.stringify(report) : formatReport(report));
      return report.passed === report.total && report.total > 0 ? 0 : 1;
    }
    if (command === 'scenario') {
      if (!positionals[0] || !values.out) throw new Error('scenario needs SPEC and --out DIR');
      // A line per stage as it ends, then the scenario: a worker ended early keeps its stages.
      const stage = (result: StageResult) => console.log(JSON.stringify(result));
      console.log(JSON.stringify(await runScenario(positionals[0], values.out, stage)));
      return 0;
    }
    if (command === 'corpus') {
      const only = values.only?.split(',').filter(Boolean);
      const result = await runCorpus({
        ...(only ? { only } : {}),
        ...(values.jobs ? { jobs: Number(values.jobs) } : {}),
      });
      const mismatches = compareExpected(result, await expectedFailures());
      if (values.json) console.log(JSON.stringify({ ...result, mismatches }));
      else {
        console.log(formatCorpus(result));
        console.log(
          mismatches.length
            ? `\nnot as expected-failures.json says:\n${mismatches.map((m) => `  ${m}`).join('\n')}`
            : '\nevery failure is listed in expected-failures.json, and every listed one still fails',
        );
      }
      return mismatches.length ? 1 : 0;
    }
  } catch (error) {
    return failed(error);
  }
  console.error(`unknown command: ${command}\n${USAGE}`);
  return 1;
}
