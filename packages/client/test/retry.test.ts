import { afterEach, describe, expect, test, vi } from 'vitest';
import { retryDelay, shouldRetry } from '../src/core/retry.js';
import { entity, fetchClient, json } from './helpers.js';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const h = (init: Record<string, string>) => new Headers(init);

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('retryDelay', () => {
  test.each([
    ['first backoff, no jitter', { given: [0, undefined, 0], want: 500 }],
    ['second backoff', { given: [1, undefined, 0], want: 1000 }],
    ['backoff caps at 8 s', { given: [10, undefined, 0], want: 8000 }],
    ['jitter takes up to 25% off', { given: [0, undefined, 1], want: 375 }],
    [
      'retry-after-ms wins',
      { given: [3, h({ 'retry-after-ms': '250', 'retry-after': '9' }), 0], want: 250 },
    ],
    ['Retry-After seconds', { given: [0, h({ 'retry-after': '3' }), 0], want: 3000 }],
    [
      'Retry-After HTTP date',
      { given: [0, h({ 'retry-after': new Date(NOW + 4000).toUTCString() }), 0], want: 4000 },
    ],
    [
      'Retry-After date in the past waits 0',
      { given: [0, h({ 'retry-after': new Date(NOW - 4000).toUTCString() }), 0], want: 0 },
    ],
    [
      'Retry-After over 60 s falls back to backoff',
      { given: [0, h({ 'retry-after': '120' }), 0], want: 500 },
    ],
    [
      'a negative retry-after-ms falls back',
      { given: [1, h({ 'retry-after-ms': '-5' }), 0], want: 1000 },
    ],
    ['garbage falls back', { given: [0, h({ 'retry-after': 'soon' }), 0], want: 500 }],
  ] as const)('%s', (_, { given: [retry, headers, random], want }) => {
    expect(retryDelay(retry, headers, NOW, () => random)).toBe(want);
  });
});

describe('shouldRetry', () => {
  test.each([
    [408, {}, true],
    [409, {}, true],
    [429, {}, true],
    [500, {}, true],
    [599, {}, true],
    [400, {}, false],
    [404, {}, false],
    [422, {}, false],
    [400, { 'x-should-retry': 'true' }, true],
    [503, { 'x-should-retry': 'false' }, false],
  ] as const)('%i %j → %s', (status, headers, want) => {
    expect(shouldRetry(status, new Headers(headers))).toBe(want);
  });
});

test('backs off 0.5 s, 1 s, 2 s between attempts (fake timers)', async () => {
  vi.useFakeTimers();
  vi.spyOn(Math, 'random').mockReturnValue(0);
  const { client, requests } = fetchClient(
    (_, n) => (n <= 3 ? json({ error: { type: 'x', message: 'down' } }, 500) : json(entity())),
    {
      maxRetries: 3,
    },
  );
  const done = client.widget.retrieve('wid_1');
  await vi.advanceTimersByTimeAsync(0);
  expect(requests).toHaveLength(1);
  await vi.advanceTimersByTimeAsync(499);
  expect(requests).toHaveLength(1);
  await vi.advanceTimersByTimeAsync(1);
  expect(requests).toHaveLength(2);
  await vi.advanceTimersByTimeAsync(1000);
  expect(requests).toHaveLength(3);
  await vi.advanceTimersByTimeAsync(1999);
  expect(requests).toHaveLength(3);
  await vi.advanceTimersByTimeAsync(1);
  expect((await done).id).toBe('wid_1');
  expect(vi.getTimerCount()).toBe(0);
});
