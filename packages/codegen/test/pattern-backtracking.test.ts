import { describe, expect, test } from 'vitest';
import { backtracksExponentially } from '../src/pattern-backtracking.js';

describe('backtracksExponentially', () => {
  test.each<[string, { given: string; want: boolean }]>([
    ['a repeated group of repeats', { given: String.raw`^([\w.-]*)*$`, want: true }],
    ['a repeated group of one repeat, +', { given: '(a+)+', want: true }],
    ['an alternative of nothing but repeats', { given: '(a|b*)*', want: true }],
    ['a non-capturing group of repeats', { given: String.raw`(?:[\w.-]*)*`, want: true }],
    ['a non-capturing group of one repeat', { given: '(?:a+)*', want: true }],
    ['a named group of repeats', { given: '(?<part>a+)+', want: true }],
    ['a repeated group with a mandatory atom', { given: '(a+-)*', want: false }],
    ['a non-capturing group with a mandatory atom', { given: '(?:a+-)*', want: false }],
    ['a group repeated a bounded number of times', { given: '(a+){2}', want: false }],
    ['repeats side by side', { given: '^[a-z]+[0-9]*$', want: false }],
    ['an email-like pattern', { given: String.raw`^[^@\s]+@[^@\s]+\.[^@\s]+$`, want: false }],
  ])('%s', (_, { given, want }) => {
    expect(backtracksExponentially(given)).toBe(want);
  });
});
