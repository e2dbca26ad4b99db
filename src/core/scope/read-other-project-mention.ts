// Reads a mention of another project for a rule that sends flaws in that project there ("The flaw
// is in containerd ...; it goes to that project"). Such a rule asks where the flaw is, and a report
// names other projects for other reasons too: who uses this one ("axios uses you", "every
// Kubernetes cluster using it") or who is exposed ("every platform (Docker, Kubernetes) is
// exposed", an impact section's "cluster takeover") says how far the harm spreads, not where the
// flaw is; the stack the reporter runs ("Version: runc 1.5.1, Docker 27 host", "our old
// containerd") is their setup.

import type { ReportField } from '../model/report.js';
import { readSentence } from '../text/read-sentence.js';

/** What a mention of another project says about where the flaw is. */
export type OtherProjectMention = 'flaw' | 'setup' | 'downstream';

// "it goes to that project", "it goes to that provider's maintainers", "to that product's
// maintainers or the vendor".
const sendsToAnotherProject =
  /\bgoes\s+to\s+(?:that|those|the\s+other)\s+(?:[\w'\u2019-]+\s+){0,2}?(?:projects?|maintainers|vendors?|providers?|products?|teams?)\b/i;

/** True when a rule's statement sends a flaw in another project to that project. */
export function isAboutAnotherProject(statement: string): boolean {
  return sendsToAnotherProject.test(statement.slice(0, 2000));
}

// The other project uses this one: "axios uses you", "every cluster using it", "built on it".
const usesThisProject =
  /\b(?:uses?|using|used\s+by|depends?\s+on|depending\s+on|relies\s+on|relying\s+on|built\s+on|embeds?|embedding)\s+(?:you|it|this\s+(?:library|package|crate|module|gem|runtime|project))\b/i;
// Everyone is exposed: "every container platform (...) is exposed", "all clusters are at risk".
const everyone = /\b(?:every|all|any|millions\s+of|thousands\s+of)\b/i;
const isExposed = /\b(?:is|are)\s+(?:\w+\s+){0,2}?(?:exposed|at\s+risk)\b/i;
// The reporter's own installation of the other project: "our old containerd", "my Docker host",
// in the languages reports arrive in ("nuestro containerd", "notre Docker", "unser Kubernetes").
const ownInstallationBefore =
  /(?:^|[^\p{L}])(?:our|my|nuestr[oa]s?|mis?|notre|nos|mon|ma|mes|unser\w{0,2}|mein\w{0,2}|nostr[oaie]|noss[oa]s?|meu|minha)\s+(?:[\p{L}\d.-]+\s+){0,2}$/iu;

// The same verbs right before one of this project's names: "every cluster using runc".
const usesVerbBefore = /\b(?:uses?|using|depends?\s+on|relies\s+on|built\s+on|embeds?)\s+$/i;

// Everyone's work done with this project: "any application that parses EXIF metadata with
// libexif (GNOME, KDE, PHP, ...)", "every service linked against it".
const throughBefore = /\b(?:with|via|through|against)\s+$/i;

/**
 * True when the sentence says something uses one of this project's names, or that everything
 * doing its work with it ("any application that parses images with libexif") is exposed.
 */
function readProjectNameUse(sentence: string, projectNames: readonly string[]): boolean {
  const lower = sentence.toLowerCase();
  const isEveryone = everyone.test(sentence);
  return projectNames.some((name) => {
    const at = lower.indexOf(name.toLowerCase());
    if (at === -1) return false;
    const before = lower.slice(Math.max(0, at - 24), at);
    return usesVerbBefore.test(before) || (isEveryone && throughBefore.test(before));
  });
}

/**
 * What the mention starting at `start` of `body` says, for a rule about flaws in another project.
 * `field` is the report field the mention stands in; `projectNames` are this project's names.
 */
export function readOtherProjectMention(
  body: string,
  start: number,
  field: ReportField | null,
  projectNames: readonly string[],
): OtherProjectMention {
  // The impact says who is harmed; a version line names the stack the reporter ran.
  if (field === 'impact') return 'downstream';
  const sentence = readSentence(body, start);
  if (
    usesThisProject.test(sentence) ||
    (everyone.test(sentence) && isExposed.test(sentence)) ||
    readProjectNameUse(sentence, projectNames)
  )
    return 'downstream';
  if (field === 'affected-version') return 'setup';
  const lineBefore = body
    .slice(Math.max(0, start - 48), start)
    .split('\n')
    .pop()!;
  return ownInstallationBefore.test(lineBefore) ? 'setup' : 'flaw';
}
