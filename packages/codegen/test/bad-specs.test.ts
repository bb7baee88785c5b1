import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { testSpec } from '@lightfield/testkit';
import { at, checksums, run, SPEC, tempDir } from './helpers.js';

type Json = Record<string, unknown>;
type Case = [
  string,
  {
    given: (spec: string) => string;
    /** The spec `given` breaks, when not widget.yaml. */
    spec?: string;
    /** More arguments of the command. */
    args?: string[];
    want: { location: RegExp; message: RegExp };
  },
];

const edit =
  (change: (doc: Json) => void) =>
  (text: string): string => {
    const doc = parse(text) as Json;
    change(doc);
    return stringify(doc, { lineWidth: 0 });
  };

// Each broken spec must fail generation with its file and location, and change nothing on disk.
const cases: Case[] = [
  [
    'invalid YAML',
    {
      given: (s) => s.replace('paths:\n', 'paths:\n  : [unclosed\n'),
      want: { location: /bad\.yaml:\d+:\d+/, message: /invalid YAML/ },
    },
  ],
  [
    'a dangling $ref',
    {
      given: (s) =>
        s.replace("$ref: '#/components/schemas/AnyValue'", "$ref: '#/components/schemas/Nowhere'"),
      want: {
        location: /#\/components\/schemas\/TypedValue\/properties\/value/,
        message: /Can't resolve \$ref/,
      },
    },
  ],
  [
    'a circular $ref',
    {
      given: edit((d) => {
        at(d, 'components', 'schemas').Loop = { $ref: '#/components/schemas/Pool' };
        at(d, 'components', 'schemas').Pool = { $ref: '#/components/schemas/Loop' };
      }),
      want: { location: /#\/components\/schemas\/(Loop|Pool)/, message: /circular/ },
    },
  ],
  [
    'a duplicate operationId',
    {
      given: edit((d) => {
        at(d, 'paths', '/v1/widgets', 'get').operationId = 'widget.create';
      }),
      want: {
        location: /#\/paths\/~1v1~1widgets\/(get|post)\/operationId/,
        message: /already used/,
      },
    },
  ],
  [
    'two routes that are one path once their query strings move',
    {
      given: edit((d) => {
        at(d, 'paths')['/v1/widgets?kind={kind}'] = {
          get: structuredClone(at(d, 'paths', '/v1/widgets', 'get')),
        };
        at(d, 'paths', '/v1/widgets?kind={kind}', 'get').operationId = 'widget.byKind';
      }),
      want: {
        location: /#\/paths\/~1v1~1widgets\?kind=\{kind\}/,
        message: /are one path, \/v1\/widgets/,
      },
    },
  ],
  [
    'an unknown schema type',
    {
      given: edit((d) => {
        at(d, 'components', 'schemas', 'PostalAddress', 'properties', 'city').type = 'text';
      }),
      want: {
        location: /#\/components\/schemas\/PostalAddress\/properties\/city\/type/,
        message: /unknown schema type "text"/,
      },
    },
  ],
  ['an empty file', { given: () => '\n', want: { location: /bad\.yaml:1:1/, message: /empty/ } }],
  [
    'a huge file',
    {
      given: (s) => `${s}\n# ${'x'.repeat(64 * 1024)}\n`,
      args: ['--max-spec-bytes', String(64 * 1024)],
      want: {
        location: /bad\.yaml/,
        message: /limit is 65536 bytes \(raise it with --max-spec-bytes/,
      },
    },
  ],
  [
    'a non-3.x version',
    {
      given: (s) => s.replace('openapi: 3.1.0', 'openapi: 2.0'),
      want: { location: /bad\.yaml:1:\d+ at #\/openapi/, message: /OpenAPI 3\.0 or 3\.1/ },
    },
  ],
  [
    'a reserved resource name',
    {
      given: edit((d) => {
        at(d, 'paths', '/v1/widgets', 'get').operationId = 'then.list';
      }),
      want: { location: /#\/paths\/~1v1~1widgets\/get\/operationId/, message: /reserved/ },
    },
  ],
  [
    'a mapping that is not an OpenAPI document',
    {
      given: () => '- just\n- a list\n',
      want: { location: /bad\.yaml:1:1/, message: /not a YAML mapping/ },
    },
  ],
  [
    'a field variant for no valueType',
    {
      given: edit((d) => {
        at(d, 'components', 'schemas', 'TypedValue', 'x-lightfield-variants', 'schemas').NUMBR = {
          type: 'number',
        };
      }),
      want: {
        location: /#\/components\/schemas\/TypedValue\/x-lightfield-variants\/schemas\/NUMBR/,
        message: /NUMBR is not a value of valueType/,
      },
    },
  ],
  [
    'field variants on a property the schema lacks',
    {
      given: edit((d) => {
        at(d, 'components', 'schemas', 'TypedValue', 'x-lightfield-variants').discriminator =
          'kind';
      }),
      want: {
        location: /#\/components\/schemas\/TypedValue\/x-lightfield-variants\/discriminator/,
        message: /discriminator must name a property of TypedValue/,
      },
    },
  ],
  [
    'a derived field without a source',
    {
      given: edit((d) => {
        at(d, 'components', 'schemas', 'Widget', 'properties', 'fields', 'properties', '$name')[
          'x-lightfield-derived'
        ] = {
          map: { a: 'b' },
        };
      }),
      want: {
        location:
          /#\/components\/schemas\/Widget\/properties\/fields\/properties\/\$name\/x-lightfield-derived/,
        message: /x-lightfield-derived needs `from`/,
      },
    },
  ],
  [
    'a derived field whose map gives a number',
    {
      given: edit((d) => {
        at(d, 'components', 'schemas', 'Widget', 'properties', 'fields', 'properties', '$name')[
          'x-lightfield-derived'
        ] = {
          from: '$stage',
          map: { Lead: 1 },
        };
      }),
      want: {
        location: /x-lightfield-derived\/map/,
        message: /map must map each source value to a string/,
      },
    },
  ],
  ...uploadCases(),
  ...memberCases(),
];

/** A members declaration, broken one way per case: each names where it is broken. */
function memberCases(): Case[] {
  const spec = testSpec('members.yaml');
  const at0 = '#\\/paths\\/~1v1~1shelves~1\\{shelfId\\}~1books\\/get\\/x-lightfield-members';
  const members = (change: (ext: Json) => void) =>
    edit((d) =>
      change(at(d, 'paths', '/v1/shelves/{shelfId}/books', 'get', 'x-lightfield-members')),
    );
  const table: [string, (ext: Json) => void, string, RegExp][] = [
    ['no objectType', (e) => delete e['objectType'], '\\/objectType', /`objectType` is required/],
    [
      'an objectType no resource has',
      (e) => (e['objectType'] = 'novel'),
      '\\/objectType',
      /no resource is named `novel`/,
    ],
    ['a key that is no string', (e) => (e['key'] = 3), '\\/key', /`key` is required and must be/],
    [
      'a typeField that is empty',
      (e) => (e['typeField'] = ''),
      '\\/typeField',
      /`typeField` must be/,
    ],
  ];
  return table.map(([name, change, key, message]) => [
    `members with ${name}`,
    { spec, given: members(change), want: { location: new RegExp(`${at0}${key}`), message } },
  ]);
}

/** An upload session's declaration, broken one way per case: each names where it is broken. */
function uploadCases(): Case[] {
  const spec = testSpec('upload-session.yaml');
  const at0 = '#\\/paths\\/~1v1~1documents\\/post\\/x-lightfield-upload';
  const upload = (change: (ext: Json) => void) =>
    edit((d) => change(at(d, 'paths', '/v1/documents', 'post', 'x-lightfield-upload')));
  const table: [string, (ext: Json) => void, string, RegExp][] = [
    ['no size', (e) => delete e['size'], 'size', /`size` is required/],
    ['a size the body lacks', (e) => (e['size'] = 'bytes'), 'size', /body has no .*`bytes`/],
    ['a url the response lacks', (e) => (e['url'] = 'href'), 'url', /response has no .*`href`/],
    ['an unknown complete', (e) => (e['complete'] = 'x.y'), 'complete', /no operation .*`x\.y`/],
    [
      'a checksum of sha1',
      (e) => (at(e, 'checksum').algorithm = 'sha1'),
      'checksum/algorithm',
      /one of md5/,
    ],
    [
      'a checksum the complete lacks',
      (e) => (at(e, 'checksum').property = 'md5'),
      'checksum/property',
      /body has no .*`md5`/,
    ],
    ['a status that is a string', (e) => (e['status'] = 'state'), 'status', /must be an object/],
    [
      'a method that is an operation',
      (e) => (e['method'] = 'retrieve'),
      'method',
      /document\.retrieve` is an operation/,
    ],
    ['an unknown cancel', (e) => (e['cancel'] = 'x.z'), 'cancel', /no operation .*`x\.z`/],
    [
      'a cancel without a cancelled status',
      (e) => delete at(e, 'status').cancelled,
      'status',
      /`cancelled` is required/,
    ],
    [
      'a download URL its operation lacks',
      (e) => (at(e, 'download').url = 'link'),
      'download/url',
      /`document\.link`'s response has no property `link`/,
    ],
  ];
  return table.map(([name, change, key, message]) => [
    `an upload with ${name}`,
    { spec, given: upload(change), want: { location: new RegExp(`${at0}\\/${key}`), message } },
  ]);
}

let rejected = 0;
afterAll(() => {
  console.log(
    `bad specs: ${cases.length} broken specs, ${rejected} rejected with file and location, 0 generated files changed`,
  );
});

describe('a broken spec', () => {
  let good: string;
  let out: string;
  let before: Record<string, string>;

  beforeAll(async () => {
    good = await readFile(SPEC, 'utf8');
    out = path.join(await tempDir(), 'generated');
    expect((await run(['generate', 'types', '--spec', SPEC, '--out', out])).code).toBe(0);
    before = await checksums(out);
  });

  test.each(cases)(
    '%s fails with its file and location, and writes nothing',
    async (_, { given, spec, args = [], want }) => {
      const dir = await tempDir();
      const bad = path.join(dir, 'bad.yaml');
      await writeFile(bad, given(spec ? await readFile(spec, 'utf8') : good));
      const result = await run(['generate', 'types', '--spec', bad, '--out', out, ...args]);
      expect(result.code).toBe(1);
      expect(result.err).toContain(bad);
      expect(result.err).toMatch(want.location);
      expect(result.err).toMatch(want.message);
      expect(result.err).toMatch(/nothing was written/);
      expect(await checksums(out)).toEqual(before);
      rejected++;
    },
  );

  test('makes the lightfield-codegen command exit non-zero', async () => {
    const dir = await tempDir();
    const bad = path.join(dir, 'bad.yaml');
    await writeFile(bad, good.replace('openapi: 3.1.0', 'openapi: 2.0'));
    const bin = fileURLToPath(new URL('../bin/lightfield-codegen.js', import.meta.url));
    const error = await promisify(execFile)(process.execPath, [
      bin,
      'generate',
      'types',
      '--spec',
      bad,
      '--out',
      out,
    ]).catch((e: { code: number; stderr: string }) => e);
    expect(error).toMatchObject({ code: 1 });
    expect((error as { stderr: string }).stderr).toContain(`${bad}:1:`);
    expect(await checksums(out)).toEqual(before);
  });
});
