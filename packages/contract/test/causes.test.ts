import { describe, expect, test } from 'vitest';
import { causeKey, groupByCause } from '../src/index.js';

describe('cause keys', () => {
  test.each<[string, { given: [string, string][]; same: boolean }]>([
    [
      'tsc errors of one code in one file, different names and lines',
      {
        given: [
          [
            'type-check',
            "client/src/generated/client.ts(12,5): error TS2537: Type 'Pet[] | undefined' has no matching index signature for type 'number'.",
          ],
          [
            'type-check',
            "client/src/generated/client.ts(340,17): error TS2537: Type 'Board[] | undefined' has no matching index signature for type 'number'.",
          ],
        ],
        same: true,
      },
    ],
    [
      'tsc errors of different codes',
      {
        given: [
          [
            'type-check',
            "client/src/generated/client.ts(1,1): error TS2537: Type 'A' has no index.",
          ],
          [
            'type-check',
            "client/src/generated/client.ts(1,1): error TS2339: Property 'a' does not exist on type 'never'.",
          ],
        ],
        same: false,
      },
    ],
    [
      'spec problems at different pointers, one rule',
      {
        given: [
          [
            'generate',
            "/x/a.json at #/components/schemas/Comment--Base: invalid name 'Comment--Base' [naming]",
          ],
          ['generate', "/y/b.json:3:4 at #/paths/~1a/get: invalid name 'Foo Bar' [naming]"],
        ],
        same: true,
      },
    ],
    [
      'round-trip failures of different operations, statuses equal',
      {
        given: [
          [
            'round-trip',
            '✗ getPet (404): status 404: {"error":{"type":"not_found","message":"No pets has id 12345"}} (round-trip: 3/9 operations)',
          ],
          [
            'round-trip',
            '✗ GET /boards/{id} (404): status 404: {"error":{"type":"not_found","message":"No boards has id abc"}}',
          ],
        ],
        same: true,
      },
    ],
    [
      'round-trip failures of different statuses',
      {
        given: [
          ['round-trip', '✗ getPet (404): status 404: not found'],
          ['round-trip', '✗ getPet (405): status 405: not found'],
        ],
        same: false,
      },
    ],
    [
      'client errors naming different operations',
      {
        given: [
          [
            'round-trip',
            '✗ GET /o: no response: LightfieldError: orders.getOrders: header authorization is required',
          ],
          [
            'round-trip',
            '✗ GET /t: no response: LightfieldError: tickets.list: header authorization is required',
          ],
        ],
        same: true,
      },
    ],
    [
      'instance paths of ajv errors',
      {
        given: [
          ['round-trip', "✗ create (200): /data must have required property 'project'"],
          ['round-trip', "✗ update (200): /data/parent/0 must have required property 'owner'"],
        ],
        same: true,
      },
    ],
    [
      'answers of one status and problem, different bodies, one cut',
      {
        given: [
          [
            'round-trip',
            '✗ a (404): status 404 (status 404 documents no body, got one): {"error":{"type":"not_found","message":"No apps has id "}}',
          ],
          [
            'round-trip',
            '✗ b (404): status 404 (status 404 documents no body, got one): {"error":{"type":"not_found","message":"No transactions has id 0100000001f9a',
          ],
        ],
        same: true,
      },
    ],
    [
      'a type cut in its quote',
      {
        given: [
          [
            'type-check',
            `f.ts(1,1): error TS2740: Type '{}' is missing the following properties from type '{ ${'body?: string; '.repeat(20)}`.slice(
              0,
              240,
            ),
          ],
          [
            'type-check',
            `f.ts(9,9): error TS2740: Type '{}' is missing the following properties from type '{ ${'id: number; '.repeat(20)}`.slice(
              0,
              240,
            ),
          ],
        ],
        same: true,
      },
    ],
    [
      'the mock failing on different keywords',
      {
        given: [
          [
            'round-trip',
            '✗ a (500): status 500 (status 500 is not documented): {"error":{"type":"internal_server_error","message":"The mock failed: \\"nullable\\" cannot be used without \\"type\\""}}',
          ],
          [
            'round-trip',
            '✗ b (500): status 500 (status 500 is not documented): {"error":{"type":"internal_server_error","message":"The mock failed: \\"x-kind\\" cannot be used without \\"format\\""}}',
          ],
        ],
        same: true,
      },
    ],
    [
      'the mock failing, and the mock refusing a request',
      {
        given: [
          [
            'round-trip',
            '✗ a (500): status 500 (status 500 is not documented): {"error":{"type":"internal_server_error","message":"The mock failed: x"}}',
          ],
          [
            'round-trip',
            '✗ a (500): status 500 (status 500 is not documented): {"error":{"type":"bad_request","message":"x must be integer"}}',
          ],
        ],
        same: false,
      },
    ],
    [
      'a failure that names its operation again',
      {
        given: [
          [
            'round-trip',
            '✗ projects_read (200): projects_read of an id nobody created answered 200, not the documented 404',
          ],
          [
            'round-trip',
            '✗ GET /a/{b} (200): GET /a/{b} of an id nobody created answered 200, not the documented 404',
          ],
        ],
        same: true,
      },
    ],
    [
      'names quoted after an apostrophe',
      {
        given: [
          ['generate', "Error: can't write 'Comment--Base'"],
          ['generate', "Error: can't write 'security-advisory'"],
        ],
        same: true,
      },
    ],
    [
      'the same line at different stages',
      {
        given: [
          ['build', 'boom'],
          ['type-check', 'boom'],
        ],
        same: false,
      },
    ],
    [
      'timeouts of different limits',
      {
        given: [
          ['generate', 'timeout after 300s'],
          ['generate', 'timeout after 0.5s'],
        ],
        same: true,
      },
    ],
  ])('%s', (_, { given, same }) => {
    const [a, b] = given.map(([stage, line]) => causeKey(stage, line));
    expect(a === b, `${a}\n${b}`).toBe(same);
  });

  test.each<[string, string, string]>([
    [
      'the file and the code of a tsc error',
      "fixtures/src/generated/cli.ts(7,3): error TS2339: Property 'endsWith' does not exist on type 'never'.",
      "type-check: TS2339 in fixtures/src/generated/cli.ts: Property '…' does not exist on type '…'.",
    ],
    [
      'the status, the problem and the message of an answer',
      '✗ getPet (404): status 404 (status 404 documents no body, got one): {"error":{"type":"not_found","message":"No pets has id 12"}} (round-trip: 1/3 operations)',
      'round-trip: (404) status 404 (status 404 documents no body, got one): No … has id …',
    ],
    [
      'an apostrophe',
      `/x.json at #/paths/~1/options/operationId: "options" in operation root.options is a reserved name and can't be a client property [operation-id]`,
      `generate: spec: "…" in operation root.options is a reserved name and can't be a client property [operation-id]`,
    ],
    [
      'the client’s error, not the operation it names',
      '✗ bulkSearchImages: no response: LightfieldError: images.bulkSearchImages: `image_type` must be an array of primitive values, got "photo"',
      'round-trip: no response: LightfieldError: `…` must be an array of primitive values, got "…"',
    ],
    [
      "a quote of punctuation only (prettier’s `'=' expected`)",
      "SyntaxError: '=' expected. (3:14)",
      "generate: SyntaxError: '=' expected. (N:N)",
    ],
  ])('keeps %s', (_, line, want) => {
    const stage = want.split(':')[0]!;
    expect(causeKey(stage, line)).toBe(want);
  });

  test('groups by key, most frequent first', () => {
    const groups = groupByCause(['b', 'a', 'b', 'c', 'b', 'a'], (x) => x);
    expect(groups.map((g) => [g.cause, g.items.length])).toEqual([
      ['b', 3],
      ['a', 2],
      ['c', 1],
    ]);
  });
});
