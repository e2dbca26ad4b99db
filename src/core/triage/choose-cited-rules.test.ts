import { describe, expect, it } from 'vitest';
import { buildFact } from '../../../test/support/build-fact.js';
import type { Fact } from '../model/fact.js';
import type { ConditionEvidence, RuleMatch } from '../model/triage-result.js';
import { chooseCitedRules, type CitationContext } from './choose-cited-rules.js';

function held(key: string, detail: string, facts: Fact[]): ConditionEvidence {
  return { key, detail, strength: 'strong', facts };
}

function rule(
  ruleId: string,
  statement: string,
  evidence: ConditionEvidence[],
  kind: RuleMatch['kind'] = 'in-scope',
): RuleMatch {
  return {
    ruleId,
    kind,
    statement,
    disposition: kind === 'out-of-scope' ? 'regular-bug' : null,
    strength: 'strong',
    specificity: 0,
    evidence,
  };
}

function context(fields: Partial<CitationContext> = {}): CitationContext {
  return { title: '', projectName: 'example', traceCallers: [], ...fields };
}

const cited = (matches: RuleMatch[], fields: Partial<CitationContext> = {}): string[] =>
  chooseCitedRules(matches, context(fields)).map((match) => match.ruleId);

describe('chooseCitedRules (which of the holding rules a verdict cites)', () => {
  const fault = buildFact('line-reference', 'src/media/table.c:137');
  const caller = buildFact('line-reference', 'apps/viewer/dump.c:3950');
  const library = rule('IN-LIB', 'The library', [
    held('components', 'components: library', [fault]),
  ]);
  const apps = rule('IN-APPS', 'The tools', [held('components', 'components: apps', [caller])]);

  it('leaves out a rule whose code is only the callers below the fault in a trace', () => {
    expect(cited([library, apps], { traceCallers: [caller] })).toEqual(['IN-LIB']);
    // Without a trace, or with the tool cited beside the trace, both places are the code.
    expect(cited([library, apps])).toEqual(['IN-LIB', 'IN-APPS']);
    const prose = buildFact('file-path', 'apps/viewer/dump.c');
    const citedToo = rule('IN-APPS', 'The tools', [
      held('components', 'components: apps', [caller, prose]),
    ]);
    expect(cited([library, citedToo], { traceCallers: [caller] })).toEqual(['IN-LIB', 'IN-APPS']);
  });

  it('cites the exclusion placing all the code in examples, not a rule on the application’s code', () => {
    const example = buildFact('file-path', 'russh/examples/echoserver.rs');
    const phrase = buildFact('mention', 'Auth::Accept');
    const examples = rule(
      'OOS-EXAMPLES',
      'Only the examples are affected',
      [held('paths-only', 'every cited path matches', [example])],
      'out-of-scope',
    );
    const handler = rule(
      'OOS-HANDLER',
      "The application's Handler accepts the credentials",
      [held('mentions', 'mentions "Auth::Accept"', [phrase])],
      'out-of-scope',
    );
    expect(cited([handler, examples])).toEqual(['OOS-EXAMPLES']);
    // Without the examples rule, the phrase is the reason.
    expect(cited([handler])).toEqual(['OOS-HANDLER']);
  });

  it('keeps an exclusion held on the callers: the entry point is what it is about', () => {
    const debugTool = rule(
      'OOS-DEBUG-TOOL',
      'Only reachable through the debugging tool',
      [held('components', 'components: apps', [caller])],
      'out-of-scope',
    );
    const olderLine = rule(
      'OOS-OLD',
      'Old releases',
      [held('versions', 'versions 1.0 are unsupported', [buildFact('version', '1.0')])],
      'out-of-scope',
    );
    expect(cited([debugTool, olderLine], { traceCallers: [caller] })).toEqual([
      'OOS-DEBUG-TOOL',
      'OOS-OLD',
    ]);
  });

  it('keeps at least one rule, even when every rule holds only on callers', () => {
    expect(cited([apps], { traceCallers: [caller] })).toEqual(['IN-APPS']);
    const tool = rule('IN-TOOL', 'The tool', [held('components', 'components: tool', [caller])]);
    expect(cited([apps, tool], { traceCallers: [caller] })).toEqual(['IN-APPS', 'IN-TOOL']);
  });

  it('leaves out an exclusion of the kind of bug when another exclusion says why or where', () => {
    const crash = buildFact('impact', 'denial-of-service', 'crash');
    const crashOnly = rule(
      'OOS-CRASH-ONLY',
      'A crash only',
      [held('impact', 'impact: denial-of-service', [crash])],
      'out-of-scope',
    );
    const harness = buildFact('file-path', 'contrib/fuzz/harness.cc');
    const helpers = rule(
      'OOS-HELPERS',
      'Only the harnesses',
      [held('paths-only', 'every cited path matches', [harness])],
      'out-of-scope',
    );
    const memory = buildFact('mention', 'out of memory');
    const outOfMemory = rule(
      'OOS-OOM',
      'Only an allocation failure',
      [held('mentions', 'mentions "out of memory"', [memory])],
      'out-of-scope',
    );
    expect(cited([crashOnly, helpers])).toEqual(['OOS-HELPERS']);
    expect(cited([crashOnly, outOfMemory])).toEqual(['OOS-OOM']);
    expect(cited([crashOnly])).toEqual(['OOS-CRASH-ONLY']);
    // A precondition and a place are both reasons: both are cited.
    expect(cited([outOfMemory, helpers])).toEqual(['OOS-OOM', 'OOS-HELPERS']);
  });

  it('does not treat an in-scope rule on the kind of bug as a consequence', () => {
    const overflow = buildFact('impact', 'memory-corruption', 'heap overflow');
    const memory = rule('IN-MEMORY', 'Memory corruption', [
      held('impact', 'impact: memory-corruption', [overflow]),
    ]);
    expect(cited([library, memory])).toEqual(['IN-LIB', 'IN-MEMORY']);
  });

  it('tells rules on the very same evidence apart by the words of the title', () => {
    const path = buildFact('file-path', 'pkg/app/redirect/validator.go');
    const evidence = [held('components', 'components: proxy-core', [path])];
    const bypass = rule(
      'IN-AUTH-BYPASS',
      'A request reaches a protected upstream without a valid session (spoofed forwarding headers, route matching)',
      evidence,
    );
    const redirect = rule(
      'IN-OPEN-REDIRECT',
      'A crafted rd parameter or redirect URL sends a signed-in user to another host',
      evidence,
    );
    const both = [bypass, redirect];
    expect(cited(both, { title: 'Open redirect through a crafted `rd` parameter' })).toEqual([
      'IN-OPEN-REDIRECT',
    ]);
    expect(
      cited(both, { title: 'Authentication bypass: X-Forwarded-Uri matches a skip route' }),
    ).toEqual(['IN-AUTH-BYPASS']);
    // A title that speaks of neither, or of both as much, decides nothing.
    expect(cited(both, { title: 'Security issue in example' })).toEqual([
      'IN-AUTH-BYPASS',
      'IN-OPEN-REDIRECT',
    ]);
    expect(cited(both, { title: 'Crafted request' })).toEqual([
      'IN-AUTH-BYPASS',
      'IN-OPEN-REDIRECT',
    ]);
  });

  it('does not read the project’s own name in the title as a word of a statement', () => {
    const path = buildFact('file-path', 'oauthproxy.go');
    const evidence = [held('components', 'components: proxy-core', [path])];
    const bypass = rule('IN-BYPASS', 'A request gets a 2xx from the auth endpoint', evidence);
    const redirect = rule('IN-REDIRECT', 'OAuth2 Proxy sends a user to another host', evidence);
    expect(
      cited([bypass, redirect], {
        title: 'oauth2-proxy answers the auth endpoint',
        projectName: 'OAuth2 Proxy',
      }),
    ).toEqual(['IN-BYPASS']);
  });

  it('leaves rules on different evidence to their evidence, whatever the title says', () => {
    const sandbox = buildFact('file-path', 'src/pkg/sandbox.py');
    const filters = buildFact('file-path', 'src/pkg/filters.py');
    const inSandbox = rule('IN-SANDBOX', 'Sandbox escape', [
      held('components', 'components: sandbox', [sandbox]),
    ]);
    const inFilters = rule('IN-FILTERS', 'Filters misbehave', [
      held('components', 'components: filters', [filters]),
    ]);
    expect(cited([inSandbox, inFilters], { title: 'Sandbox escape through a filter' })).toEqual([
      'IN-SANDBOX',
      'IN-FILTERS',
    ]);
  });
});
