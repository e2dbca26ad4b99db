// Runs a global regex over text without `matchAll`, which clones the regex on every call: the
// extractors call this thousands of times a second and the clones showed up in profiles.

export function forEachMatch(
  pattern: RegExp,
  text: string,
  visit: (match: RegExpExecArray) => void,
): void {
  pattern.lastIndex = 0;
  let match = pattern.exec(text);
  while (match !== null) {
    const next = match[0] === '' ? match.index + 1 : pattern.lastIndex;
    visit(match);
    pattern.lastIndex = next;
    match = pattern.exec(text);
  }
  pattern.lastIndex = 0;
}
