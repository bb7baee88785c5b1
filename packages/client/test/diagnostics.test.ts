import { afterEach, describe, expect, test } from 'vitest';
import { APIConnectionError } from '../src/index.js';
import { API_KEY, fetchClient, json, loopback, send } from './helpers.js';
import { WidgetClient } from './widget/client.js';

// What a failure tells whoever reads it: log lines, connection errors, request ids.
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A logger that joins its arguments as strings, as many loggers do. */
function stringLogger() {
  const lines: string[] = [];
  const log = (...args: unknown[]) => lines.push(args.map(String).join(' '));
  return { lines, logger: { debug: log, info: log, warn: log, error: log } };
}

describe('the debug line of an attempt', () => {
  test.each([
    [
      'a failed attempt',
      {
        given: () => json({ error: { type: 'server_error', message: 'boom' } }, 500),
        want: /^GET \/v1\/widgets\/\{id\} 500: 500 boom \(widget\.retrieve, attempt 1, \d+ ms, headers \{.*"authorization":"\[redacted\]"/,
      },
    ],
    [
      'a connection failure',
      {
        given: () => Promise.reject(new TypeError('fetch failed')),
        want: /^GET \/v1\/widgets\/\{id\} APIConnectionError: Connection error: .*fetch failed.* \(widget\.retrieve, attempt 1/,
      },
    ],
    [
      'a success',
      {
        given: () => json({ id: 'w' }),
        want: /^GET \/v1\/widgets\/\{id\} 200 \(widget\.retrieve, attempt 1, \d+ ms, headers/,
      },
    ],
  ])('%s is one line of text, whatever the logger does with objects', async (_, t) => {
    const { lines, logger } = stringLogger();
    const { client } = fetchClient(t.given, { logLevel: 'debug', logger, maxRetries: 0 });
    await client.widget.retrieve('w').catch(() => undefined);
    expect(lines.join('\n')).not.toContain('[object Object]');
    expect(lines[0]).toMatch(t.want);
    expect(lines.join('\n')).not.toContain(API_KEY);
  });
});
