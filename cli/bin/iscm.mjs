#!/usr/bin/env node
// The installed `iscm` bin. It runs cli/main.ts through the project's own tsx (a dependency
// installed by `npm ci`), so the command is always the source in this tree: no build step to
// forget, and the same code the tests run. tsx's ESM loader is registered in-process.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../main.ts');
await runCli();
