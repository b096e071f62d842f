#!/usr/bin/env node
/**
 * The `spine-finder` command (package.json `bin`), built to
 * lib/cli/spine-finder.js: `npx spine-finder directory build|check`.
 */
import { runCli } from './cli.js';

void runCli(process.argv.slice(2), {
  stdout: (line) => console.log(line),
  stderr: (line) => console.error(line),
  env: process.env,
  cwd: process.cwd(),
}).then((status) => {
  process.exitCode = status;
});
