import { afterAll, beforeAll } from 'vitest';
import { createMockServer, type MockServer } from '@lightfield/fixtures/server';
import { callMock, type CallArgs } from './mock-call.js';

// What running the provider's official SDK against the mock showed to differ from the
// provider's own schema (issue 11, item 8), over real HTTP on 127.0.0.1. These pin Opportunity
// wire facts: when the spec changes, they are among the tests that may need editing.
// Shared by the fixtures-wire-*.test.ts files; each calls `useMock` for a server of its own.

// A live binding, set by the calling file's beforeAll.
export let mock: MockServer;
export function useMock(): void {
  beforeAll(async () => {
    mock = await createMockServer({ rateLimit: false });
  });
  afterAll(() => mock.close());
}

export const call = (...args: CallArgs) => callMock(mock, ...args);

/** A create body whose `$account` exists in the mock. */
export function createBody(fields: Record<string, unknown> = {}) {
  const account = mock.store.all('opportunity')[0]!.relationships['$account']!.values[0]!;
  return {
    fields: { $name: 'Wire fidelity', $stage: 'Lead', ...fields },
    relationships: { $account: account },
  };
}

/** Ids of records of a type: the resource's entities, else the related ids of a type it lacks. */
export function idsOf(type: string): string[] {
  const data = mock.store.toDataset();
  return data.entities[type]?.map((e) => e.id) ?? data.related[type] ?? [];
}
