/**
 * A minimal OpenAPI document around `paths`: version 3.1.0 and a title, which `more` may override
 * (`{ openapi: '3.0.3' }`) or add to (`components`, `servers`). For tests that make up a spec of
 * their own inline.
 */
export function openApiDocument(
  paths: Record<string, unknown>,
  more: Record<string, unknown> = {},
): Record<string, unknown> {
  return { openapi: '3.1.0', info: { title: 'T', version: '1' }, ...more, paths };
}
