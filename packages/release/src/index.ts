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
export { fileAt, repoRoot, resolveBase } from './git.js';
export { packAll, PUBLISHED, smoke } from './smoke.js';
export {
  diffSpecs,
  formatReport,
  overall,
  type ChangeClass,
  type SpecChange,
} from './spec-diff.js';
export { syncVersion } from './sync-version.js';
export { manifestProblems, NODE_ENGINES, readTarball, type Manifest } from './manifest.js';
