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
export {
  CONSUMERS,
  CONSUMERS_DIR,
  readCatalogs,
  resolveManifest,
  SMOKE_CONSUMERS,
  writeConsumer,
  type Catalogs,
  type ConsumerManifest,
  type ConsumerProject,
} from './consumer-projects.js';
export { formatResults, installConsumers, runConsumers, type ConsumerResult } from './consumers.js';
export { installNodes, MATRIX_SUITES, nodeMatrix } from './node-matrix.js';
export { npmCacheDir, smoke } from './smoke.js';
export { packAll, packedTarballs, PUBLISHED, TARBALL, type Tarball } from './tarballs.js';
export {
  diffSpecs,
  formatReport,
  overall,
  type ChangeClass,
  type SpecChange,
} from './spec-diff.js';
export { syncVersion } from './sync-version.js';
export {
  manifestProblems,
  NODE_ENGINES,
  readTarball,
  readTarballFile,
  type Manifest,
} from './manifest.js';
export { linkProblems, markdownLinks, repositoryWeb, type Repository } from './published-links.js';
