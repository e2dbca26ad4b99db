// V8 tiers code up early: a function goes to TurboFan after a small budget of interpreted
// bytecode, a regex is compiled to native code on its second run. In a one-report triage most
// functions and regexes run a handful of times, so that compilation is paid and then hardly
// used (the triage ran about 400 native regex compilations; TurboFan jobs run on V8's helper
// threads). Raising the budget 32 times and interpreting a regex 100 times before compiling it
// took about 13% of a one-report triage's CPU (docs/benchmarks.md). Long runs (batches, the
// server) still tier their hot code up, a little later: a cost bounded per function and regex.
//
// A V8 flag set at run time changes the flag hash V8 checks code caches against, so the flags
// are set after the CLI bundle took in its cache (load-cli-bundle.ts; the cache writer does not
// set them, so the cache keeps a plain start's hash) and before its module initialisers create
// their regexes (a regex takes the tier-up count when it is created). Node's own code cache for
// a built-in module loaded afterwards is rejected too (`fs/promises` took 2.2 ms of CPU instead
// of 0.6), so the built-ins every command loads, and stdout's stream, are loaded first. `crypto`
// too: triage and `advisory draft` (the profile cache), `deps` (the registry cache) and the
// inbox's commands load it, and its 17 internal modules compiled without Node's cache cost a
// one-report triage about 3 ms of CPU (paired, 30 rounds); loaded with it, about 0.5 ms for the
// commands that do not use it.

/** Budget (in bytecode size) before V8 optimises a function: 32 times V8 11's 67,584. */
const interruptBudget = 32 * 67_584;
const regexpTierUpTicks = 100;

// A regex is compiled to bytecode on its first run (a code cache holds none); a one-report triage
// compiles about 315 of them, once each. V8's peephole pass over that bytecode costs more than it
// saves on so few runs: without it those first runs took about a quarter less time. The native
// code a regex tiers up to later is not affected.

/** Sets V8's tier-up thresholds for the rest of this process (no effect on output). */
export function tierUpLater(): void {
  void process.stdout; // opened on first use: a pipe's stream loads `net`
  process.getBuiltinModule('node:fs/promises');
  process.getBuiltinModule('node:crypto');
  void process.getBuiltinModule('node:util').parseArgs;
  process
    .getBuiltinModule('node:v8')
    .setFlagsFromString(
      `--interrupt-budget=${interruptBudget} --regexp-tier-up-ticks=${regexpTierUpTicks} --no-regexp-peephole-optimization`,
    );
}
