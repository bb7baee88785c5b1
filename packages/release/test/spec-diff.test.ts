import { readFileSync } from 'node:fs';
import { testSpec } from '@lightfield/testkit';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { bumpFor, diffSpecs, formatReport, overall, type ChangeClass } from '../src/index.js';

/** A schema as the cases below edit it. */
interface Schema {
  type?: string;
  description?: string;
  maximum?: number;
  properties: Record<string, unknown>;
  required: string[];
  enum: string[];
}
interface Operation {
  operationId: string;
  parameters: unknown[];
}
type PathItem = Record<string, Operation>;
/** The parts of the test specs' widget.yaml the cases edit: a change that drops one fails here. */
interface Json {
  paths: {
    [path: string]: PathItem | undefined;
    '/v1/widgets': { get: Operation };
    '/v1/widgets/{id}': { post: Operation };
  };
  components: {
    schemas: { [name: string]: Schema | undefined } & {
      Widget: Schema;
      WidgetCreate: Schema;
      Arity: Schema;
    };
    parameters: { [name: string]: unknown } & { Limit: { schema: Schema } };
  };
}
// A neutral spec of the tests' own (the test specs' widget.yaml), so a change to the project
// spec never breaks them.
const SPEC = parse(readFileSync(testSpec('widget.yaml'), 'utf8')) as Json;

// Each crafted pair of specs, and the class its change must get.
const cases: [
  string,
  { given: { before?: (d: Json) => void; after: (d: Json) => void }; want: ChangeClass },
][] = [
  [
    'an operation removed',
    { given: { after: (d) => delete d.paths['/v1/widgets/definitions'] }, want: 'breaking' },
  ],
  [
    'a required request property added',
    {
      given: {
        after: (d) => {
          const s = d.components.schemas.WidgetCreate;
          s.properties.source = { type: 'string' };
          s.required.push('source');
        },
      },
      want: 'breaking',
    },
  ],
  [
    'a response property removed',
    {
      given: { after: (d) => delete d.components.schemas.Widget.properties.httpLink },
      want: 'breaking',
    },
  ],
  [
    'an optional property added',
    {
      given: {
        after: (d) => (d.components.schemas.Widget.properties.archived = { type: 'boolean' }),
      },
      want: 'non-breaking',
    },
  ],
  [
    'an enum value added to a response',
    {
      given: { after: (d) => d.components.schemas.Arity.enum.push('HAS_SOME') },
      want: 'breaking',
    },
  ],
  [
    'an enum value removed from a request',
    {
      given: {
        before: (d) =>
          d.paths['/v1/widgets'].get.parameters.push({
            name: 'sort',
            in: 'query',
            schema: { type: 'string', enum: ['asc', 'desc'] },
          }),
        after: (d) =>
          d.paths['/v1/widgets'].get.parameters.push({
            name: 'sort',
            in: 'query',
            schema: { type: 'string', enum: ['asc'] },
          }),
      },
      want: 'breaking',
    },
  ],
  [
    'a description changed',
    {
      given: { after: (d) => (d.components.schemas.Widget.description = 'A gadget.') },
      want: 'annotation',
    },
  ],
  [
    "a parameter's maximum lowered",
    {
      given: { after: (d) => (d.components.parameters.Limit.schema.maximum = 10) },
      want: 'breaking',
    },
  ],
  [
    'an operation added',
    {
      given: {
        after: (d) =>
          (d.paths['/v1/widgets/search'] = {
            get: { ...d.paths['/v1/widgets'].get, operationId: 'widget.search' },
          }),
      },
      want: 'non-breaking',
    },
  ],
  ['nothing', { given: { after: () => {} }, want: undefined as unknown as ChangeClass }],
];

describe('diffSpecs', () => {
  test.each(cases)('%s', (_, { given, want }) => {
    const before = structuredClone(SPEC);
    given.before?.(before);
    const after = structuredClone(before);
    if (given.before) after.paths['/v1/widgets'].get.parameters.pop();
    given.after(after);
    const changes = diffSpecs(before, after);
    expect(overall(changes)).toBe(want);
    if (want) expect(formatReport(changes, 'spec')).toContain(`overall ${want}`);
  });
});

test('diffSpecs leaves both specs as they were, so a second diff reads the same', () => {
  const before = structuredClone(SPEC);
  const after = structuredClone(SPEC);
  after.components.schemas.Widget.properties.archived = { type: 'boolean' };
  const given = JSON.stringify([before, after]);
  const first = diffSpecs(before, after);
  expect(JSON.stringify([before, after])).toBe(given);
  expect(diffSpecs(before, after)).toEqual(first);
});

describe('bumpFor', () => {
  test.each([
    ['breaking', '1.2.3', 'major'],
    ['breaking', '0.4.0', 'minor'],
    ['non-breaking', '1.2.3', 'minor'],
    ['non-breaking', '0.4.0', 'minor'],
    ['annotation', '1.2.3', 'patch'],
  ] as const)('%s at %s → %s', (cls, version, want) => {
    expect(bumpFor(cls, version)).toBe(want);
  });
});

const LIST = '/v1/widgets';
const param = (p: object) => (d: Json) => d.paths[LIST].get.parameters.push(p);
const sort = { name: 'sort', in: 'query', schema: { type: 'string' } };
const trace = { name: 'X-Trace', in: 'header', schema: { type: 'string' } };
const createProp =
  (required: boolean) =>
  (d: Json): void => {
    const s = d.components.schemas.WidgetCreate;
    s.properties.source = { type: 'string' };
    if (required) s.required.push('source');
  };

// Each change, the line the report must print for the operation, and the overall class.
const wording: [
  string,
  {
    given: { before?: (d: Json) => void; after: (d: Json) => void };
    want: { what: string; class: ChangeClass; pointer?: string };
  },
][] = [
  [
    'an optional query parameter added',
    {
      given: { after: param(sort) },
      want: { what: 'optional query parameter `sort` added', class: 'non-breaking' },
    },
  ],
  [
    'a query parameter added with required: false',
    {
      given: { after: param({ ...sort, required: false }) },
      want: { what: 'optional query parameter `sort` added', class: 'non-breaking' },
    },
  ],
  [
    'a required query parameter added',
    {
      given: { after: param({ ...sort, required: true }) },
      want: { what: 'required query parameter `sort` added', class: 'breaking' },
    },
  ],
  [
    'a required query parameter added by $ref',
    {
      given: {
        after: (d) => {
          d.components.parameters.Sort = { ...sort, required: true };
          param({ $ref: '#/components/parameters/Sort' })(d);
        },
      },
      want: { what: 'required query parameter `sort` added', class: 'breaking' },
    },
  ],
  [
    'an optional header parameter added',
    {
      given: { after: param(trace) },
      want: { what: 'optional header parameter `X-Trace` added', class: 'non-breaking' },
    },
  ],
  [
    'a required header parameter added',
    {
      given: { after: param({ ...trace, required: true }) },
      want: { what: 'required header parameter `X-Trace` added', class: 'breaking' },
    },
  ],
  [
    'an optional query parameter made required',
    {
      given: { before: param(sort), after: param({ ...sort, required: true }) },
      want: { what: 'query parameter `sort` made required', class: 'breaking' },
    },
  ],
  [
    'an optional query parameter inserted between others',
    {
      given: { after: (d) => d.paths[LIST].get.parameters.splice(2, 0, sort) },
      want: {
        what: 'optional query parameter `sort` added',
        class: 'non-breaking',
        pointer: '/paths/~1v1~1widgets/get/parameters/2',
      },
    },
  ],
  [
    'a query parameter made required behind a new one',
    {
      given: {
        before: param(sort),
        after: (d) => {
          d.paths[LIST].get.parameters.splice(1, 0, { ...sort, name: 'order' });
          param({ ...sort, required: true })(d);
        },
      },
      want: {
        what: 'query parameter `sort` made required',
        class: 'breaking',
        pointer: '/paths/~1v1~1widgets/get/parameters/4/required',
      },
    },
  ],
  [
    'an optional query parameter removed',
    {
      given: { before: param(sort), after: () => {} },
      want: { what: 'optional query parameter `sort` removed', class: 'breaking' },
    },
  ],
  [
    'an optional request property added',
    {
      given: { after: createProp(false) },
      want: { what: 'optional request body property `source` added', class: 'non-breaking' },
    },
  ],
  [
    'a required request property added',
    {
      given: { after: createProp(true) },
      want: { what: 'required request body property `source` added', class: 'breaking' },
    },
  ],
  [
    'an optional response property added',
    {
      given: {
        after: (d) => (d.components.schemas.Widget.properties.archived = { type: 'boolean' }),
      },
      want: { what: 'optional response property `archived` added', class: 'non-breaking' },
    },
  ],
  [
    'an operationId renamed',
    {
      given: {
        after: (d) => (d.paths['/v1/widgets/{id}'].post.operationId = 'widget.edit'),
      },
      want: {
        what: 'operationId `widget.update` renamed to `widget.edit` (the client method is renamed)',
        class: 'breaking',
      },
    },
  ],
];

describe('diffSpecs wording', () => {
  test.each(wording)('%s', (_, { given, want }) => {
    const before = structuredClone(SPEC);
    given.before?.(before);
    const after = structuredClone(SPEC);
    given.after(after);
    const changes = diffSpecs(before, after);
    const lines = changes.filter((c) => c.pointer.startsWith('/paths/')).map((c) => c.what);
    expect(lines).toContain(want.what);
    const opposite = (w: string) =>
      w.replace(/optional|required/, (m) => (m === 'optional' ? 'required' : 'optional'));
    if (opposite(want.what) !== want.what) expect(lines).not.toContain(opposite(want.what));
    // A property added as required is one change, not also a "made required" one.
    const made = lines.filter((l) => l.includes(' made '));
    expect(made).toEqual(want.what.includes(' made ') ? [want.what] : []);
    expect(overall(changes)).toBe(want.class);
    // The pointer names the parameter in the newer spec, not api-smart-diff's index.
    if (want.pointer) expect(changes.find((c) => c.what === want.what)?.pointer).toBe(want.pointer);
  });
});
