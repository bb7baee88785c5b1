import type { MockServer } from '@lightfield/fixtures/server';

// The one way the spec's mock tests call the mock over real HTTP on 127.0.0.1.

/** The headers every request of these tests sends. */
export const GOOD_HEADERS = {
  authorization: 'Bearer test-key',
  'lightfield-version': '2026-03-01',
};

/** A field or relationship value as the wire carries it. */
export interface WireValue {
  value: unknown;
  valueType: string;
  values: string[];
  cardinality: string;
  objectType: string;
}

/** What these tests read of a response: an entity, a page of them, or the error envelope. */
export interface WireBody {
  [key: string]: unknown;
  id: string;
  updatedAt: string | null;
  fields: Record<string, WireValue>;
  relationships: Record<string, WireValue>;
  data: WireBody[];
  error: { param: string; code?: string };
}

/** The arguments of {@link callMock} after the mock. */
export type CallArgs = [
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
];

/** Sends one JSON request to the mock; its status and JSON body. */
export async function callMock(
  mock: MockServer,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = GOOD_HEADERS,
): Promise<{ status: number; body: WireBody }> {
  const res = await fetch(`${mock.url}${path}`, {
    method,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as WireBody };
}
