export { main } from './cli.js';
export { bundleSpec, loadSpec, MAX_SPEC_BYTES, type LoadSpecOptions } from './load-spec.js';
export { formatProblem, SpecError, type SpecProblem } from './spec-error.js';
export { walkSchemas } from './rules.js';
export { deref, HTTP_METHODS, isObject, nodeAt, resolvePointer, type HttpMethod } from './json.js';
export {
  buildModel,
  pascal,
  refName,
  type OperationModel,
  type ResourceModel,
  type SpecModel,
} from './spec-model.js';
export { targets, type Target } from './targets/index.js';
export { diffOutput, writeOutput, type Drift, type FileMap } from './write-output.js';
export { plural, replicateResources, replicateSpecFile } from './synthetic-spec.js';
export { sampleSchema } from './sample-schema.js';
export {
  codeSamples,
  codeSampleSource,
  sampleInput,
  SAMPLE_LANG,
  withCodeSamples,
  type SampleInput,
} from './code-samples.js';
