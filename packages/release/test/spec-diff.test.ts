import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { bumpFor, diffSpecs, formatReport, overall, type ChangeClass } from '../src/index.js';

type Json = Record<string, any>;
const SPEC = parse(
  readFileSync(fileURLToPath(new URL('../../../spec/openapi.yaml', import.meta.url)), 'utf8'),
) as Json;

// Each crafted pair of specs, and the class its change must get.
const cases: [
  string,
  { given: { before?: (d: Json) => void; after: (d: Json) => void }; want: ChangeClass },
][] = [
  [
    'an operation removed',
    { given: { after: (d) => delete d.paths['/v1/opportunities/definitions'] }, want: 'breaking' },
  ],
  [
    'a required request property added',
    {
      given: {
        after: (d) => {
          const s = d.components.schemas.OpportunityCreateParams;
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
      given: { after: (d) => delete d.components.schemas.Opportunity.properties.httpLink },
      want: 'breaking',
    },
  ],
  [
    'an optional property added',
    {
      given: {
        after: (d) => (d.components.schemas.Opportunity.properties.archived = { type: 'boolean' }),
      },
      want: 'non-breaking',
    },
  ],
  [
    'an enum value added to a response',
    {
      given: { after: (d) => d.components.schemas.Cardinality.enum.push('HAS_SOME') },
      want: 'breaking',
    },
  ],
  [
    'an enum value removed from a request',
    {
      given: {
        before: (d) =>
          d.paths['/v1/opportunities'].get.parameters.push({
            name: 'sort',
            in: 'query',
            schema: { type: 'string', enum: ['asc', 'desc'] },
          }),
        after: (d) =>
          d.paths['/v1/opportunities'].get.parameters.push({
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
      given: { after: (d) => (d.components.schemas.Opportunity.description = 'A deal.') },
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
          (d.paths['/v1/opportunities/search'] = {
            get: { ...d.paths['/v1/opportunities'].get, operationId: 'opportunity.search' },
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
    if (given.before) after.paths['/v1/opportunities'].get.parameters.pop();
    given.after(after);
    const changes = diffSpecs(before, after);
    expect(overall(changes)).toBe(want);
    if (want) expect(formatReport(changes, 'spec')).toContain(`overall ${want}`);
  });
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
