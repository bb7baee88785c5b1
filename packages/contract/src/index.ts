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
export { causeKey, groupByCause, type CauseGroup } from './causes.js';
export {
  countOperations,
  namedSpecs,
  openDirectory,
  operationsOf,
  providerOf,
  sampleSpecs,
  specFile,
  type ChosenSpec,
  type Directory,
  type SampleOptions,
} from './directory.js';
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
export { runSweep, SWEEP_SCRATCH, sweepFiles, type SweepOptions } from './sweep.js';
export {
  ALPHA,
  binomialCdf,
  CHECKED_ROWS,
  checkRates,
  compareSweep,
  expectedFrom,
  failsAtOrBelow,
  formatRateCheck,
  readExpected,
  type DirectoryExpected,
  type DirectoryFailure,
  type RateCheck,
} from './sweep-check.js';
export { formatSweep, sweepCommand } from './sweep-report.js';
export {
  passCounts,
  passes,
  ROWS,
  specResult,
  type OperationFailures,
  type Row,
  type SpecResult,
  type SweepParams,
  type SweepResult,
  type SweepStage,
} from './sweep-result.js';
export { inPool, scenarioInWorker, type WorkerOptions } from './worker.js';
