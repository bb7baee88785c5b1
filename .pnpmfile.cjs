// pnpm hooks of the workspace.
module.exports = {
  hooks: {
    /**
     * What `pnpm pack` and `pnpm publish` (so `changeset publish`) write into a published
     * package.json: the workspace's build and test tooling is no concern of a consumer, and a
     * private package such as @lightfield/codegen must never be named in a published manifest.
     * @param {{ private?: boolean, devDependencies?: object, scripts?: object }} pkg
     * @returns {typeof pkg}
     */
    beforePacking(pkg) {
      if (pkg.private) return pkg;
      delete pkg.devDependencies;
      delete pkg.scripts;
      return pkg;
    },
  },
};
