import { describe, expect, test } from 'vitest';
import type { Json } from '../src/json.js';
import { replicateResources } from '../src/synthetic-spec.js';

// The synthetic specs of the benchmarks copy a template resource; a copy must stand alone.
describe('replicateResources', () => {
  const doc: Json = {
    paths: {
      '/v1/widgets/{id}': {
        parameters: [{ $ref: '#/components/parameters/WidgetId' }],
        get: { responses: { '200': { $ref: '#/components/responses/WidgetFound' } } },
      },
    },
    components: {
      schemas: { Widget: { type: 'object' } },
      parameters: { WidgetId: { name: 'id', in: 'path', required: true } },
      responses: { WidgetFound: { description: 'ok' } },
    },
  };

  test.each<[string, { section: string; want: string }]>([
    ['a schema', { section: 'schemas', want: 'Gadget' }],
    ['a parameter the path refers to', { section: 'parameters', want: 'GadgetId' }],
    ['a response the operation refers to', { section: 'responses', want: 'GadgetFound' }],
  ])('copies %s', (_, { section, want }) => {
    const out = replicateResources(doc, 'widget', ['gadget']);
    expect(Object.keys((out['components'] as Record<string, Json>)[section]!)).toContain(want);
    expect(Object.keys(out['paths'] as Json)).toContain('/v1/gadgets/{id}');
  });
});
