import { SpecValidator } from '@lightfield/codegen/validator';
import type { Json } from '@lightfield/codegen/json';
import { describe, expect, test } from 'vitest';
import { openApiDocument } from '@lightfield/testkit';
import { buildModel } from '@lightfield/codegen';
import { paramValue, pathSegment, sentHeaders, wireBody } from '../src/request.js';
import { specOperations } from '../src/operations.js';
import type { SpecOperation } from '../src/operations.js';

// Real specs give parameters examples that break their own schema; the client refuses those
// before sending anything, so the round-trip must send a value that fits instead.
const doc: Json = openApiDocument(
  {},
  {
    openapi: '3.0.3',
    components: { schemas: { Rating: { type: 'integer', enum: [1, 2, 3] } } },
  },
);
const validator = new SpecValidator(doc);

describe('a parameter takes its example where the example fits its schema', () => {
  test.each<[string, { given: Json; want: unknown }]>([
    ['an example that fits', { given: { example: 7, schema: { type: 'integer' } }, want: 7 }],
    [
      'the first of its examples',
      { given: { examples: { a: { value: 'x_1' } }, schema: { type: 'string' } }, want: 'x_1' },
    ],
    [
      'an integer given as text',
      { given: { example: '6530', schema: { type: 'integer' } }, want: 0 },
    ],
    [
      'an array given as one string',
      {
        given: { example: 'jobs,hello', schema: { type: 'array', items: { type: 'string' } } },
        want: ['string'],
      },
    ],
    [
      'an object where a referenced enum is asked for',
      {
        given: { example: { rating: 5 }, schema: { $ref: '#/components/schemas/Rating' } },
        want: 1,
      },
    ],
    ['no example', { given: { schema: { type: 'boolean' } }, want: false }],
  ])('%s', (_, { given, want }) => {
    const param: Json = { name: 'p', in: 'query', ...given };
    const value = paramValue(doc, param, validator);
    expect(validator.fits(param['schema'], value)).toBe(true);
    expect(value).toEqual(want);
  });
});

describe('a path parameter is never blank: the client would refuse it', () => {
  test.each<[string, { given: Json; model?: string; want: string }]>([
    [
      'the id the model shows',
      { given: { schema: { type: 'string' } }, model: 'v_1', want: 'v_1' },
    ],
    ['an example', { given: { example: 12, schema: { type: 'integer' } }, want: '12' }],
    ['a blank default', { given: { schema: { type: 'string', default: '' } }, want: 'string' }],
    [
      'a blank shown by the model',
      { given: { schema: { type: 'string' } }, model: ' ', want: 'string' },
    ],
    ['an enum of blanks', { given: { schema: { type: 'string', enum: [''] } }, want: 'string' }],
    ['an enum with a blank', { given: { schema: { enum: ['', 'oas.json'] } }, want: 'oas.json' }],
  ])('%s', (_, { given, model, want }) => {
    expect(pathSegment(doc, { name: 'p', in: 'path', ...given }, validator, model)).toBe(want);
  });
});

describe('a body as the client takes it for its media type', () => {
  const FORM = 'application/x-www-form-urlencoded';
  const op = (type: string, schema: Json): SpecOperation => ({
    name: 'form',
    httpMethod: 'post',
    path: '/form',
    raw: { requestBody: { content: { [type]: { schema } } } },
    params: [],
  });
  test.each<[string, { type: string; schema: Json; value: unknown; want: unknown }]>([
    [
      'a form of fields',
      { type: FORM, schema: { type: 'object' }, value: { a: 'b' }, want: { a: 'b' } },
    ],
    [
      'a form typed as a string: the encoded form',
      { type: FORM, schema: { type: 'string' }, value: 'a=b', want: 'a=b' },
    ],
    [
      'any media type: JSON',
      { type: '*/*', schema: { type: 'object' }, value: { a: 1 }, want: { a: 1 } },
    ],
  ])('%s', (_, { type, schema, value, want }) => {
    expect(wireBody(doc, op(type, schema), type, value)).toEqual(want);
  });
});

test('the headers sent are those the client takes: not one OpenAPI ignores', () => {
  const header = (name: string, example: string) => ({
    name,
    in: 'header',
    required: true,
    example,
    schema: { type: 'string' },
  });
  const document: Json = {
    openapi: '3.0.3',
    info: { title: 'T', version: '1' },
    paths: {
      '/notes': {
        post: {
          operationId: 'notes.create',
          parameters: [header('Content-Type', 'application/json'), header('X-Trace', 't1')],
          responses: { '204': { description: 'done' } },
        },
      },
    },
  };
  const model = buildModel({ file: 'spec.json', document, hash: 'h' });
  const [op] = specOperations(model);
  expect(sentHeaders(model, op!, new SpecValidator(document))).toEqual({ 'X-Trace': 't1' });
});
