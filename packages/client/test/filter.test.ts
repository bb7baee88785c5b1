import { describe, expect, test } from 'vitest';
import { serializeFilter, type Filter } from '../src/core/filter.js';

describe('serializeFilter', () => {
  test.each<[string, { given: Filter; want: string }]>([
    [
      'the example of the facts sheet',
      {
        given: {
          $name: { startsWith: 'Acme' },
          amount: { greaterThan: 1000 },
          $stage: { not: { equal: 'opt_1' } },
        },
        want: '$name[startsWith]=Acme&amount[greaterThan]=1000&$stage[-equal]=opt_1',
      },
    ],
    [
      'every operator',
      {
        given: { a: { equal: 1, greaterThan: 2, lessThan: 3, startsWith: 'x', contains: 'y' } },
        want: 'a[equal]=1&a[greaterThan]=2&a[lessThan]=3&a[startsWith]=x&a[contains]=y',
      },
    ],
    [
      'every negation',
      {
        given: {
          a: { not: { equal: 1, greaterThan: 2, lessThan: 3, startsWith: 'x', contains: 'y' } },
        },
        want: 'a[-equal]=1&a[-greaterThan]=2&a[-lessThan]=3&a[-startsWith]=x&a[-contains]=y',
      },
    ],
    ['a bare value', { given: { $email: 'ann@example.com' }, want: '$email=ann%40example.com' }],
    ['booleans', { given: { active: { equal: true } }, want: 'active[equal]=true' }],
    [
      'values are encoded',
      { given: { $name: { equal: 'A&B=C [x]' } }, want: '$name[equal]=A%26B%3DC%20%5Bx%5D' },
    ],
    [
      'keys are encoded but keep $',
      { given: { 'my key&': { equal: 1 } }, want: 'my%20key%26[equal]=1' },
    ],
  ])('%s', (_, { given, want }) => {
    expect(serializeFilter(given).join('&')).toBe(want);
  });

  test.each([
    ['an unknown operator', { a: { like: 'x' } }],
    ['an unknown negated operator', { a: { not: { like: 'x' } } }],
    ['an object value', { a: { equal: { x: 1 } } }],
  ])('refuses %s', (_, given) => {
    expect(() => serializeFilter(given as unknown as Filter)).toThrow(/filter|operator/);
  });
});
