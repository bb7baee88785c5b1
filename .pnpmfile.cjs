// pnpm hooks of the workspace.
/* eslint-disable @typescript-eslint/no-require-imports -- pnpm loads this file with require() */
const path = require('node:path');
const { repository } = require('./package.json');

/** The repository's web address, from the root package.json's `repository`: the one place it is set. */
const WEB = repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

module.exports = {
  hooks: {
    /**
     * What `pnpm pack` and `pnpm publish` (so `changeset publish`) write into a published
     * package.json: the workspace's build and test tooling is no concern of a consumer, and a
     * private package such as @lightfield/codegen must never be named in a published manifest.
     * The repository, homepage and bugs links come from the root package.json, with the package's
     * folder as `repository.directory`.
     * @param {{ private?: boolean, devDependencies?: object, scripts?: object, repository?: object, homepage?: string, bugs?: object }} pkg
     * @param {string} dir the package's folder
     * @returns {typeof pkg}
     */
    beforePacking(pkg, dir) {
      if (pkg.private) return pkg;
      delete pkg.devDependencies;
      delete pkg.scripts;
      const directory = path.relative(__dirname, dir).split(path.sep).join('/');
      pkg.repository = { ...repository, directory };
      pkg.homepage = `${WEB}/tree/main/${directory}#readme`;
      pkg.bugs = { url: `${WEB}/issues` };
      return pkg;
    },
  },
};
