// V8 starts a process with a small young generation (semi-spaces of 1 MB) and doubles it only
// after a scavenge that finds enough survivors: a one-report triage, which allocates about 26 MB,
// ran six scavenges while the young generation grew. With a growth factor of 16 the first growth
// goes straight to the largest semi-space V8 allows (16 MB on 64 bits, not changed here), and the
// triage runs two. Long runs (batches, the server) reach that size anyway, so their memory bound
// is the same; a short run ends with about 14 MB more heap.
//
// A V8 flag set at run time changes the flag hash V8 checks code caches against, so it is set
// only after the CLI bundle took in its cache (load-cli-bundle.ts; the cache writer does not set
// it, so the cache keeps a plain start's hash), and after loading the built-in modules a command
// loads anyway: Node's own code cache for a built-in loaded later would be rejected too
// (`fs/promises` cost 2.2 ms of CPU instead of 0.6).

/** Sets V8's young-generation growth factor for the rest of this process (no effect on output). */
export function growYoungGenerationEarly(): void {
  process.getBuiltinModule('node:fs/promises');
  process.getBuiltinModule('node:util').parseArgs;
  process.getBuiltinModule('node:v8').setFlagsFromString('--semi-space-growth-factor=16');
}
