// Checks on untrusted revision and path text before it reaches git: a plain ref name or object id
// with no revision syntax, and a relative path inside the tree.

const maxRevisionLength = 250;
const maxPathLength = 4096;
/** Ref names as `git check-ref-format --allow-onelevel` takes them, further limited to plain characters. */
const revisionPattern = /^[A-Za-z0-9._/+@-]+$/;

/** Untrusted revision text that is safe to hand to git: a plain ref name or object id, no syntax. */
export function isSafeRevision(revision: string): boolean {
  return (
    revision.length > 0 &&
    revision.length <= maxRevisionLength &&
    revisionPattern.test(revision) &&
    !revision.startsWith('-') &&
    !revision.includes('..') &&
    !revision.endsWith('.') &&
    !revision.endsWith('.lock') &&
    revision.split('/').every((part) => part.length > 0 && !part.startsWith('.'))
  );
}

/** A relative path inside the tree: no absolute paths, `.`/`..` segments, options or control characters. */
export function isSafePath(path: string): boolean {
  return (
    path.length > 0 &&
    path.length <= maxPathLength &&
    !path.startsWith('-') &&
    !hasControlCharacter(path) &&
    path.split('/').every((part) => part.length > 0 && part !== '.' && part !== '..')
  );
}

function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
