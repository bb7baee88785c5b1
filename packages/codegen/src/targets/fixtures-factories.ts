import { jsdoc } from '../format.js';
import type { Json } from '../json.js';
import { jsonMedia, type SpecModel } from '../spec-model.js';
import { schemaType } from './shared.js';

// The fixtures' `factories.ts`: a typed factory per named response schema.

/** What a factory builds: a resource's record, a page of them, its definitions, or an example. */
type FactoryPlan =
  | { helper: 'makeEntity' | 'makeRecord'; resource: string }
  | { helper: 'makePage'; resource: string; operation: string }
  | { helper: 'makeDefinitions'; resource: string }
  | { helper: 'makeExample'; operation: string; status: string; object: boolean };

/** One factory per named response schema, planned from the operation that returns it. */
function factoryPlans(model: SpecModel): Map<string, FactoryPlan> {
  const plans = new Map<string, FactoryPlan>();
  const shapes = new Map(model.schemas.map((s) => [s.type, s.shape]));
  const add = (schema: Json | undefined, plan: FactoryPlan) => {
    const type = schemaType(model, schema);
    if (!type || plans.has(type)) return;
    // Only an object can take top-level overrides or be built as a record.
    const object = shapes.get(type) === 'object';
    if (plan.helper === 'makeExample') plans.set(type, { ...plan, object });
    else if (object) plans.set(type, plan);
  };
  // Records first, so a schema both a resource's record and another's response is built as a record.
  for (const r of model.resources) {
    if (r.kind === 'entity') add(r.schema, { helper: 'makeEntity', resource: r.name });
    if (r.kind === 'record') add(r.schema, { helper: 'makeRecord', resource: r.name });
  }
  for (const r of model.resources) {
    for (const op of r.operations) {
      const stateful = r.kind !== 'actions';
      if (stateful && op.kind === 'list' && op.pagination)
        add(op.success.schema, {
          helper: 'makePage',
          resource: r.name,
          operation: op.operationId,
        });
      else if (r.kind === 'entity' && op.kind === 'definitions')
        add(op.success.schema, { helper: 'makeDefinitions', resource: r.name });
    }
  }
  for (const op of model.operations)
    for (const response of op.responses.filter((x) => /^2/.test(x.status)))
      add(jsonMedia(response.media)?.schema, {
        helper: 'makeExample',
        operation: op.operationId,
        status: response.status,
        object: true,
      });
  return plans;
}

function factoryBlock(type: string, plan: FactoryPlan): string {
  const q = JSON.stringify;
  switch (plan.helper) {
    case 'makeEntity':
      return `${jsdoc(
        `A realistic \`${type}\` with a field of every valueType, and a new id on each call.`,
        '`overrides` replace top-level properties; `fields` and `relationships` merge by key (a key set to `undefined` is removed).',
        '@param options.seed The same seed gives the same entity.',
      )}export function make${type}(overrides: $core.EntityOverrides<${type}> = {}, options: $core.FactoryOptions = {}): ${type} {
        return $make.makeEntity<${type}>(${q(plan.resource)}, overrides, options);
      }`;
    case 'makeRecord':
      return `${jsdoc(
        `A schema-valid \`${type}\` with a new id on each call; \`overrides\` replace top-level properties.`,
        '@param options.seed The same seed gives the same id.',
      )}export function make${type}(overrides?: Partial<NonNullable<${type}>>, options: $core.FactoryOptions = {}): ${type} {
        return $make.makeRecord<${type}>(${q(plan.resource)}, overrides, options);
      }`;
    case 'makePage':
      return `${jsdoc(`A \`${type}\` page of \`n\` records, new ones on each call.`, '@param options.seed The same seed gives the same page.')}export function make${type}(n = 3, options: $core.FactoryOptions = {}): ${type} {
        return $make.makePage<${type}>(${q(plan.resource)}, ${q(plan.operation)}, n, options);
      }`;
    case 'makeDefinitions':
      return `${jsdoc(`The \`${type}\` the dataset and the mock use.`)}export function make${type}(): ${type} {
        return $make.makeDefinitions<${type}>(${q(plan.resource)});
      }`;
    case 'makeExample':
      if (!plan.object)
        return `${jsdoc(`The spec's example \`${type}\` (a fresh copy).`)}export function make${type}(): ${type} {
          return $make.makeExample<${type}>(${q(plan.operation)}, ${q(plan.status)});
        }`;
      return `${jsdoc(`The spec's example \`${type}\` (a fresh copy); \`overrides\` replace top-level properties.`)}export function make${type}(overrides?: Partial<NonNullable<${type}>>): ${type} {
        return $make.makeExample<${type}>(${q(plan.operation)}, ${q(plan.status)}, overrides);
      }`;
  }
}

/** `factories.ts`: a factory per named response schema, over the runtime's helpers. */
export function factoriesFile(model: SpecModel): string {
  const plans = factoryPlans(model);
  const names = [...plans.keys()];
  if (!names.length) return 'export {};';
  // The runtime comes in as a namespace and the spec's values under `$` names: a resource or
  // schema named `List`, `File` or `Factories` can't collide.
  return [
    `import type { ${[...names].sort().join(', ')} } from '@lightfield/types';`,
    "import * as $core from '../core/data/factories.js';",
    "import { examples as $examples } from './examples.js';",
    "import { resources as $resources } from './resources.js';",
    '',
    "// The runtime's factories over this spec (the runtime never imports it): each below types one.",
    'const $make = new $core.Factories({ resources: $resources, examples: $examples });',
    '',
    names.map((name) => factoryBlock(name, plans.get(name)!)).join('\n\n'),
  ].join('\n');
}
