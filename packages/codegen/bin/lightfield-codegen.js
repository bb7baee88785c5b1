#!/usr/bin/env node
// The formatting worker starts before the CLI's imports (openapi-typescript loads the TypeScript
// compiler), so prettier loads and warms up in parallel with them.
import { startFormatter } from '../dist/format.js';

startFormatter();
const { main } = await import('../dist/cli.js');
process.exitCode = await main(process.argv.slice(2));
