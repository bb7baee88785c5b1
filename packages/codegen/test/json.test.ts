import { describe, expect, test } from 'vitest';
import { pathOperations, type Json } from '../src/json.js';

// The one walk over `paths` that the model, the rules, the upload checks and the contract share:
// given a document, want each operation as `METHOD route`, in the document's order.
describe('pathOperations', () => {
  test.each<[string, { given: Json; want: string[] }]>([
    ['no paths', { given: {}, want: [] }],
    [
      'the methods in HTTP_METHODS order, keys of other kinds passed over',
      {
        given: {
          paths: {
            '/a': { post: {}, parameters: [], get: {}, summary: 'A', 'x-note': {} },
            '/b': { delete: {} },
          },
        },
        want: ['get /a', 'post /a', 'delete /b'],
      },
    ],
    [
      'a path item by $ref is followed, a dangling one and a method that is no object skipped',
      {
        given: {
          paths: {
            '/a': { $ref: '#/components/pathItems/A' },
            '/b': { $ref: '#/components/pathItems/Missing' },
            '/c': { get: 'no object', put: {} },
          },
          components: { pathItems: { A: { patch: {} } } },
        },
        want: ['patch /a', 'put /c'],
      },
    ],
  ])('%s', (_, { given, want }) => {
    expect(pathOperations(given).map(({ method, route }) => `${method} ${route}`)).toEqual(want);
  });

  test('gives the followed path item and the operation object itself', () => {
    const op = { operationId: 'a.get' };
    const item = { get: op, parameters: [{ name: 'id', in: 'path' }] };
    const doc = { paths: { '/a': { $ref: '#/x' } }, x: item };
    expect(pathOperations(doc)).toEqual([{ route: '/a', item, method: 'get', op }]);
    expect(pathOperations(doc)[0]!.op).toBe(op);
  });
});
