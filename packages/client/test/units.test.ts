import { describe, expect, test } from 'vitest';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIPromise,
  APIResponseError,
  APIUserAbortError,
  InvalidArgumentError,
  LightfieldError,
  NotFoundError,
  Page,
  RateLimitError,
} from '../src/index.js';
import { serializeFilter, type Filter } from '../src/core/filter.js';
import { retryDelay } from '../src/core/retry.js';
import { sleep } from '../src/internal/sleep.js';

// The small pure pieces of the runtime, at the edges the mutation run found unpinned.
describe('errors', () => {
  test.each([
    [new LightfieldError('x'), 'LightfieldError', 'x'],
    [new APIConnectionError(), 'APIConnectionError', 'Connection error.'],
    [new APIConnectionTimeoutError(), 'APIConnectionTimeoutError', 'Request timed out.'],
    [new APIUserAbortError(), 'APIUserAbortError', 'Request was aborted.'],
    [new APIResponseError('bad', 200, new Headers()), 'APIResponseError', 'bad'],
    [new InvalidArgumentError('bad', 'limit'), 'InvalidArgumentError', 'bad'],
    // A subclass of a user's takes the name of the nearest class of the package.
    [new (class extends NotFoundError {})(404, 'x', new Headers()), 'NotFoundError', '404 x'],
  ])('%o has its name and default message', (error, name, message) => {
    expect(error).toMatchObject({ name, message });
    // The name is the error's own: JSON and loggers that list own keys show it.
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ name });
  });

  test.each<[string, { given: unknown; want: Record<string, unknown> }]>([
    [
      'a type without a message',
      {
        given: { error: { type: 'not_found' } },
        want: { message: '404 not_found', type: 'not_found' },
      },
    ],
    [
      'an error that is not an object',
      { given: { error: ['x'], type: 't', message: 'm' }, want: { message: '404 m', type: 't' } },
    ],
    ['null', { given: null, want: { message: '404 status code (no body)', type: undefined } }],
    [
      'an empty object',
      { given: {}, want: { message: '404 status code (no body)', type: undefined } },
    ],
    ['blank text', { given: '  \n', want: { message: '404 status code (no body)' } }],
    [
      'HTML after spaces',
      { given: '  <html>down</html>', want: { message: '404 status code (HTML body)' } },
    ],
    ['text with a < inside', { given: 'a <b>', want: { message: '404 a <b>' } }],
    ['padded text', { given: '  gone  ', want: { message: '404 gone' } }],
    ['long text', { given: 'x'.repeat(300), want: { message: `404 ${'x'.repeat(200)}` } }],
  ])('an error body of %s', (_, { given, want }) => {
    expect(APIError.generate(404, given, new Headers())).toMatchObject(want);
  });

  test('toJSON has the status and the body fields, not the headers', () => {
    const error = APIError.generate(
      400,
      { error: { type: 't', code: 'c', param: 'p', message: 'm' } },
      new Headers({ 'x-a': '1' }),
    );
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'BadRequestError',
      status: 400,
      type: 't',
      code: 'c',
      param: 'p',
      message: '400 m',
    });
  });

  test.each([
    ['none', {}, { retryAfter: undefined, rateLimit: {} }],
    [
      'numbers',
      {
        'retry-after': '3',
        'x-ratelimit-limit': '25',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': '9',
      },
      { retryAfter: 3, rateLimit: { limit: 25, remaining: 0, reset: 9 } },
    ],
    [
      'junk',
      {
        'retry-after': 'soon',
        'x-ratelimit-limit': ' ',
        'x-ratelimit-remaining': 'x',
        'x-ratelimit-reset': '',
      },
      { retryAfter: undefined, rateLimit: {} },
    ],
    ['a blank Retry-After', { 'retry-after': ' ' }, { retryAfter: undefined, rateLimit: {} }],
  ])('RateLimitError reads %s', (_, headers, want) => {
    const error = APIError.generate(429, '', new Headers(headers)) as RateLimitError;
    expect({ retryAfter: error.retryAfter, rateLimit: error.rateLimit }).toEqual(want);
  });
});

describe('serializeFilter', () => {
  test.each<[string, { given: Filter; want: string[] }]>([
    ['a bare value', { given: { a: 'x y' }, want: ['a=x%20y'] }],
    [
      'undefined parts',
      {
        given: {
          a: undefined,
          b: { equal: undefined, not: { equal: undefined, contains: 'z' } },
        } as unknown as Filter,
        want: ['b[-contains]=z'],
      },
    ],
  ])('%s', (_, { given, want }) => {
    expect(serializeFilter(given)).toEqual(want);
  });

  test.each([
    ['not as a string', { a: { not: 'x' } }, 'filter a.not must be an object'],
    ['not as null', { a: { not: null } }, 'filter a.not must be an object'],
    ['a bare null', { a: null }, 'filter a must be a string, number or boolean'],
    ['an object value', { a: { equal: {} } }, 'filter a.equal must be a string, number or boolean'],
    [
      'a negated object value',
      { a: { not: { equal: [] } } },
      'filter a.not.equal must be a string, number or boolean',
    ],
  ])('%s is refused', (_, given, message) => {
    expect(() => serializeFilter(given as unknown as Filter)).toThrow(message);
  });
});

describe('retryDelay', () => {
  const backoff = 500;
  test.each([
    ['a blank retry-after-ms', { 'retry-after-ms': ' ' }, backoff],
    ['retry-after-ms at the 60 s cap', { 'retry-after-ms': '60000' }, 60_000],
    [
      'retry-after-ms out of range, then Retry-After',
      { 'retry-after-ms': '99999', 'retry-after': '2' },
      2000,
    ],
    ['a blank Retry-After', { 'retry-after': ' ' }, backoff],
  ])('%s', (_, headers, want) => {
    expect(retryDelay(0, new Headers(headers), 0, () => 0)).toBe(want);
  });
});

describe('sleep', () => {
  test('an aborted signal rejects at once, even for 0 ms', async () => {
    await expect(sleep(0, AbortSignal.abort())).rejects.toBeInstanceOf(APIUserAbortError);
  });

  test('0 ms resolves in the same turn of the event loop', async () => {
    let done = false;
    void sleep(0).then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(true);
  });
});

describe('APIPromise', () => {
  const response = new Response('{}');
  const ok = () => new APIPromise(Promise.resolve({ data: { id: 1 }, response }));

  test('then without callbacks, catch and finally give the body', async () => {
    expect(await ok().then()).toEqual({ id: 1 });
    expect(await ok().catch(() => 'failed')).toEqual({ id: 1 });
    let ran = false;
    expect(await ok().finally(() => (ran = true))).toEqual({ id: 1 });
    expect(ran).toBe(true);
    expect(Object.prototype.toString.call(ok())).toBe('[object APIPromise]');
  });
});

describe('Page', () => {
  const LIST = { limit: 'limit', offset: 'offset', items: 'data', total: 'totalCount' };
  const fetchPage = () => {
    throw new Error('no next page expected');
  };
  test('a body without data or totalCount is an empty last page', () => {
    const page = new Page<string>(
      { object: 'list' },
      new Response(),
      { offset: 0, limit: 25, page: LIST },
      fetchPage,
    );
    expect(page.data).toEqual([]);
    expect(page.totalCount).toBe(0);
    expect(page.hasNextPage()).toBe(false);
    expect(page.toJSON()).toEqual({ object: 'list', data: [], totalCount: 0 });
  });

  test('an empty page with limit 0 has no next page', () => {
    const page = new Page<string>(
      { object: 'list', data: [], totalCount: 5 },
      new Response(),
      { offset: 0, limit: 0, page: LIST },
      fetchPage,
    );
    expect(page.hasNextPage()).toBe(false);
  });

  test('without totalCount, a full page counts itself', () => {
    const page = new Page<string>(
      { object: 'list', data: ['a', 'b'] },
      new Response(),
      { offset: 0, limit: 2, page: LIST },
      fetchPage,
    );
    expect(page.totalCount).toBe(2);
    expect(page.hasNextPage()).toBe(false);
  });
});
