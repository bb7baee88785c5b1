// The config `ts-jest config:init` writes (CommonJS, the node environment), plus what the fixtures
// README gives for msw 2.11 and later: msw's dependencies that ship ESM only go through ts-jest
// too. The moduleNameMapper is the one ts-jest's docs give for imports of `./x.js` from `./x.ts`.
const esmOnly = ['rettime', 'until-async', '@open-draft/deferred-promise'];

/** @type {import("jest").Config} **/
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.m?[tj]sx?$': ['ts-jest', {}],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
};
