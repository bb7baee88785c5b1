import { describe, expect, test } from 'vitest';
import { mediaMatches } from '../src/checks.js';

describe('a declared media type admits what a message carries, parameters aside', () => {
  test.each<[string, { given: [string, string]; want: boolean }]>([
    ['the same', { given: ['application/json', 'application/json'], want: true }],
    [
      'a charset declared',
      { given: ['application/json; charset=utf-8', 'application/json'], want: true },
    ],
    [
      'a charset sent',
      { given: ['application/json', 'application/json;charset=UTF-8'], want: true },
    ],
    ['case aside', { given: ['Text/HTML; charset=UTF-8', 'text/html'], want: true }],
    ['a wildcard subtype', { given: ['image/*', 'image/png'], want: true }],
    ['another subtype', { given: ['application/json; charset=utf-8', 'text/json'], want: false }],
    ['another type', { given: ['application/json', 'text/plain'], want: false }],
  ])('%s', (_, { given: [declared, actual], want }) => {
    expect(mediaMatches(declared, actual)).toBe(want);
  });
});
