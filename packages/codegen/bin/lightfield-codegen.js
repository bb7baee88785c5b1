#!/usr/bin/env node
// For `generate`, the formatting worker starts before the CLI's imports (openapi-typescript loads
// the TypeScript compiler), so prettier loads and warms up in parallel with them. `lint` formats
// nothing, so it starts no worker.
import { startFormatter } from '../dist/format.js';

const argv = process.argv.slice(2);
if (argv[0] === 'generate') startFormatter();
const { main } = await import('../dist/cli.js');
process.exitCode = await main(argv);
