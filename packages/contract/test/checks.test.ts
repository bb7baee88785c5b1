import { describe, expect, test } from 'vitest';
import { buildModel } from '@lightfield/codegen';
import { SpecValidator } from '@lightfield/codegen/validator';
import { checkRequest, checkResponse, mediaMatches, type Seen } from '../src/checks.js';
import { specOperations } from '../src/operations.js';
import { openApiDocument } from '@lightfield/testkit';

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

describe('a response is checked against what the spec documents for its status', () => {
  const json = { content: { 'application/json': { schema: { type: 'object' } } } };
  const responses = {
    '204': { description: 'Gone.', ...json },
    '200': { description: 'Gone.', ...json },
    // Structured data under a text type, as real specs document it.
    '202': {
      description: 'Queued.',
      content: { 'text/plain': { schema: { type: 'object', required: ['at'] } } },
    },
  };
  const id = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
  const remove = { operationId: 'thing.remove', parameters: [id], responses };
  const document = openApiDocument({ '/things/{id}': { delete: remove } }, { openapi: '3.0.3' });
  const model = buildModel({ file: 'things.json', document, hash: '0' });
  const [op] = specOperations(model);
  const seen = (status: number, contentType: string, text: string): Seen => ({
    status,
    contentType,
    text,
    request: {
      url: new URL('http://127.0.0.1/things/1'),
      headers: new Headers(),
      contentType: '',
      hasBody: false,
    },
  });
  test.each<[string, { given: Seen; want: string | undefined }]>([
    [
      'a 204 without a body, though content is declared',
      { given: seen(204, '', ''), want: undefined },
    ],
    [
      'a 204 with a JSON type and no body',
      { given: seen(204, 'application/json', ''), want: undefined },
    ],
    [
      'a 200 without a body',
      { given: seen(200, '', ''), want: 'content-type "" is not one of application/json' },
    ],
    ['a 200 with its JSON', { given: seen(200, 'application/json', '{}'), want: undefined }],
    [
      'text documented as an object, holding its JSON',
      { given: seen(202, 'text/plain', '{"at":1}'), want: undefined },
    ],
    [
      'text documented as an object, holding other JSON',
      {
        given: seen(202, 'text/plain', '{"to":1}'),
        want: 'the body does not match the schema: (root) must be object',
      },
    ],
  ])('%s', (_, { given, want }) => {
    expect(checkResponse(model, new SpecValidator(document), op!, given)).toBe(want);
  });
});

describe('a request is checked for the required headers its method takes', () => {
  const header = (name: string) => ({
    name,
    in: 'header',
    required: true,
    schema: { type: 'string' },
  });
  const list = {
    operationId: 'thing.list',
    parameters: [header('Content-Type'), header('X-Tenant')],
    responses: { '200': { description: 'Things.' } },
  };
  const document = openApiDocument({ '/things': { get: list } }, { openapi: '3.0.3' });
  const model = buildModel({ file: 'things.json', document, hash: '0' });
  const [op] = specOperations(model);
  const sent = (headers: Record<string, string>): Seen => ({
    status: 200,
    contentType: '',
    text: '',
    request: {
      url: new URL('http://127.0.0.1/things'),
      headers: new Headers(headers),
      contentType: '',
      hasBody: false,
    },
  });
  test.each<[string, { given: Seen; want: string | undefined }]>([
    ['one the method takes, sent', { given: sent({ 'X-Tenant': 't' }), want: undefined }],
    [
      'one the method takes, missing',
      { given: sent({}), want: 'the client did not send the required header X-Tenant' },
    ],
  ])('%s', (_, { given, want }) => {
    expect(checkRequest(model, op!, given)).toBe(want);
  });
});
