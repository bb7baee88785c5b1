import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDataset, makeMeeting } from '@lightfield/fixtures';
import { createMockServer, type MockServer } from '@lightfield/fixtures/server';
import { callMock, GOOD_HEADERS, type CallArgs } from './mock-call.js';

// The whole API's resources in the seeded dataset and the mock: the ids the docs show, records
// valid against their schemas, relationships that agree, and the routes about one record.

let mock: MockServer;
beforeAll(async () => {
  mock = await createMockServer({ rateLimit: false });
});
afterAll(() => mock.close());

const call = (...args: CallArgs) => callMock(mock, ...args);
const dataset = createDataset({ seed: 42 });

describe('the ids the documentation shows are always there', () => {
  test.each([
    ['/v1/accounts/acc_123', 'Acme Corporation'],
    ['/v1/contacts/con_123', { firstName: 'Ada', lastName: 'Lovelace' }],
    ['/v1/opportunities/opp_123', undefined],
    ['/v1/tasks/task_123', undefined],
    ['/v1/meetings/mtg_123', undefined],
    ['/v1/notes/note_123', undefined],
    ['/v1/members/mem_123', undefined],
    ['/v1/emails/email_123', undefined],
    ['/v1/objects/project/values/rec_123', undefined],
  ])('%s', async (path, name) => {
    const { status, body } = await call('GET', path);
    expect(status).toBe(200);
    expect(body.id).toBe(path.split('/').at(-1));
    if (name) expect(Object.values(body.fields)[0]?.value).toEqual(name);
  });
});

describe('records carry what their schemas require', () => {
  test('emails and meetings have their objectType and accessLevel', () => {
    for (const resource of ['email', 'meeting'])
      for (const record of dataset.entities[resource]!)
        expect(record).toMatchObject({ objectType: resource, accessLevel: 'FULL' });
  });

  test('records without definitions have no custom fields', () => {
    expect(Object.keys(dataset.entities['email']![0]!.fields)).toEqual(['$body']);
    expect(Object.keys(dataset.entities['note']![0]!.fields)).toEqual(['$title', '$content']);
  });

  test('members have only the fields of their closed schema', () => {
    for (const member of dataset.entities['member']!)
      expect(Object.keys(member.fields).sort()).toEqual(
        ['$email', '$name', '$profileImage', '$role'].sort(),
      );
  });

  test("a contact's account exists", () => {
    const accounts = new Set(dataset.entities['account']!.map((a) => a.id));
    for (const contact of dataset.entities['contact']!)
      for (const id of contact.relationships['$account']?.values ?? [])
        expect(accounts.has(id)).toBe(true);
  });

  test('tasks have statuses of the definitions example', () => {
    const options = dataset.definitions['task']!.fieldDefinitions[
      '$status'
    ]!.typeConfiguration.options!.map((o) => o.id);
    const statuses = new Set(dataset.entities['task']!.map((t) => t.fields['$status']?.value));
    expect(options).toEqual(expect.arrayContaining([...statuses]));
    expect(statuses.size).toBeGreaterThan(1);
  });
});

describe('a field of several values takes a list', () => {
  test.each([
    [
      'an account with two websites',
      '/v1/accounts',
      { fields: { $name: 'Two', $website: ['https://a.example', 'https://b.example'] } },
      200,
    ],
    [
      'a website that is no URL',
      '/v1/accounts',
      { fields: { $name: 'Bad', $website: ['nope'] } },
      400,
    ],
  ])('%s', async (_, path, body, want) => {
    expect((await call('POST', path, body)).status).toBe(want);
  });
});

describe('routes about one record answer 404 for an unknown one', () => {
  test.each([
    ['the accounts of a list nobody created', '/v1/lists/list_unknown/accounts', 404],
    ['the accounts of the documented list', '/v1/lists/list_123/accounts', 200],
    ['the records of a custom object type nobody defined', '/v1/objects/nothing', 404],
    [
      'the definitions of a custom object type nobody defined',
      '/v1/objects/nothing/definitions',
      404,
    ],
    ['the records of the documented type', '/v1/objects/project', 200],
  ])('%s', async (_, path, want) => {
    expect((await call('GET', path)).status).toBe(want);
  });
});

describe("a list's members are records of its $objectType", () => {
  const KINDS = [
    ['accounts', 'account'],
    ['contacts', 'contact'],
    ['opportunities', 'opportunity'],
  ] as const;

  test('each seeded list pages stored records of its type, and none of another', async () => {
    const lists = (await call('GET', '/v1/lists')).body.data;
    const types = new Set(lists.map((l) => l.fields['$objectType']?.value));
    expect(types).toEqual(new Set(KINDS.map(([, type]) => type)));
    for (const list of lists)
      for (const [kind, type] of KINDS) {
        const { status, body } = await call('GET', `/v1/lists/${list.id}/${kind}?limit=25`);
        expect(status).toBe(200);
        expect((body['totalCount'] as number) > 0).toBe(list.fields['$objectType']?.value === type);
        for (const member of body.data)
          expect((await call('GET', `/v1/${kind}/${member.id}`)).status).toBe(200);
      }
  });

  test('the documented list holds the account its create example shows', async () => {
    const { body } = await call('GET', '/v1/lists/list_123/accounts?limit=25');
    expect(body.data.map((a) => a.id)).toContain('acc_123');
  });
});

describe("a list's members need the list's scope and the members' read scope", () => {
  test.each([
    ['both scopes', ['lists:read', 'accounts:read'], 200],
    ["the list's alone", ['lists:read'], 403],
    ["the members' alone", ['accounts:read'], 403],
  ])('%s', async (_, scopes, want) => {
    const scoped = await createMockServer({ rateLimit: false, apiKeys: { key: scopes } });
    try {
      const headers = { ...GOOD_HEADERS, authorization: 'Bearer key' };
      const got = await callMock(scoped, 'GET', '/v1/lists/list_123/accounts', undefined, headers);
      expect(got.status).toBe(want);
    } finally {
      await scoped.close();
    }
  });
});

describe('only past meetings can be created', () => {
  // The documented uploaded file: a transcript is a file.
  const transcript = 'file_123';
  const meeting = (start: string) => ({
    fields: { $title: 'Renewal call', $startDate: start, $endDate: start },
    relationships: { $transcript: transcript },
  });
  test.each([
    ['a past meeting', '2026-01-15T10:00:00Z', 200],
    ['a future meeting', '2099-01-15T10:00:00Z', 400],
  ])('%s', async (_, start, want) => {
    expect((await call('POST', '/v1/meetings', meeting(start))).status).toBe(want);
  });

  test("the seeded meetings' transcripts are files the mock serves", async () => {
    const ids = new Set(
      dataset.entities['meeting']!.flatMap((m) => m.relationships['$transcript']?.values ?? []),
    );
    expect(ids.size).toBeGreaterThan(0);
    for (const id of ids) expect((await call('GET', `/v1/files/${id}`)).status).toBe(200);
  });

  test('a seeded or made meeting ends after it starts', () => {
    const made = Array.from({ length: 20 }, (_, seed) => makeMeeting({}, { seed }));
    for (const m of [...dataset.entities['meeting']!, ...made]) {
      const [start, end] = ['$startDate', '$endDate'].map((k) =>
        Date.parse(m.fields[k]!.value as string),
      );
      expect(end).toBeGreaterThan(start!);
    }
  });

  test('the seeded meetings are all past', () => {
    for (const m of dataset.entities['meeting']!)
      for (const key of ['$startDate', '$endDate'])
        expect(Date.parse(m.fields[key]!.value as string)).toBeLessThan(Date.parse('2026-03-02'));
  });
});
