import { describe, expect, test } from 'vitest';
import { callOrder, type SpecOperation } from '../src/operations.js';

const op = (httpMethod: string, path: string): SpecOperation => ({
  name: `${httpMethod.toUpperCase()} ${path}`,
  httpMethod,
  path,
  raw: {},
  params: [],
});

describe('the round-trip calls operations in an order that finds what each needs', () => {
  test.each<[string, { given: SpecOperation[]; want: string[] }]>([
    [
      'lists and creates, then reads and updates of items, deletes last',
      {
        given: [
          op('delete', '/rooms/{id}'),
          op('put', '/rooms/{id}'),
          op('get', '/rooms/{id}'),
          op('post', '/rooms'),
          op('get', '/rooms'),
        ],
        want: [
          'GET /rooms',
          'POST /rooms',
          'GET /rooms/{id}',
          'PUT /rooms/{id}',
          'DELETE /rooms/{id}',
        ],
      },
    ],
    [
      'a delete under an item before the delete of the item',
      {
        given: [
          op('delete', '/rooms/{id}'),
          op('delete', '/rooms/{id}/state'),
          op('delete', '/rooms/{id}/users/{user}'),
        ],
        want: ['DELETE /rooms/{id}/users/{user}', 'DELETE /rooms/{id}/state', 'DELETE /rooms/{id}'],
      },
    ],
  ])('%s', (_, { given, want }) => {
    expect(callOrder(given).map((o) => o.name)).toEqual(want);
  });
});
