import type { SpecModel } from '../spec-model.js';
import type { FileMap } from '../write-output.js';
import { generateClient } from './client.js';
import { generateDocs } from './docs.js';
import { generateFixtures } from './fixtures.js';
import { generateTypes } from './types.js';

/** A generator: a pure function from the spec model to the files of one output folder. */
export type Target = (model: SpecModel) => Promise<FileMap>;

/** Every target by the name the CLI takes. */
export const targets: Record<string, Target> = {
  types: generateTypes,
  client: generateClient,
  fixtures: generateFixtures,
  docs: generateDocs,
};
