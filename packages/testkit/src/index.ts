import { fileURLToPath } from 'node:url';

/**
 * The test specs, by file name: small specs of the tests' own, so that a change to the project's
 * spec (spec/openapi.yaml) never breaks the tests of the generators, the runtime or the tools.
 */
export type TestSpec =
  | 'widget.yaml'
  | 'widget-definitions.json'
  | 'shapes.yaml'
  | 'kinds.yaml'
  | 'body-lookups.yaml'
  | 'upload-session.yaml'
  | 'members.yaml';

/** The absolute path of one of the test specs in `specs/`. */
export function testSpec(name: TestSpec): string {
  return fileURLToPath(new URL(`../specs/${name}`, import.meta.url));
}

export { openApiDocument } from './openapi-document.js';
export { tempDir } from './temp-dir.js';
