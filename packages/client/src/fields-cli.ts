#!/usr/bin/env node
// `lightfield-fields`: writes an organization's typed fields module, for `new Lightfield<Org>()`.
// It runs the codegen's fields command (bundled into this file at build time, so the package
// gains no dependency) with what this client knows of its spec. The main entry never imports it.
import { fieldsMain } from '@lightfield/codegen/fields';
import * as operations from './generated/operations.js';
import { specDefaults } from './generated/spec.js';

const resources = [...new Set(Object.values(operations).map((op) => op.id.split('.')[0]!))];

fieldsMain(process.argv.slice(2), {
  program: 'lightfield-fields',
  headers: { ...specDefaults.headers },
  resources,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`lightfield-fields: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
