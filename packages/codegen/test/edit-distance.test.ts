import { expect, test } from 'vitest';
import { editDistance } from '../src/edit-distance.js';

test.each<[string, { given: [string, string]; want: number }]>([
  ['the same', { given: ['retry', 'retry'], want: 0 }],
  ['one substituted', { given: ['retry', 'retrx'], want: 1 }],
  ['one inserted', { given: ['seed', 'seeds'], want: 1 }],
  ['one deleted', { given: ['timeout', 'timout'], want: 1 }],
  ['two swapped', { given: ['seed', 'sede'], want: 2 }],
  ['from nothing', { given: ['', 'port'], want: 4 }],
  ['to nothing', { given: ['port', ''], want: 4 }],
  ['nothing alike', { given: ['abc', 'xyz'], want: 3 }],
])('%s', (_, { given, want }) => {
  expect(editDistance(...given)).toBe(want);
  expect(editDistance(given[1], given[0])).toBe(want);
});
