import { describe, expect, test } from 'vitest';
import {
  escapePointerSegment,
  fragmentOf,
  parsePointer,
  parseRef,
  pointerOf,
  unescapePointerSegment,
} from '../src/json-pointer.js';

// RFC 6901's own examples, plus the order that makes `~01` mean `~1` and not `/`.
const segments: [string, { given: string; want: string }][] = [
  ['plain', { given: 'paths', want: 'paths' }],
  ['slash', { given: '/v1/widgets', want: '~1v1~1widgets' }],
  ['tilde', { given: 'm~n', want: 'm~0n' }],
  ['tilde then one', { given: '~1', want: '~01' }],
  ['empty', { given: '', want: '' }],
];

describe('pointer segments', () => {
  test.each(segments)('%s escapes and unescapes', (_, { given, want }) => {
    expect(escapePointerSegment(given)).toBe(want);
    expect(unescapePointerSegment(want)).toBe(given);
  });
});

const pointers: [string, { given: (string | number)[]; want: string }][] = [
  ['the whole document', { given: [], want: '' }],
  ['a path', { given: ['paths', '/v1/x', 'get'], want: '/paths/~1v1~1x/get' }],
  ['an index', { given: ['parameters', 2], want: '/parameters/2' }],
  ['an empty key', { given: ['a', ''], want: '/a/' }],
];

describe('pointers', () => {
  test.each(pointers)('%s joins and splits', (_, { given, want }) => {
    expect(pointerOf(...given)).toBe(want);
    expect(parsePointer(want)).toEqual(given.map(String));
  });
});

const refs: [string, { given: string; want: string[] | undefined }][] = [
  [
    'a component',
    { given: '#/components/schemas/Widget', want: ['components', 'schemas', 'Widget'] },
  ],
  ['the root', { given: '#', want: [] }],
  ['escaped', { given: '#/paths/~1v1~1x', want: ['paths', '/v1/x'] }],
  [
    'percent-encoded',
    { given: '#/components/schemas/A%20B', want: ['components', 'schemas', 'A B'] },
  ],
  ['percent-encoded tilde', { given: '#/a/%7E1', want: ['a', '/'] }],
  ['a malformed escape', { given: '#/a/%E0', want: ['a', '%E0'] }],
  ['another document', { given: 'other.yaml#/a', want: undefined }],
];

describe('local references', () => {
  test.each(refs)('%s', (_, { given, want }) => {
    expect(parseRef(given)).toEqual(want);
  });

  test('a fragment round-trips through parseRef', () => {
    const keys = ['paths', '/v1/x {id}', 'a~b', '%'];
    expect(fragmentOf(keys)).toBe('/paths/~1v1~1x%20%7Bid%7D/a~0b/%25');
    expect(parseRef(`#${fragmentOf(keys)}`)).toEqual(keys);
  });
});
