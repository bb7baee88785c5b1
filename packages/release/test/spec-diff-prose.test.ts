import { describe, expect, test } from 'vitest';
import { openApiDocument } from '@lightfield/testkit';
import { diffSpecs } from '../src/index.js';

/** The spec below, as the cases edit it. */
interface Json {
  [key: string]: unknown;
  paths: {
    '/things/{id}': Record<string, unknown> & {
      post: Record<string, unknown> & { parameters: [Record<string, unknown>] };
    };
  };
  components: { parameters: { Id: Record<string, unknown> } };
}

/** A small spec of its own: a shared path parameter by `$ref`, and an operation's own header. */
function spec(): Json {
  const ok = { '200': { description: 'ok' } };
  const trace = { name: 'X-Trace', in: 'header', required: false, schema: { type: 'string' } };
  const id = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
  const paths = {
    '/things/{id}': {
      parameters: [{ $ref: '#/components/parameters/Id' }],
      get: { operationId: 'thing.get', responses: ok },
      post: { operationId: 'thing.update', parameters: [trace], responses: ok },
    },
  };
  return openApiDocument(paths, { components: { parameters: { Id: id } } }) as Json;
}

describe('diffSpecs words a parameter example as prose, never as a parameter added', () => {
  test.each<[string, { given: (d: Json) => void; want: string }]>([
    [
      'an example added to a shared path parameter',
      {
        given: (d) => (d.components.parameters.Id.example = 'th_1'),
        want: 'example of path parameter `id` added',
      },
    ],
    [
      'examples added to a shared path parameter',
      {
        given: (d) => (d.components.parameters.Id.examples = { one: { value: 'th_1' } }),
        want: 'examples of path parameter `id` added',
      },
    ],
    [
      "an example added to an operation's optional header",
      {
        given: (d) => (d.paths['/things/{id}'].post.parameters[0].example = 'abc'),
        want: 'example of header parameter `X-Trace` added',
      },
    ],
    [
      'an example removed',
      {
        given: (d) => delete d.components.parameters.Id.example,
        want: 'example of path parameter `id` removed',
      },
    ],
  ])('%s', (name, { given, want }) => {
    const before = spec();
    const after = spec();
    if (name.includes('removed')) before.components.parameters.Id.example = 'th_1';
    given(after);
    const changes = diffSpecs(before, after);
    const ops = changes.filter((c) => c.pointer.startsWith('/paths/'));
    expect(ops.length).toBeGreaterThan(0);
    for (const c of ops) expect(c).toMatchObject({ what: want, class: 'annotation' });
    expect(changes.every((c) => c.class === 'annotation')).toBe(true);
    expect(changes.map((c) => c.what).join('\n')).not.toMatch(/required|\[Added\]/);
  });
});

describe('diffSpecs words a body example as prose about that body', () => {
  type Post = Json['paths']['/things/{id}']['post'];
  const post = (d: Json): Post => d.paths['/things/{id}'].post;
  const withBody = (example?: unknown) => ({
    content: {
      'application/json': { schema: { type: 'object' }, ...(example ? { example } : {}) },
    },
  });
  test.each<[string, { before: (p: Post) => void; after: (p: Post) => void; want: string }]>([
    [
      'a response example added',
      {
        before: (p) => (p.responses = { '200': { description: 'ok', ...withBody() } }),
        after: (p) => (p.responses = { '200': { description: 'ok', ...withBody({ id: 'th_1' }) } }),
        want: 'example of the 200 response (application/json) added',
      },
    ],
    [
      'a value inside a response example changed',
      {
        before: (p) =>
          (p.responses = { '200': { description: 'ok', ...withBody({ id: 'th_1' }) } }),
        after: (p) => (p.responses = { '200': { description: 'ok', ...withBody({ id: 'th_2' }) } }),
        want: 'example of the 200 response (application/json) changed',
      },
    ],
    [
      'a request body example added',
      {
        before: (p) => (p.requestBody = withBody()),
        after: (p) => (p.requestBody = withBody({ a: 1 })),
        want: 'example of the request body (application/json) added',
      },
    ],
  ])('%s', (_, { before: edit, after: change, want }) => {
    const before = spec();
    const after = spec();
    edit(post(before));
    change(post(after));
    const changes = diffSpecs(before, after);
    expect(changes.map((c) => [c.what, c.class])).toEqual([[want, 'annotation']]);
  });
});
