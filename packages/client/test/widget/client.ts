// The client the runtime tests call: what the codegen makes of the test specs' widget.yaml, written
// out by hand so the tests type-check before anything is generated (widget-client.test.ts
// generates the spec and checks the operations and defaults below are the same). The runtime
// (src/core) is the package's own: these tests exercise it, not the project spec.
import type { Client } from 'openapi-fetch';
import type { APIPromise } from '../../src/core/api-promise.js';
import { BaseClient, type SpecDefaults } from '../../src/internal/base-client.js';
import { serializeFilter, type Filter } from '../../src/core/filter.js';
import { idempotencyKey } from '../../src/core/idempotency-key.js';
import type { OperationInfo } from '../../src/internal/operation.js';
import type { ClientOptions, RequestOptions } from '../../src/core/options.js';
import type { PagePromise } from '../../src/core/pagination.js';
import { serializeQuery } from '../../src/core/query.js';
import { withRateLimit } from '../../src/core/rate-limit.js';
import { withSuggestions } from '../../src/core/suggest.js';
import { request, requestPage } from '../../src/internal/request.js';
import { createRawClient } from '../../src/raw.js';

/** Every operation of widget.yaml, as the codegen's `operations.ts` has them. */
export const widgetOperations = {
  widgetCreate: {
    id: 'widget.create',
    method: 'POST',
    path: '/v1/widgets',
    category: 'Write',
    idempotency: { maxLength: 255, key: idempotencyKey },
  },
  widgetDefinitions: {
    id: 'widget.definitions',
    method: 'GET',
    path: '/v1/widgets/definitions',
    category: 'Read',
  },
  widgetList: {
    id: 'widget.list',
    method: 'GET',
    path: '/v1/widgets',
    query: {
      limit: { type: 'integer', minimum: 1, maximum: 20 },
      offset: { type: 'integer', minimum: 0 },
    },
    encodeQuery: serializeQuery,
    category: 'Search',
    filter: serializeFilter,
    page: { limit: 'limit', offset: 'offset', items: 'data', total: 'totalCount', size: 20 },
  },
  widgetRetrieve: {
    id: 'widget.retrieve',
    method: 'GET',
    path: '/v1/widgets/{id}',
    pathParams: ['id'],
    category: 'Read',
  },
  widgetUpdate: {
    id: 'widget.update',
    method: 'POST',
    path: '/v1/widgets/{id}',
    pathParams: ['id'],
    category: 'Write',
    idempotency: { maxLength: 255, key: idempotencyKey },
  },
} as const satisfies Record<string, OperationInfo>;

/** widget.yaml's server, constant header and rate limits, as the codegen's `specDefaults`. */
export const widgetDefaults: SpecDefaults = {
  baseUrl: 'https://api.widgets.test',
  headers: { 'Api-Version': '2025-06-01' },
  rateLimits: { Write: 10, Read: 20, Search: 25 },
};

/** A field value on the wire. */
export interface WidgetProp {
  value: unknown;
  valueType: string;
}

/** A widget as the API returns it (the parts the tests read). */
export interface Widget {
  id: string;
  createdAt: string;
  updatedAt?: string | null;
  fields: Record<string, WidgetProp | undefined>;
  relationships: Record<string, unknown>;
}

/** A widget create or update body. */
export interface WidgetBody {
  fields?: Record<string, unknown>;
  relationships?: Record<string, unknown>;
}

/** The query of `widget.list`, with field filters. */
export type WidgetListParams = {
  limit?: number;
  offset?: number;
  filter?: Filter;
};

/** The widget resource, as the codegen writes a resource: one method per operation. */
export class WidgetResource {
  readonly #client: BaseClient;
  constructor(client: BaseClient) {
    this.#client = client;
  }
  create(body: WidgetBody, options?: RequestOptions): APIPromise<Widget> {
    return request(this.#client, widgetOperations.widgetCreate, { body }, options);
  }
  definitions(options?: RequestOptions): APIPromise<Record<string, unknown>> {
    return request(this.#client, widgetOperations.widgetDefinitions, {}, options);
  }
  list(query?: WidgetListParams, options?: RequestOptions): PagePromise<Widget> {
    return requestPage(this.#client, widgetOperations.widgetList, { query }, options);
  }
  retrieve(id: string, options?: RequestOptions): APIPromise<Widget> {
    return request(this.#client, widgetOperations.widgetRetrieve, { path: { id } }, options);
  }
  update(id: string, body: WidgetBody, options?: RequestOptions): APIPromise<Widget> {
    return request(this.#client, widgetOperations.widgetUpdate, { path: { id }, body }, options);
  }
}

/** The client of widget.yaml: the package's runtime with one resource, `widget`. */
export class WidgetClient extends BaseClient {
  readonly widget: WidgetResource = new WidgetResource(this);

  // As the generated `Lightfield`: the rate limiter on by default, and "did you mean" hints.
  constructor(options?: ClientOptions) {
    super(widgetDefaults, withSuggestions(withRateLimit(options)));
  }
}

/** widget.yaml's paths, as openapi-typescript types them (the parts the raw tests call). */
export interface WidgetPaths {
  '/v1/widgets': {
    get: {
      parameters: {
        query?: { limit?: number; offset?: number };
        header?: { 'Api-Version'?: string };
      };
      responses: {
        200: {
          content: { 'application/json': { object: 'list'; data: Widget[]; totalCount: number } };
        };
      };
    };
    post: {
      parameters: { header?: { 'Api-Version'?: string; 'Idempotency-Key'?: string } };
      requestBody: { content: { 'application/json': WidgetBody } };
      responses: { 201: { content: { 'application/json': Widget } } };
    };
  };
  '/v1/widgets/{id}': {
    get: {
      parameters: { path: { id: string }; header?: { 'Api-Version'?: string } };
      responses: { 200: { content: { 'application/json': Widget } } };
    };
  };
}

/** The package's raw openapi-fetch client of a widget client, typed by widget.yaml's paths. */
export function widgetRaw(client: WidgetClient): Client<WidgetPaths> {
  return createRawClient(client) as unknown as Client<WidgetPaths>;
}
