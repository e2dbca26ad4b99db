#!/usr/bin/env node
// The `thresher` binary: wires real stdout/stderr to the CLI and sets the exit code. `thresher`,
// `--help` and `--version` are answered here; every command runs from the CLI bundle
// (dist/cli/thresher.cjs, load-cli-bundle.ts), which this file loads only then.
//
// Bundled as CommonJS (scripts/bundle-cli.mjs; dist/cli/package.json says so): an ES module entry
// makes Node start its ES module loader first, about 5 ms of CPU on every start. Hence no
// top-level await: the exit code is set when the command's promise settles.

import { fileURLToPath } from 'node:url';
import { answerHelpOrVersion } from './answer-help-or-version.js';
import type { CliIo } from './cli-io.js';
import { loadCliBundle } from './load-cli-bundle.js';
import { tierUpLater } from './tier-up-later.js';

const argv = process.argv.slice(2);
const io: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  // Read on demand: process.stdin opens the stream (a socket when stdin is a pipe) on first use,
  // which costs a start that never reads it (only `init` asks questions).
  get stdin() {
    return process.stdin;
  },
  isStderrTerminal: process.stderr.isTTY,
};
const answered = answerHelpOrVersion(argv, io);
if (answered !== null) process.exitCode = answered;
else {
  // V8's tier-up thresholds for short runs, set once the bundle took in its code cache.
  const bundle = loadCliBundle(
    fileURLToPath(new URL('thresher.cjs', import.meta.url)),
    true,
    tierUpLater,
  );
  // The build names the caches of what this code computes (parsed profiles).
  void bundle.runCli(argv, io, undefined, { build: bundle.build }).then((exitCode) => {
    process.exitCode = exitCode;
  });
}
