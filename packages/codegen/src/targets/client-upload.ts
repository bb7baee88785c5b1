import { jsdoc } from '../format.js';
import { pascal } from '../naming.js';
import type { OperationModel, ResourceModel, SpecModel } from '../spec-model.js';
import type { UploadModel } from '../upload.js';
import { requestMedia } from './client-operations.js';
import { responseType, type ClientEmitter } from './client-methods.js';
import { jsonBody } from './client-params.js';

// The upload helper of each `x-lightfield-upload`: an `UploadInfo` in `operations.ts`, and a
// method and a function in `client.ts` that run the session's three steps.

/** One upload session: the operations that start and complete it, and the helper's names. */
interface Session {
  create: OperationModel;
  complete: OperationModel;
  upload: UploadModel;
  /** The helper's function, `<resource><Method>`, and its `UploadInfo` in `operations.ts`. */
  name: string;
}

/** The upload sessions of a resource, each with the operation that completes it. */
function sessions(model: SpecModel, ops: readonly OperationModel[]): Session[] {
  const taken = new Set(model.operations.map((op) => op.types.function));
  return ops.flatMap((create) => {
    const upload = create.upload;
    const complete = model.operations.find((op) => upload && op.operationId === upload.complete);
    if (!upload || !complete) return [];
    let name = `${create.resource}${pascal(upload.method)}`;
    while (taken.has(name)) name = `${name}_`;
    taken.add(name);
    return [{ create, complete, upload, name }];
  });
}

/** `operations.ts`: the `UploadInfo` of each upload session, after the operations it names. */
export function uploadInfos(model: SpecModel): string[] {
  return sessions(model, model.operations).map(({ create, complete, upload, name }) => {
    const names = {
      size: upload.size,
      url: upload.url,
      ...(upload.headers ? { headers: upload.headers } : {}),
      id: upload.id,
      ...(upload.checksum ? { checksum: upload.checksum.property } : {}),
    };
    const fields = JSON.stringify(names).slice(1, -1);
    return `${jsdoc(`The upload of \`${create.operationId}\`, completed by \`${complete.operationId}\`.`)}export const ${name} = { create: ${create.types.function}, complete: ${complete.types.function}, ${fields} } as const satisfies UploadInfo;\n`;
  });
}

/** The method and the function of each upload session of a resource, in `client.ts`. */
export function uploadSources(
  emit: ClientEmitter,
  resource: ResourceModel,
  client: string,
): { methods: string[]; functions: string[] } {
  const found = sessions(emit.model, resource.operations);
  if (found.length) emit.usesUpload = true;
  const parts = found.map((session) => uploadSource(emit, resource, session));
  return {
    methods: parts.map(
      (p) => `${p.doc}${p.method}(${p.params}): ${p.returned} {
        return upload(this.#client, operation.${p.name}, data, body, options);
      }`,
    ),
    functions: parts.map(
      (
        p,
      ) => `${p.doc.replace(/ \*\/\n?$/, ` *\n * The function of \`client.${resource.name}.${p.method}()\`.\n */\n`)}export function ${p.name}<Org extends OrgDefinitions = {}>(client: ${client}<Org>, ${p.params}): ${p.returned} {
        return upload(client, operation.${p.name}, data, body, options);
      }`,
    ),
  };
}

function uploadSource(emit: ClientEmitter, resource: ResourceModel, s: Session) {
  const media = requestMedia(s.create);
  const body = media ? jsonBody(emit, s.create, media) : 'Record<string, never>';
  const returned = emit.org(
    responseType(emit, s.complete),
    s.complete.shapes.entityResponse,
    resource.name,
  );
  const doc = jsdoc(
    `Uploads \`data\` in one call: \`${s.create.operationId}\` starts the session, the bytes are PUT to its \`${s.upload.url}\`${s.upload.headers ? ` with its \`${s.upload.headers}\`` : ''} and no API key, then \`${s.complete.operationId}\` completes it${s.upload.checksum ? ` with their ${s.upload.checksum.algorithm}` : ''}.`,
    `\`${s.upload.size}\` is the byte count of \`data\`. Each step is retried on its own, so a failed \`${s.complete.operationId}\` never sends the bytes again; a failure rejects with an \`UploadError\` whose \`step\` says which one failed.`,
  );
  return {
    doc,
    name: s.name,
    method: s.upload.method,
    params: `data: UploadData, body: Omit<${body}, ${JSON.stringify(s.upload.size)}>, options?: UploadOptions`,
    returned: `APIPromise<${returned}>`,
  };
}
