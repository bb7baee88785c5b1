export { copyRepo } from './copy-repo.js';
export {
  bumpFor,
  covers,
  fixedGroup,
  pendingBump,
  writeChangeset,
  type Bump,
} from './changeset.js';
export { main } from './cli.js';
export { dryRun } from './dry-run.js';
export { repoRoot, resolveBase } from './git.js';
export { CONSUMERS, CORE_CONSUMERS, TOOLS, type ConsumerProject } from './consumer-projects.js';
export { formatResults, installConsumers, runConsumers, type ConsumerResult } from './consumers.js';
export { installNodes, MATRIX_SUITES, nodeMatrix } from './node-matrix.js';
export { npmCacheDir, packAll, PUBLISHED, smoke } from './smoke.js';
export {
  diffSpecs,
  formatReport,
  overall,
  type ChangeClass,
  type SpecChange,
} from './spec-diff.js';
export { syncVersion } from './sync-version.js';
export { manifestProblems, NODE_ENGINES, readTarball, type Manifest } from './manifest.js';
