#!/usr/bin/env node
// The npm bin: runs the TypeScript CLI on plain Node 20 through tsx's loader, with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
