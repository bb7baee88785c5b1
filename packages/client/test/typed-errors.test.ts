import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  APIConnectionError,
  APIError,
  APIResponseError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  LightfieldError,
  NotFoundError,
  PermissionDeniedError,
  RedirectError,
  RateLimitError,
  UnprocessableEntityError,
  UnsupportedMediaTypeError,
} from '../src/index.js';
import { fetchClient, json } from './helpers.js';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.useRealTimers();
});

/** Each status the API may answer, and the class the client throws for it. */
const STATUSES = [
  [400, BadRequestError],
  [401, AuthenticationError],
  [403, PermissionDeniedError],
  [404, NotFoundError],
  [409, ConflictError],
  [415, UnsupportedMediaTypeError],
  [422, UnprocessableEntityError],
  [429, RateLimitError],
  [500, InternalServerError],
  [503, InternalServerError],
  [418, APIError],
] as const;

describe('typed errors', () => {
  test.each([...STATUSES, [302, RedirectError]] as const)('%i is named %o', (status, Class) => {
    const error = APIError.generate(status, '', new Headers());
    expect(error.name).toBe(Class.name);
    expect(String(error)).toMatch(new RegExp(`^${Class.name}: ${status} `));
  });

  test.each(STATUSES)('%i is %o', async (status, Class) => {
    const { client } = fetchClient(
      () =>
        json(
          {
            error: {
              type: 'bad_request',
              message: 'Unknown field',
              code: 'unknown_field',
              param: 'fields.$nmae',
            },
          },
          status,
          {
            'retry-after': '0',
          },
        ),
      { maxRetries: 0 },
    );
    const error = await client.widget.retrieve('wid_1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Class);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toBeInstanceOf(LightfieldError);
    expect(error).toMatchObject({
      status,
      type: 'bad_request',
      code: 'unknown_field',
      param: 'fields.$nmae',
      message: `${status} Unknown field`,
    });
  });

  test.each([
    [
      'the wrapped form',
      {
        given: { error: { type: 'not_found', message: 'No such widget' } },
        want: { type: 'not_found', message: '404 No such widget' },
      },
    ],
    [
      'the unwrapped form',
      {
        given: { type: 'not_found', message: 'No such widget' },
        want: { type: 'not_found', message: '404 No such widget' },
      },
    ],
    [
      'an HTML page',
      {
        given: '<html><body>Bad gateway</body></html>',
        want: { type: undefined, message: '404 status code (HTML body)' },
      },
    ],
    [
      'an empty body',
      { given: '', want: { type: undefined, message: '404 status code (no body)' } },
    ],
    [
      'plain text',
      { given: 'upstream gone', want: { type: undefined, message: '404 upstream gone' } },
    ],
  ])('reads %s', async (_, { given, want }) => {
    const { client } = fetchClient(
      () =>
        new Response(typeof given === 'string' ? given : JSON.stringify(given), { status: 404 }),
    );
    const error = await client.widget.retrieve('wid_1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject(want);
  });

  test('RateLimitError carries retryAfter and the rate-limit headers', async () => {
    const { client } = fetchClient(
      () =>
        json({ error: { type: 'too_many_requests', message: 'Slow down' } }, 429, {
          'retry-after': '0',
          'x-ratelimit-limit': '25',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': '1767225600',
        }),
      { maxRetries: 0 },
    );
    const error = (await client.widget.list().catch((e: unknown) => e)) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfter).toBe(0);
    expect(error.rateLimit).toEqual({ limit: 25, remaining: 0, reset: 1767225600 });
  });

  test.each([
    ['malformed JSON', { given: '{"id": "wid_1",', want: /not valid JSON/ }],
    ['an empty 200', { given: '', want: /empty body/ }],
  ])('a 2xx with %s is an APIResponseError, not retried', async (_, { given, want }) => {
    const { client, requests } = fetchClient(() => new Response(given, { status: 200 }));
    const error = await client.widget.retrieve('wid_1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIResponseError);
    expect((error as APIResponseError).message).toMatch(want);
    expect(requests).toHaveLength(1);
  });

  test('a network failure is an APIConnectionError after the retries', async () => {
    const { client, requests } = fetchClient(
      () => {
        throw new TypeError('fetch failed');
      },
      { maxRetries: 1 },
    );
    vi.spyOn(Math, 'random').mockReturnValue(1);
    const error = await client.widget.retrieve('wid_1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(requests).toHaveLength(2);
    vi.restoreAllMocks();
  });
});
