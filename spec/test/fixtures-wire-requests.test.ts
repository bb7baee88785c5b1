import { describe, expect, test } from 'vitest';
import { GOOD_HEADERS } from './mock-call.js';
import { call, createBody, idsOf, useMock } from './fixtures-wire.js';

useMock();

describe('auth', () => {
  test.each([
    ['a key with spaces, as the official SDK tests use', 'Bearer My API Key', 200],
    ['a lower-case scheme', 'bearer k', 200],
    ['an empty credential', 'Bearer   ', 401],
    ['another scheme', 'Basic My API Key', 401],
  ])('%s', async (_, authorization, want) => {
    const got = await call('GET', '/v1/opportunities?limit=1', undefined, {
      ...GOOD_HEADERS,
      authorization,
    });
    expect(got.status).toBe(want);
  });
});

describe('address and full-name parts are nullable', () => {
  test('in a create, and as they are read back', async () => {
    const address = { street: '1 Main St', street2: null, latitude: null, country: 'US' };
    const name = { firstName: 'Ada', lastName: null };
    const created = await call(
      'POST',
      '/v1/opportunities',
      createBody({ billingAddress: address, decisionMaker: name }),
    );
    expect(created.status).toBe(200);
    const got = await call('GET', `/v1/opportunities/${created.body.id}`);
    expect(got.body.fields.billingAddress).toEqual({ value: address, valueType: 'ADDRESS' });
    expect(got.body.fields.decisionMaker).toEqual({ value: name, valueType: 'FULL_NAME' });
  });

  test('in an update', async () => {
    const created = await call('POST', '/v1/opportunities', createBody());
    const updated = await call('POST', `/v1/opportunities/${created.body.id}`, {
      fields: { billingAddress: { street2: null }, decisionMaker: { firstName: null } },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.fields['billingAddress']?.value).toEqual({ street2: null });
  });
});

describe('a relationship operation may hold add, remove and replace together', () => {
  const contacts = () => idsOf('contact');
  async function evaluatorsAfter(start: number[], operation: Record<string, unknown>) {
    const c = contacts();
    const created = await call('POST', '/v1/opportunities', createBody());
    const id = created.body.id;
    const seeded = await call('POST', `/v1/opportunities/${id}`, {
      relationships: { $evaluator: { replace: start.map((i) => c[i]) } },
    });
    expect(seeded.status).toBe(200);
    const resolve = (v: unknown) => (Array.isArray(v) ? v.map((i) => c[i as number]) : v);
    const body = Object.fromEntries(Object.entries(operation).map(([k, v]) => [k, resolve(v)]));
    const updated = await call('POST', `/v1/opportunities/${id}`, {
      relationships: { $evaluator: body },
    });
    return {
      status: updated.status,
      values: (updated.body.relationships?.['$evaluator']?.values ?? []).map((v) => c.indexOf(v)),
    };
  }

  // Contacts by index; the parts apply in the order replace, remove, add, whatever the key order.
  test.each([
    ['add and remove', { given: { start: [0, 1], op: { add: [2], remove: [0] } }, want: [1, 2] }],
    [
      'remove, then add, of one id',
      { given: { start: [0], op: { add: [1], remove: [1] } }, want: [0, 1] },
    ],
    [
      'replace, then add',
      { given: { start: [0], op: { add: [3], replace: [1, 2] } }, want: [1, 2, 3] },
    ],
    [
      'replace, then remove',
      { given: { start: [0], op: { remove: [1], replace: [1, 2] } }, want: [2] },
    ],
    [
      'replace: null, then add',
      { given: { start: [0, 1], op: { add: [2], replace: null } }, want: [2] },
    ],
    [
      'all three',
      { given: { start: [0, 1], op: { add: [4], remove: [3], replace: [2, 3] } }, want: [2, 4] },
    ],
  ])('%s', async (_, { given, want }) => {
    expect(await evaluatorsAfter(given.start, given.op)).toEqual({ status: 200, values: want });
  });

  test('a has-one relationship: remove the old id and add the new one', async () => {
    const c = contacts();
    const created = await call('POST', '/v1/opportunities', createBody());
    const id = created.body.id;
    await call('POST', `/v1/opportunities/${id}`, {
      relationships: { $champion: { add: c[0] } },
    });
    const updated = await call('POST', `/v1/opportunities/${id}`, {
      relationships: { $champion: { remove: c[0], add: c[1] } },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.relationships['$champion']?.values).toEqual([c[1]]);
  });

  test('an unknown part is still refused', async () => {
    const created = await call('POST', '/v1/opportunities', createBody());
    const updated = await call('POST', `/v1/opportunities/${created.body.id}`, {
      relationships: { $evaluator: { add: [], set: [] } },
    });
    expect(updated.status).toBe(400);
    expect(updated.body.error.param).toBe('relationships.$evaluator.set');
  });
});
