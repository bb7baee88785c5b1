import { formatTs, jsdoc } from '../format.js';
import { generatedHeader } from '../header.js';
import type { SpecModel } from '../spec-model.js';
import type { FileMap } from '../write-output.js';
import { ClientEmitter, resourceSource } from './client-methods.js';
import { operationsFile, specFile } from './client-operations.js';

// The client without resources, which the operation functions take.
const CLIENT = 'LightfieldClient';

/**
 * Writes the client's `src/generated/`: `operations.ts` (what the runtime needs per operation),
 * `spec.ts` (the spec's identity and defaults) and `client.ts` (`LightfieldClient`, one class and
 * one function per operation for each resource, and the `Lightfield` client with a property per
 * resource).
 */
export async function generateClient(model: SpecModel): Promise<FileMap> {
  const header = generatedHeader(model, 'client');
  const files: FileMap = new Map();
  files.set('operations.ts', await formatTs(`${header}\n${operationsFile(model)}`));
  files.set('spec.ts', await formatTs(`${header}\n${specFile(model)}`));
  files.set('client.ts', await formatTs(`${header}\n${clientFile(model)}`));
  return files;
}

/** The file's imports: the types and runtime it used (`body` is what it declares), then the rest. */
function clientImports(emit: ClientEmitter, body: string): (string | null)[] {
  const typeImports = [
    ...[...emit.imported].map(([name, local]) => (name === local ? name : `${name} as ${local}`)),
    'OrgDefinitions',
    ...(emit.usesOrg ? ['OrgBody', 'OrgEntity'] : []),
    ...(/\boperations\[/.test(body) ? ['operations'] : []),
    ...(/\bpaths\[/.test(body) ? ['paths'] : []),
  ].sort();
  const media = [...new Set([...emit.runtime, ...(emit.usesUpload ? ['UploadData'] : [])])].sort();
  const requests = ['request', ...(emit.usesPages ? ['requestPage'] : [])];
  return [
    typeImports.length
      ? `import type { ${typeImports.join(', ')} } from '@lightfield/types';`
      : null,
    "import type { APIPromise } from '../core/api-promise.js';",
    "import { BaseClient } from '../internal/base-client.js';",
    "import { withRateLimit } from '../core/rate-limit.js';",
    "import { withSuggestions } from '../core/suggest.js';",
    emit.usesFilter ? "import type { Filter, OrgQuery } from '../core/filter.js';" : null,
    media.length ? `import type { ${media.join(', ')} } from '../core/media.js';` : null,
    `import type { ClientOptions, RequestOptions${emit.usesUpload ? ', UploadOptions' : ''} } from '../core/options.js';`,
    emit.usesPages ? "import type { PagePromise } from '../core/pagination.js';" : null,
    `import { ${requests.join(', ')} } from '../internal/request.js';`,
    emit.usesUpload ? "import { upload } from '../internal/upload.js';" : null,
    "import * as operation from './operations.js';",
    "import { specDefaults } from './spec.js';",
  ];
}

/** The client without resources, which the resources and the operation functions send on. */
function clientClass(model: SpecModel): string {
  const first = model.operations[0]?.types.function;
  const example = first ? `, \`${first}(client, …)\` say,` : '';
  return `${jsdoc(
    `The ${model.title} client without its resources. Give it to the operation functions${example} and an app bundles only the operations it calls; \`Lightfield\` is this client with a property per resource. It has no client-side rate limiter unless its options go through \`withRateLimit\`, so an app that counts bytes pays for one only when it asks; retries with backoff and \`Retry-After\` are on either way.`,
    '@example\n```ts\nconst client = new LightfieldClient({ apiKey: process.env.LIGHTFIELD_API_KEY });\n```',
  )}export class ${CLIENT}<Org extends OrgDefinitions = {}> extends BaseClient<Org> {
      constructor(options?: ClientOptions) {
        super(specDefaults, options);
      }
    }`;
}

/** The \`Lightfield\` client class: the client with a property per resource. */
function lightfieldClass(model: SpecModel): string {
  const properties = model.resources.map((r) => {
    const description = r.description ?? `The \`${r.name}\` operations.`;
    return `${jsdoc(description)}readonly ${r.name}: ${r.className}<Org> = new ${r.className}<Org>(this);`;
  });
  return `${jsdoc(
    `The ${model.title} client: one property per resource, each method one operation of the spec. Its client-side rate limiter is on by default (see the \`rateLimit\` option), where \`${CLIENT}\` needs \`withRateLimit\`; a misspelt option's error suggests the option meant.`,
    "Give it an organization's definitions (the module `npx lightfield-fields`, a command of this package, writes) to type that organization's fields and relationships: `new Lightfield<MyOrg>()`.",
    '@example\n```ts\nconst client = new Lightfield({ apiKey: process.env.LIGHTFIELD_API_KEY });\n```',
  )}export class Lightfield<Org extends OrgDefinitions = {}> extends ${CLIENT}<Org> {
      ${properties.join('\n')}
      constructor(options?: ClientOptions) {
        super(withSuggestions(withRateLimit(options)));
      }
    }`;
}

/** The generated client's source: it reads only the model, never the document's structure. */
function clientFile(model: SpecModel): string {
  const emit = new ClientEmitter(model);
  const resources = model.resources.map((resource) => resourceSource(emit, resource, CLIENT));
  const body = resources.join('\n\n') + emit.extraTypes.join('\n');
  return [
    ...clientImports(emit, body),
    '',
    ...emit.extraTypes,
    '',
    clientClass(model),
    '',
    resources.join('\n\n'),
    '',
    lightfieldClass(model),
  ]
    .filter((line): line is string => line !== null)
    .filter((line, i, all) => line !== '' || all[i - 1] !== '')
    .join('\n');
}
