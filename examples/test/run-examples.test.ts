// Runs every program in src/ (built to dist/) as a team would, with node, against a fresh mock
// server, and checks what it prints.
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createMockServer, type MockServerOptions } from '@lightfield/fixtures/server';
import { describe, expect, test } from 'vitest';

const run = promisify(execFile);
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

const cases: [string, { mock?: MockServerOptions; want: RegExp[] }][] = [
  [
    'create-update-retrieve',
    { want: [/^created opp_\w+$/m, /^stage "(opt_\w+|Qualified)"$/m, /^amount cleared: true$/m] },
  ],
  [
    'paginate-with-filters',
    { want: [/^matches [1-9]\d*$/m, /^pages [2-9]\d* of \d+ opportunities$/m] },
  ],
  [
    'errors-and-rate-limits',
    {
      want: [
        /^not found: 404 not_found$/m,
        /^api error: 404 not_found$/m,
        /^refused locally: .*limit/m,
        /^without the limiter: [1-9]\d* of 60 got 429$/m,
        /^retry after \d+ s, remaining 0$/m,
        /^with the limiter: 60 of 60 succeeded$/m,
        /^bad request: unknown_field at fields\.notAField$/m,
      ],
    },
  ],
  [
    'idempotent-retry',
    {
      // Connections drop after the create is committed: only the key keeps it to one copy.
      mock: {
        faults: { seed: 5, rules: [{ operations: ['opportunity.create'], dropAfterCommit: 0.4 }] },
      },
      want: [/^same opportunity: true$/m, /^copies created: 1$/m],
    },
  ],
  [
    'upload-transcript',
    {
      // Connections drop after the complete is committed: its retry, not a second upload, ends it;
      // then a meeting is created with the uploaded file as its transcript.
      mock: {
        faults: { seed: 7, rules: [{ operations: ['file.complete'], dropAfterCommit: 0.5 }] },
      },
      want: [
        /^uploaded renewal-call\.txt: COMPLETED, 70 bytes$/m,
        /^meeting mee_\w+: transcript fil_\w+, the uploaded file: true$/m,
      ],
    },
  ],
  [
    'find-or-create-contact',
    { want: [/^(found|created) con_\w+$/m, /^added to \w+: [1-9]\d* contacts$/m] },
  ],
  ['page-list-members', { want: [/^members \d+$/m, /^first page \d+ of \d+$/m] }],
  [
    'send-email-draft',
    {
      want: [
        /^drafted at \d{4}-\d\d-\d\dT/m,
        /^draft refused: 400 \w+$/m,
        /^sent: \{"sentAt":"\d{4}-/m,
      ],
    },
  ],
];

test('every program in src/ has a case here', async () => {
  const programs = (await readdir(DIST))
    .filter((f) => f.endsWith('.js') && f !== 'shared.js')
    .map((f) => f.replace(/\.js$/, ''));
  expect(programs.sort()).toEqual(cases.map(([name]) => name).sort());
});

describe.each(cases)('%s', (name, { mock: options, want }) => {
  test('runs against the mock and prints what it shows', async () => {
    const mock = await createMockServer({ seed: 42, port: 0, ...options });
    try {
      const { stdout } = await run(process.execPath, [`${DIST}${name}.js`], {
        env: {
          ...process.env,
          LIGHTFIELD_BASE_URL: mock.url,
          LIGHTFIELD_API_KEY: 'example-key',
          LIGHTFIELD_LOG: 'off',
        },
      });
      for (const line of want) expect(stdout).toMatch(line);
    } finally {
      await mock.close();
    }
  });
});
