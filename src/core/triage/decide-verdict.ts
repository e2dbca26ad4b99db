// Decides the verdict from the scope rules that hold, how strong each one's evidence is, and the
// report's completeness. The precedence (docs/verdicts.md):
//   1. a strong out-of-scope rule and no strong in-scope rule: out-of-scope, even when required
//      items are missing (nobody is asked to reproduce an excluded case);
//   2. strong rules on both sides: the more specific side wins (a precondition or named exclusion
//      of the attack beats the impact, which beats the attack vector, which beats where the code
//      is); when both are as specific, needs-review, citing both;
//   3. an out-of-scope rule held only weakly (a mention, the reporter's setup): a strong
//      in-scope rule wins; otherwise missing items are asked for, or a human reviews it;
//   4. required items missing: needs-info;
//   5. an in-scope rule holds (or the profile has none): in-scope; else undetermined.
// Of the rules that hold on the side that decides, the verdict cites those that say why
// (choose-cited-rules.ts).

import type { SecurityProfile } from '../model/security-profile.js';
import type { RequirementCheck, RuleMatch, Verdict } from '../model/triage-result.js';
import type { ScopeEvaluation } from '../scope/evaluate-scope.js';
import { chooseCitedRules, type CitationContext } from './choose-cited-rules.js';
import { readExclusionStatementSettings } from '../report/derive-profile-setting-names.js';
import { createPathMatcher, globCharacter, toCitedPath } from '../scope/match-components.js';

export interface VerdictDecision {
  verdict: Verdict;
  /** The rules the verdict cites. */
  rules: string[];
  openQuestions: string[];
  /** Why: the step of the precedence that decided, for the maintainer. */
  basis: string;
}

/**
 * The out-of-scope matches without a rule that holds on a setting only through the `non-default`
 * catch-all when another matching rule names every one of those settings (`verification-disabled`,
 * `skip_auth_regex`): the rule that names the setting is the exclusion the report falls under,
 * the catch-all only restates it.
 */
function dropRestatedCatchAll(
  profile: SecurityProfile,
  matches: readonly RuleMatch[],
): RuleMatch[] {
  const named = (ruleId: string): Set<string> => {
    const rule = profile.threatModel.outOfScope.find((candidate) => candidate.id === ruleId);
    if (rule === undefined) return new Set();
    return new Set([
      ...(rule.when.requiresConfig ?? [])
        .map((value) => value.toLowerCase())
        .filter((value) => value !== 'non-default'),
      // Named in its statement: "a protection switched off, such as onProtoPoisoning 'ignore'".
      ...readExclusionStatementSettings(rule),
    ]);
  };
  const settingsOf = (match: RuleMatch): string[] =>
    match.evidence
      .filter((evidence) => evidence.key === 'requires-config')
      .flatMap((evidence) => evidence.facts.map((fact) => fact.value.toLowerCase()));
  return matches.filter((match) => {
    const own = named(match.ruleId);
    const settings = settingsOf(match).filter((value) => !own.has(value));
    if (settings.length === 0) return true;
    return !matches.some((other) => {
      if (other === match || other.strength !== match.strength) return false;
      const names = named(other.ruleId);
      return settings.every((value) => names.has(value));
    });
  });
}

function describeUndecided(scope: ScopeEvaluation): string[] {
  const questions = scope.undecidedInScope.flatMap((outcome) =>
    outcome.details.map((detail) => `${outcome.rule.id} (${outcome.rule.statement}): ${detail}`),
  );
  return questions.length > 0
    ? questions
    : ['none of our in-scope rules matches what the report describes'];
}

const isLiteralGlob = (glob: string): boolean => !globCharacter.test(glob);

/**
 * Whether the out-of-scope rules tied with the in-scope ones on where the code is name that code
 * more exactly: every one holds on `paths-only:` alone, every in-scope rule on `components:`
 * alone, and each file the exclusion holds on is one its globs list by name
 * (`libvips/foreign/svgload.c`) while the in-scope rules' components hold it only by a wildcard
 * (`libvips/**`). The profile singled that file out: the exclusion is its word on it.
 */
function exclusionListsTheFile(
  profile: SecurityProfile,
  resolvePath: (path: string) => string,
  inScope: readonly RuleMatch[],
  outOfScope: readonly RuleMatch[],
): boolean {
  const only = (match: RuleMatch, key: string): boolean =>
    match.evidence.length > 0 && match.evidence.every((evidence) => evidence.key === key);
  if (inScope.length === 0 || outOfScope.length === 0) return false;
  if (!inScope.every((match) => only(match, 'components'))) return false;
  if (!outOfScope.every((match) => only(match, 'paths-only'))) return false;
  const { components, inScope: inRules, outOfScope: outRules } = profile.threatModel;
  const inGlobs = inScope.flatMap((match) => {
    const ids = inRules.find((rule) => rule.id === match.ruleId)?.when.components ?? [];
    return components.filter((c) => ids.includes(c.id)).flatMap((c) => c.paths);
  });
  return outOfScope.every((match) => {
    const literals = (
      outRules.find((rule) => rule.id === match.ruleId)?.when.pathsOnly ?? []
    ).filter(isLiteralGlob);
    const paths = match.evidence.flatMap((evidence) => evidence.facts).map(toCitedPath);
    return (
      paths.length > 0 &&
      paths.every((cited) => {
        const path = resolvePath(cited);
        const holds = (glob: string): boolean => createPathMatcher([glob])(path);
        return (
          literals.some(holds) && !inGlobs.filter(isLiteralGlob).some(holds) && inGlobs.some(holds)
        );
      })
    );
  });
}

export function decideVerdict(
  profile: SecurityProfile,
  scope: ScopeEvaluation,
  requirements: readonly RequirementCheck[],
  title = '',
): VerdictDecision {
  const citation: CitationContext = {
    title,
    projectName: profile.project.name,
    traceCallers: scope.traceCallers,
  };
  const ids = (matches: readonly RuleMatch[]): string[] =>
    chooseCitedRules(matches, citation).map((match) => match.ruleId);
  const outOfScope = dropRestatedCatchAll(profile, scope.outOfScope);
  const strongOut = outOfScope.filter((match) => match.strength === 'strong');
  const weakOut = outOfScope.filter((match) => match.strength === 'weak');
  const strongIn = scope.inScope.filter((match) => match.strength === 'strong');
  const isMissing = requirements.some((check) => check.level === 'required' && !check.isPresent);
  const none: string[] = [];

  if (strongOut.length > 0 && strongIn.length === 0) {
    return {
      verdict: 'out-of-scope',
      rules: ids(strongOut),
      openQuestions: none,
      basis: 'an out-of-scope rule holds on strong evidence',
    };
  }
  const outSpecificity = Math.max(-1, ...strongOut.map((match) => match.specificity));
  const inSpecificity = Math.max(-1, ...strongIn.map((match) => match.specificity));
  if (strongOut.length > 0 && outSpecificity > inSpecificity) {
    return {
      verdict: 'out-of-scope',
      rules: ids(strongOut.filter((match) => match.specificity === outSpecificity)),
      openQuestions: none,
      basis:
        'an out-of-scope rule holds on strong, more specific evidence than the in-scope rules (a precondition or exclusion of the attack beats where the code is or how it is reached)',
    };
  }
  if (strongOut.length > 0 && inSpecificity > outSpecificity) {
    return {
      verdict: isMissing ? 'needs-info' : 'in-scope',
      rules: isMissing ? none : ids(strongIn),
      openQuestions: none,
      basis: 'an in-scope rule holds on more specific evidence than the out-of-scope rules',
    };
  }
  const tiedOut = strongOut.filter((match) => match.specificity === outSpecificity);
  if (
    strongOut.length > 0 &&
    exclusionListsTheFile(profile, scope.resolvePath, strongIn, tiedOut)
  ) {
    return {
      verdict: 'out-of-scope',
      rules: ids(tiedOut),
      openQuestions: none,
      basis:
        'an out-of-scope rule lists the cited files by name, which the in-scope rules hold only through a wider folder',
    };
  }
  if (strongOut.length > 0) {
    return {
      verdict: 'needs-review',
      rules: [...ids(strongIn), ...ids(strongOut)],
      openQuestions: none,
      basis: 'in-scope and out-of-scope rules both hold on strong evidence',
    };
  }
  if (weakOut.length > 0 && strongIn.length === 0 && !isMissing) {
    return {
      verdict: 'needs-review',
      rules: [...ids(scope.inScope), ...ids(weakOut)],
      openQuestions: none,
      basis: 'an out-of-scope rule holds on weak evidence only (a mention or the reporter’s setup)',
    };
  }
  if (isMissing) {
    return {
      verdict: 'needs-info',
      rules: none,
      openQuestions: none,
      basis: 'required items are missing',
    };
  }
  if (scope.inScope.length > 0 || profile.threatModel.inScope.length === 0) {
    return {
      verdict: 'in-scope',
      rules: ids(scope.inScope),
      openQuestions: none,
      basis:
        weakOut.length > 0
          ? 'an in-scope rule holds on strong evidence; the out-of-scope rules hold on weak evidence only'
          : 'an in-scope rule holds',
    };
  }
  return {
    verdict: 'undetermined',
    rules: none,
    openQuestions: describeUndecided(scope),
    basis: 'the facts decide no rule',
  };
}
