import { beforeAll, describe, expect, test } from 'vitest';
import type { SpecModel } from '../src/spec-model.js';
import { generateDocs } from '../src/targets/docs.js';
import { at, twoResourceModel } from './helpers.js';

// api.md walks a newcomer from install to a typed create with the organization's fields, for
// whichever resource of the spec answers definitions; a spec without one gets no such section.
let model: SpecModel;
beforeAll(async () => {
  model = await twoResourceModel();
});

const section = (md: string) => /# Your organization's fields\n([\s\S]*?)\n# [A-Z]/.exec(md)?.[1];

describe("api.md: your organization's fields", () => {
  test('install, the lightfield-fields command, live and saved, then a typed create', async () => {
    const md = (await generateDocs(model)).get('api.md')!;
    const text = section(md)!;
    const defs = model.operations.find((o) => o.method === 'definitions')!;
    const create = model.operations.find(
      (o) => o.resource === defs.resource && o.method === 'create',
    )!;
    expect(text).toContain('npm install @lightfield/client');
    expect(text).toContain(
      `npx lightfield-fields --from ${model.baseUrl}${defs.path} --out src/lightfield-org.ts --name MyOrg`,
    );
    expect(text).toMatch(/npx lightfield-fields --from \S+\.json --out src\/lightfield-org\.ts/);
    expect(text).toContain("import type { MyOrg } from './lightfield-org.js';");
    expect(text).toContain('const client = new Lightfield<MyOrg>();');
    expect(text).toContain(`await client.${create.resource}.${create.method}({`);
    expect(text).toContain('--check');
  });

  test('no section when no operation answers definitions', async () => {
    const document = structuredClone(model.document);
    for (const op of model.operations.filter((o) => o.method === 'definitions'))
      delete at(document, 'paths')[op.path];
    const md = (
      await generateDocs({
        ...model,
        document,
        operations: model.operations.filter((o) => o.method !== 'definitions'),
      })
    ).get('api.md')!;
    expect(md).not.toContain("organization's fields");
    expect(md).not.toContain('lightfield-fields');
  });
});
