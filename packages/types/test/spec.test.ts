import { describe, expect, test } from 'vitest';
import { spec } from '../src/index.js';

describe('spec', () => {
  test('records the identity of the spec the types came from', () => {
    expect(spec.apiVersion).toBe('2026-03-01');
    expect(spec.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(spec.title).toBe('Lightfield API');
  });
});
