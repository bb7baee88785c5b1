import { formatTs, jsdoc } from '../format.js';
import { generatedHeader } from '../header.js';
import type { SpecModel } from '../spec-model.js';
import type { FileMap } from '../write-output.js';
import { ClientEmitter, resourceClass } from './client-methods.js';
import { operationsFile, specFile } from './client-operations.js';

/**
 * Writes the client's `src/generated/`: `operations.ts` (what the runtime needs per operation),
 * `spec.ts` (the spec's identity and defaults) and `client.ts` (one class per resource and the
 * `Lightfield` client with a property per resource).
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
  const media = [...emit.runtime].sort();
  return [
    typeImports.length
      ? `import type { ${typeImports.join(', ')} } from '@lightfield/types';`
      : null,
    "import type { APIPromise } from '../core/api-promise.js';",
    "import { BaseClient, type CallInput } from '../internal/base-client.js';",
    emit.usesFilter ? "import type { Filter, OrgQuery } from '../core/filter.js';" : null,
    media.length ? `import type { ${media.join(', ')} } from '../core/media.js';` : null,
    "import type { OperationInfo } from '../internal/operation.js';",
    "import type { ClientOptions, RequestOptions } from '../core/options.js';",
    "import type { PagePromise } from '../core/pagination.js';",
    "import { operationInfo } from './operations.js';",
    "import { specDefaults } from './spec.js';",
  ];
}

/** The `Transport` interface: what a resource needs of the client. */
function transportInterface(): string {
  return `${jsdoc('What a resource needs of the client: its protected request methods.')}interface Transport {
      request<T>(op: OperationInfo, input: CallInput, options?: RequestOptions): APIPromise<T>;
      requestPage<Item>(op: OperationInfo, input: CallInput, options?: RequestOptions): PagePromise<Item>;
    }`;
}

/** The `Lightfield` client class: a property per resource, all over one transport. */
function lightfieldClass(model: SpecModel): string {
  const properties = model.resources.map((r) => {
    const description = r.description ?? `The \`${r.name}\` operations.`;
    return `${jsdoc(description)}readonly ${r.name}: ${r.className}<Org> = new ${r.className}<Org>(this.#transport);`;
  });
  return `${jsdoc(
    `The ${model.title} client: one property per resource, each method one operation of the spec.`,
    "Give it an organization's definitions (the module `npx lightfield-fields`, a command of this package, writes) to type that organization's fields and relationships: `new Lightfield<MyOrg>()`.",
    '@example\n```ts\nconst client = new Lightfield({ apiKey: process.env.LIGHTFIELD_API_KEY });\n```',
  )}export class Lightfield<Org extends OrgDefinitions = {}> extends BaseClient {
      // Resources reach the protected request methods through this, not through public API.
      readonly #transport: Transport = {
        request: (op, input, options) => this.request(op, input, options),
        requestPage: (op, input, options) => this.requestPage(op, input, options),
      };
      ${properties.join('\n')}

      constructor(options?: ClientOptions) {
        super(specDefaults, options);
      }
    }`;
}

/** The generated client's source: it reads only the model, never the document's structure. */
function clientFile(model: SpecModel): string {
  const emit = new ClientEmitter(model);
  const classes = model.resources.map((resource) => resourceClass(emit, resource));
  const body = classes.join('\n\n') + emit.extraTypes.join('\n');
  return [
    ...clientImports(emit, body),
    '',
    transportInterface(),
    '',
    ...emit.extraTypes,
    '',
    classes.join('\n\n'),
    '',
    lightfieldClass(model),
  ]
    .filter((line): line is string => line !== null)
    .filter((line, i, all) => line !== '' || all[i - 1] !== '')
    .join('\n');
}
