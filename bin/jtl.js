#!/usr/bin/env node
import { ensureFreshBuild } from './fresh-build.js';

ensureFreshBuild();
const { main } = await import('../dist/cli/main.js');
await main(process.argv);
