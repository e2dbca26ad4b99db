#!/usr/bin/env node
// The `thresher` binary: wires real stdout/stderr to the CLI and sets the exit code.

import { runCli } from './run-cli.js';

const exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: process.stdin,
  isStderrTerminal: process.stderr.isTTY,
});
process.exitCode = exitCode;
