// Reads the switches a profile names (`requires-config: [display-tracebacks]`) where a command the
// report runs passes them: `twist web --display-tracebacks`, `server --allow-root=yes`. A switch on
// the command that starts a server or tool is that deployment's setting, whoever typed it, like
// the same setting written as code (`site.displayTracebacks = True`, extract-code-setting-facts.ts):
// a `requires-config` fact with the operator (`user`) as actor. Only names the profile lists count:
// generic switches (`--debug`, `--verbose`) stay the reporter's own setup. Not read: a switch the
// sentence says is not needed ("also without `--display-tracebacks`") or not set ("`--reverse-proxy`
// **not** set"), one switched off (`--name=false`), a `--no-name` form (another word, never
// listed), one named with its default value ("`--limit` (16 KiB by default)"), and one the report
// says is not enforced ("does not enforce `--ws-max-size`": the protection that fails).

import type { CodeBlock } from './find-code-blocks.js';
import type { FactSink } from './create-fact-sink.js';
import {
  findIndentedSnippets,
  isIndentedDiff,
  isLibraryCode,
} from './extract-code-setting-facts.js';
import { forEachMatch } from './for-each-match.js';

/** A `--name` switch, optionally `=value`, as a whole command-line token. */
const switchPattern = /(?<![\w-])--([A-Za-z][\w-]{0,60}[A-Za-z0-9])(?:=([\w.-]{1,20}))?(?![\w-])/g;
const offValue = /^(?:false|0|off|no|disabled?|none)$/i;
// "without `--x`", "even without --x", "no need for --x", "not needed: --x", "with or without --x".
const deniedBefore =
  /(?:\bwithout|\bno\s+need\s+(?:for|of)|\bnot\s+(?:needed|required|necessary)\b[^.\n]{0,20}|\beven\s+with(?:out)?)[\s`'"(]{0,4}$/i;
// "`--x` is not needed", and a switch the sentence says is off: "`--x` **not** set", "--x is not
// enabled", "--x was left unset".
const deniedAfter =
  /^[`'")]?\s+(?:(?:is|was)\s+(?:not\s+(?:needed|required|necessary)|irrelevant|optional)\b|(?:(?:is|was|left)\s+)?(?:[*_]{1,2})?not(?:[*_]{1,2})?\s+(?:set|enabled|used|passed|given|specified|configured|on)\b|(?:(?:is|was)\s+(?:left\s+)?|left\s+)(?:unset|disabled|off)\b)/i;

// A switch named with its default value in parentheses ("larger than `--limit` (16 KiB by
// default)", "`--limit` (default: 16 MiB)"): the sentence describes the default, not a change.
const defaultValueAfter = /^[`'"]?\s*\((?![^)\n]{0,40}\b(?:not|non)\b)[^)\n]{0,40}\bdefault/i;

// A protection the report says the code does not apply: "does not enforce `--ws-max-size`",
// "never applies --limit", "ignores `--limit`", "`--limit` is ignored / has no effect / is not
// enforced". Such a switch is the check that fails, not a setting the attack needs, wherever else
// the report names it (the reproduction sets it to show that it is ignored).
const notEnforcedBefore =
  /(?:\b(?:does\s+not|doesn't|do\s+not|don't|did\s+not|didn't|never|fails?\s+to|failing\s+to)\s+(?:enforce[sd]?|appl(?:y|ies|ied)|honou?r(?:s|ed)?|respect(?:s|ed)?|check(?:s|ed)?|obey(?:s|ed)?|use[sd]?)|\bignor(?:es|ed|ing)|\bbypass(?:es|ed|ing)?)\s+(?:the\s+)?(?:configured\s+)?[`'"]?$/i;
const notEnforcedAfter =
  /^[`'"]?\s+(?:(?:is|was|are|gets|got)\s+(?:silently\s+|simply\s+|then\s+)?(?:ignored|not\s+(?:enforced|applied|honou?red|respected|checked|used))\b|(?:has|had)\s+no\s+effect\b)/i;

/**
 * The switches of `text` that `profileSettings` (lower-cased) names and that the text says are
 * not enforced (a failing protection, not a precondition), lower-cased.
 */
export function findUnenforcedSwitches(
  text: string,
  profileSettings: readonly string[],
): Set<string> {
  const names = new Set<string>();
  if (profileSettings.length === 0 || !text.includes('--')) return names;
  forEachMatch(switchPattern, text, (match) => {
    const name = match[1]!.toLowerCase();
    if (!profileSettings.includes(name)) return;
    const before = text.slice(Math.max(0, match.index - 40), match.index);
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 40);
    if (notEnforcedBefore.test(before) || notEnforcedAfter.test(after)) names.add(name);
  });
  return names;
}

export interface CommandSwitch {
  /** The switch's name, lower-cased, without the dashes. */
  name: string;
  start: number;
  end: number;
}

/**
 * The switches of `text` (from `offset` on) that `profileSettings` (lower-cased) names and that
 * are switched on: not `=false`, and not in a phrase that says they are not needed.
 */
export function findProfileSwitches(
  text: string,
  profileSettings: readonly string[],
  offset = 0,
): CommandSwitch[] {
  if (profileSettings.length === 0 || !text.includes('--')) return [];
  const switches: CommandSwitch[] = [];
  forEachMatch(switchPattern, text, (match) => {
    const name = match[1]!.toLowerCase();
    if (!profileSettings.includes(name)) return;
    if (match[2] !== undefined && offValue.test(match[2])) return;
    const before = text.slice(Math.max(0, match.index - 60), match.index);
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 60);
    if (deniedBefore.test(before) || deniedAfter.test(after)) return;
    if (defaultValueAfter.test(after)) return;
    switches.push({
      name,
      start: offset + match.index,
      end: offset + match.index + match[0].length,
    });
  });
  return switches;
}

const inlineCode = /`([^`\n]{1,300})`/g;
// A command-line switch token (`--bind`, `-w`) right after one that ends at `after`'s start, or
// right before one, separated by blanks and at most one value token (`--bind 0.0.0.0:8080`).
const switchNext = /^(?:=\S{1,60})?[ \t]{1,4}(?:[^\s-]\S{0,60}[ \t]{1,4})?--?[A-Za-z]/;
const switchBefore = /(?:^|\s)--?[A-Za-z][\w-]{0,60}(?:[= ][^\s-]\S{0,60})?[ \t]{1,4}$/;

/**
 * Adds a `requires-config` fact (actor `user`) for each switch the profile names on a command of
 * the report: in the caller's code blocks (`codeBlocks`: no diffs, no library code), in indented
 * snippets, in inline code spans of `prose` (where fenced blocks are blanked), and in bare prose
 * when another switch stands next to it (a command line written out in a sentence).
 */
export function extractCommandSwitchFacts(
  sink: FactSink,
  prose: string,
  codeBlocks: readonly CodeBlock[],
  profileSettings: readonly string[],
): void {
  if (profileSettings.length === 0) return;
  // A switch in a fix or remediation section ("Only honour the headers when `--reverse-proxy` is
  // on") is what the reporter proposes, not the deployment's setting.
  // A switch the report says is not enforced is the protection that fails, wherever it is named.
  const unenforced = findUnenforcedSwitches(prose, profileSettings);
  const addSwitch = (found: CommandSwitch): void => {
    if (sink.fieldAt(found.start) === 'proposed-patch') return;
    if (unenforced.has(found.name)) return;
    sink.add('requires-config', found.name, found.start, found.end, { actor: 'user' });
  };
  const add = (text: string, offset: number): void => {
    for (const found of findProfileSwitches(text, profileSettings, offset)) addSwitch(found);
  };
  for (const block of codeBlocks) {
    add(sink.body.slice(block.contentStart, block.contentEnd), block.contentStart);
  }
  const snippets = findIndentedSnippets(prose);
  for (const snippet of snippets) {
    const text = prose.slice(snippet.start, snippet.end);
    if (!isIndentedDiff(text) && !isLibraryCode(prose, snippet.start)) add(text, snippet.start);
  }
  const inlineSpans: Array<{ start: number; end: number }> = [];
  forEachMatch(inlineCode, prose, (match) => {
    inlineSpans.push({ start: match.index, end: match.index + match[0].length });
  });
  // A command written out in bare prose, as a one-paragraph mail does ("on the staging box:
  // gunicorn --reload --bind 0.0.0.0:8080 shop.wsgi:application"): a switch the profile names
  // counts when another switch stands next to it, which only a command line has; a switch named
  // alone ("the help of --display-tracebacks says") is still not read.
  for (const found of findProfileSwitches(prose, profileSettings)) {
    const inside = (span: { start: number; end: number }): boolean =>
      found.start >= span.start && found.start < span.end;
    if (snippets.some(inside) || inlineSpans.some(inside)) continue;
    const before = prose.slice(Math.max(0, found.start - 80), found.start);
    const after = prose.slice(found.end, found.end + 80);
    if (switchNext.test(after) || switchBefore.test(before)) addSwitch(found);
  }
  forEachMatch(inlineCode, prose, (match) => {
    const start = match.index + 1;
    if (snippets.some((snippet) => start >= snippet.start && start < snippet.end)) return;
    // The words before the span say whether the switch is needed; read them with it.
    const lineStart = prose.lastIndexOf('\n', match.index) + 1;
    const lead = prose.slice(Math.max(lineStart, match.index - 60), match.index);
    // And the words after it ("`--reverse-proxy` **not** set"), up to the end of the line.
    const spanEnd = match.index + match[0].length;
    const lineEnd = prose.indexOf('\n', spanEnd);
    const trail = prose.slice(
      spanEnd - 1,
      Math.min(lineEnd === -1 ? prose.length : lineEnd, spanEnd + 60),
    );
    for (const found of findProfileSwitches(
      lead + match[1]! + trail,
      profileSettings,
      start - lead.length,
    )) {
      if (found.start >= start && found.start < start + match[1]!.length) addSwitch(found);
    }
  });
}
