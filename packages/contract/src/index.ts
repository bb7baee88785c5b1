/**
 * The round-trip contract test and the spec corpus it runs on.
 * @packageDocumentation
 */
export {
  corpusEntries,
  CORPUS_DIR,
  EXPECTED_FAILURES,
  expectedFailures,
  compareExpected,
  failedStage,
  formatCorpus,
  PROJECT_SPEC,
  runCorpus,
  type CorpusResult,
  type ExpectedFailure,
} from './corpus.js';
export { applyPatch, deriveSpec, type Derivation, type PatchOperation } from './derive.js';
export { callOrder, specOperations, type SpecOperation } from './operations.js';
export { adaptBody } from './request.js';
export {
  formatReport,
  roundTrip,
  type OperationResult,
  type RoundTripOptions,
  type RoundTripReport,
} from './round-trip.js';
export { roundTripSpec, type RoundTripArgs } from './run.js';
export { REPO_ROOT, scaffold } from './scaffold.js';
export {
  runScenario,
  STAGES,
  type ScenarioResult,
  type Stage,
  type StageResult,
} from './scenario.js';
