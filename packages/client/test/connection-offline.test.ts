import { expect, test, vi } from 'vitest';
import { APIConnectionError } from '../src/index.js';
import { fetchClient } from './helpers.js';

// The words of a connection error come from a module the client loads only when a request gets
// no response (`connectionError` in src/internal/failure.ts). Here it can't be loaded, as in a
// browser gone offline: the call still fails with an APIConnectionError, in plain words, retried
// as any connection error is.
vi.mock('../src/internal/connection-message.js', () => {
  throw new Error('offline: the chunk could not be fetched');
});

test.each([
  ['outside a browser', { browser: false }],
  ['in a browser, where the words would call it final', { browser: true }],
])('a connection error whose words cannot load is plain, %s, and retried', async (_, t) => {
  if (t.browser) {
    vi.stubGlobal('window', {});
    vi.stubGlobal('document', {});
  }
  vi.spyOn(Math, 'random').mockReturnValue(1);
  const { client, requests } = fetchClient(
    () => {
      throw new TypeError('Failed to fetch');
    },
    { dangerouslyAllowBrowser: t.browser, maxRetries: 1 },
  );
  const error = await client.widget.retrieve('wid_1').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(APIConnectionError);
  expect((error as Error).message).toBe('Connection error.');
  expect((error as Error).cause).toBeInstanceOf(TypeError);
  expect(requests).toHaveLength(2);
  vi.unstubAllGlobals();
});
