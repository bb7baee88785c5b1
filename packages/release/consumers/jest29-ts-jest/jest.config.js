// The config `ts-jest config:init` writes (CommonJS, the node environment), plus the mapping
// ts-jest's docs give for TypeScript that imports `./x.js` where the source is `./x.ts`.
const { createDefaultPreset } = require('ts-jest');

const tsJestTransformCfg = createDefaultPreset().transform;

/** @type {import("jest").Config} **/
module.exports = {
  testEnvironment: 'node',
  transform: {
    ...tsJestTransformCfg,
  },
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
};
