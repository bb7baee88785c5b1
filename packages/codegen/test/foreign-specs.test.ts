import { describe, expect, test } from 'vitest';
import type { Json } from '../src/json.js';
import { generated, json, model, ok, pathParam, widgetRef, type Case } from './tiny-spec.js';

// What specs nobody here wrote bring: names that are no identifiers, optional page items,
// wildcard and vendor media, schemas that are no objects, entity fields that only the schemas
// declare (what generation repairs is in spec-repairs.test.ts). Each case pins what the generated
// code says about one of them.

const named = (schemas: Json): Json => ({ components: { schemas } });
/** `widget.list` with offset pagination's parameters, answering `response`. */
const pagedList = (response: Json): Json => ({
  paths: {
    '/widgets': {
      get: {
        operationId: 'widget.list',
        parameters: ['limit', 'offset'].map((name) => ({
          name,
          in: 'query',
          schema: { type: 'integer' },
        })),
        responses: ok(response),
      },
    },
  },
});

describe('names', () => {
  test.each<Case>([
    [
      'a schema name with dashes becomes a PascalCase alias of the same schema',
      {
        given: named({ 'Comment--Base': { type: 'object' } }),
        file: 'aliases.ts',
        want: "export type CommentBase = components['schemas']['Comment--Base'];\n",
      },
    ],
    [
      'a kebab-case schema name',
      {
        given: named({ 'security-advisory-ecosystems': { type: 'string' } }),
        file: 'aliases.ts',
        want: "export type SecurityAdvisoryEcosystems = components['schemas']['security-advisory-ecosystems'];\n",
      },
    ],
    [
      'names that derive alike are told apart, legal names first',
      {
        given: named({ 'Comment-Base': { type: 'object' }, CommentBase: { type: 'object' } }),
        file: 'aliases.ts',
        want: "export type CommentBase2 = components['schemas']['Comment-Base'];\n",
      },
    ],
    [
      'a leading digit and a predefined type name',
      {
        given: named({ '2fa': { type: 'object' }, string: { type: 'string' } }),
        file: 'aliases.ts',
        want: "export type N2fa = components['schemas']['2fa'];\n/**\n * The `string` schema.\n */\nexport type stringSchema = components['schemas']['string'];\n",
      },
    ],
    [
      'a schema named like a type openapi-typescript exports',
      {
        given: named({ operations: { type: 'object' } }),
        file: 'aliases.ts',
        want: "export type operations2 = components['schemas']['operations'];\n",
      },
    ],
  ])('%s', async (_, { given, file, want }) => {
    expect(await generated('types', given, file)).toContain(want);
  });

  test('the client imports the alias under its type name', async () => {
    const given = {
      ...named({ 'Comment--Base': { type: 'object' } }),
      paths: {
        '/comments/{id}': {
          get: {
            operationId: 'comment.retrieve',
            parameters: [pathParam('id')],
            responses: ok({ $ref: '#/components/schemas/Comment--Base' }),
          },
        },
      },
    };
    const client = await generated('client', given, 'client.ts');
    expect(client).toContain(
      "import type { CommentBase, OrgDefinitions } from '@lightfield/types';",
    );
    expect(client).toContain(
      'retrieve(id: string, options?: RequestOptions): APIPromise<CommentBase>',
    );
    expect(await generated('fixtures', given, 'factories.ts')).toContain(
      'export function makeCommentBase(',
    );
  });

  test('an operationId with a # is looked up under the key openapi-typescript gives it', async () => {
    const given = {
      paths: {
        '/widgets': {
          get: {
            operationId: 'Widgets#index',
            parameters: [{ name: 'page', in: 'query', schema: { type: 'integer' } }],
            responses: ok(widgetRef),
          },
        },
      },
    };
    const want = "operations['Widgets/index']['parameters']['query']";
    expect(await generated('types', given, 'aliases.ts')).toContain(want);
    expect(await generated('client', given, 'client.ts')).toContain(want);
  });

  test('a path parameter named like a value the method reads takes another name', async () => {
    const given = {
      paths: {
        '/search/{operation}': {
          get: {
            operationId: 'search.run',
            parameters: [pathParam('operation')],
            responses: ok(widgetRef),
          },
        },
      },
    };
    const client = await generated('client', given, 'client.ts');
    expect(client).toContain('run(operation_: string, options?: RequestOptions)');
    expect(client).toContain('operation.searchRun,');
  });

  test('derived operation names that collide get a number, and a note says so', () => {
    const list = (operationId: string) => ({
      operationId,
      tags: ['Widgets'],
      responses: ok(widgetRef),
    });
    const m = model({
      paths: { '/widgets': { get: list('list-widgets'), post: list('list_widgets') } },
    });
    expect(m.operations.map((o) => o.operationId)).toEqual([
      'widgets.listWidgets',
      'widgets.listWidgets2',
    ]);
    expect(m.notes).toContain(
      'widgets.listWidgets2: renamed from widgets.listWidgets, which another operation or a client member holds',
    );
  });
});

describe('shapes', () => {
  test.each<Case>([
    [
      'an optional items array is made non-null before it is indexed',
      {
        given: pagedList({
          type: 'object',
          properties: { data: { type: 'array', items: widgetRef } },
        }),
        file: 'client.ts',
        want: "NonNullable<\n      operations['widget.list']['responses'][200]['content']['application/json']['data']\n    >[number]",
      },
    ],
    [
      'an array with properties beside its items is a list of its items, not a page',
      {
        given: pagedList({
          type: 'array',
          items: widgetRef,
          properties: { links: { type: 'array', items: { type: 'string' } } },
        }),
        file: 'client.ts',
        want: 'return request(this.#client, operation.widgetList, { query }, options);',
      },
    ],
    [
      'a JSON body under a wildcard media type is sent as application/json',
      {
        given: {
          paths: {
            '/widgets': {
              post: {
                operationId: 'widget.create',
                requestBody: { content: { '*/*': { schema: widgetRef } } },
                responses: ok(widgetRef),
              },
            },
          },
        },
        file: 'operations.ts',
        want: "export const widgetCreate = {\n  id: 'widget.create',\n  method: 'POST',\n  path: '/widgets',\n} as const satisfies OperationInfo;",
      },
    ],
    [
      'a vendor JSON response is what the client accepts, and read as JSON',
      {
        given: {
          paths: {
            '/widgets/{id}': {
              get: {
                operationId: 'widget.retrieve',
                parameters: [pathParam('id')],
                responses: {
                  '200': {
                    description: 'OK',
                    content: { 'application/vnd.widgets+json': { schema: widgetRef } },
                  },
                },
              },
            },
          },
        },
        file: 'operations.ts',
        want: "response: { type: 'application/vnd.widgets+json' },",
      },
    ],
  ])('%s', async (_, { given, file, want }) => {
    expect(await generated('client', given, file)).toContain(want);
  });

  /** A spec whose one GET, at `route`, answers the schema `name`. */
  const answering = (name: string, schema: Json, route: string, operationId: string): Json => ({
    ...named({ [name]: schema }),
    paths: {
      [route]: { get: { operationId, responses: ok({ $ref: `#/components/schemas/${name}` }) } },
    },
  });

  test.each<Case>([
    [
      'a factory of a schema that is no object takes no overrides',
      {
        given: answering('Tags', { type: 'array', items: { type: 'string' } }, '/tags', 'tag.all'),
        file: 'factories.ts',
        want: "export function makeTags(): Tags {\n  return $make.makeExample<Tags>('tag.all', '200');\n}",
      },
    ],
    [
      'a factory of a nullable object takes optional overrides of the object',
      {
        given: answering(
          'Maybe',
          { type: ['object', 'null'], properties: { id: { type: 'string' } } },
          '/maybe',
          'maybe.get',
        ),
        file: 'factories.ts',
        want: 'export function makeMaybe(overrides?: Partial<NonNullable<Maybe>>): Maybe {',
      },
    ],
    [
      'a spec without operations lists its operation ids as strings',
      {
        given: {},
        file: 'resources.ts',
        want: 'export const operationIds: readonly string[] = [];',
      },
    ],
  ])('fixtures: %s', async (_, { given, file, want }) => {
    expect(await generated('fixtures', given, file)).toContain(want);
  });
});

describe('entity fields', () => {
  const fieldsOf = (properties: Json, required: string[] = []) => ({
    type: 'object',
    properties: {
      fields: { type: 'object', required, properties },
      relationships: { type: 'object', properties: {} },
    },
  });
  const entity = {
    type: 'object',
    properties: { id: { type: 'string' }, ...fieldsOf({}).properties },
  };
  const m = model({
    components: {
      schemas: {
        Gathering: {
          ...entity,
          properties: {
            ...entity.properties,
            ...fieldsOf({ $when: { type: 'string' } }).properties,
          },
        },
      },
    },
    paths: {
      '/gatherings': {
        post: {
          operationId: 'gathering.create',
          requestBody: json(
            fieldsOf(
              {
                $name: { type: 'string' },
                $description: { type: 'string', 'x-lightfield-value-type': 'MARKDOWN' },
              },
              ['$name'],
            ),
          ),
          responses: ok({ $ref: '#/components/schemas/Gathering' }),
        },
      },
      '/gatherings/{id}': {
        get: {
          operationId: 'gathering.retrieve',
          parameters: [pathParam('id')],
          responses: ok({ $ref: '#/components/schemas/Gathering' }),
        },
      },
    },
  });

  test('come from every schema of the entity, not only what the create requires', () => {
    const gathering = m.resources.find((r) => r.name === 'gathering')!;
    expect(gathering.kind).toBe('entity');
    expect(gathering.entity?.fields).toEqual({
      $when: 'TEXT',
      $name: 'TEXT',
      $description: 'MARKDOWN',
    });
    expect(gathering.entity?.create?.fields).toEqual({ $name: 'TEXT' });
  });
});
