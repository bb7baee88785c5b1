import { loadSpec } from '@lightfield/codegen';
import { describe, expect, test } from 'vitest';
import { spec } from '../src/index.js';

// The spec the types were generated from, whatever it is: its identity comes from the document.
const model = await loadSpec(new URL('../../../spec/openapi.yaml', import.meta.url).pathname);

describe('spec', () => {
  test('records the identity of the spec the types came from', () => {
    expect(spec.title).toBe(model.title);
    expect(spec.version).toBe(model.version);
    expect([...Object.values(model.constantHeaders), model.version]).toContain(spec.apiVersion);
    expect(spec.hash).toMatch(/^[0-9a-f]{16}$/);
  });
});
