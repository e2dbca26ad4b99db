// Finds the `${{ ... }}` expressions in workflow text and says how far an attacker controls the
// contexts they read: `untrusted` (free text anyone can write: titles, bodies, branch names,
// commit messages), `maybe` (other event data, inputs, step outputs) or `safe`.

export type ExpressionTrust = 'untrusted' | 'maybe' | 'safe';

export interface FoundExpression {
  /** The text between `${{` and `}}`, trimmed. */
  text: string;
  /** The context paths it reads, e.g. `github.event.issue.title`. */
  contexts: string[];
  trust: ExpressionTrust;
}

// Each iteration of the repetition starts with `.` or `[`, so matching stays linear.
const contextPattern = /[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_*-]+|\[[^\]\n]{0,100}\])*/g;
const maxExpressionLength = 2_000;

/** Leaves of `github.event` that carry free text from whoever opened the issue, PR or commit. */
const freeTextLeaves = new Set([
  'title',
  'body',
  'message',
  'page_name',
  'head_branch',
  'display_title',
  'default_branch',
  'label',
]);
/** Leaves of `github.event` that are numbers, ids, hashes, dates or fixed words. */
const fixedLeaves = new Set([
  'number',
  'id',
  'node_id',
  'sha',
  'after',
  'before',
  'created_at',
  'updated_at',
  'closed_at',
  'merged_at',
  'merged',
  'draft',
  'state',
  'author_association',
  'action',
  'private',
  'fork',
  'size',
  'run_number',
  'run_attempt',
  'conclusion',
  'status',
]);

/** Every expression in `text`, scanning once; unterminated `${{` ends the scan. */
export function findExpressions(text: string): FoundExpression[] {
  const found: FoundExpression[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf('${{', from);
    if (start < 0) break;
    const end = text.indexOf('}}', start + 3);
    if (end < 0) break;
    const inner = text.slice(start + 3, Math.min(end, start + 3 + maxExpressionLength)).trim();
    const contexts = [...inner.matchAll(contextPattern)]
      .map((match) => match[0].toLowerCase())
      .filter((path) => path.includes('.') || path === 'github');
    found.push({ text: inner, contexts, trust: classifyContexts(contexts) });
    from = end + 2;
  }
  return found;
}

function classifyContexts(contexts: readonly string[]): ExpressionTrust {
  let trust: ExpressionTrust = 'safe';
  for (const context of contexts) {
    const one = classifyContext(context);
    if (one === 'untrusted') return one;
    if (one === 'maybe') trust = 'maybe';
  }
  return trust;
}

/** How far an attacker controls one context path such as `github.event.pull_request.head.ref`. */
export function classifyContext(context: string): ExpressionTrust {
  const path = context.replace(/\[[^[\]]*\]/g, '.*').split('.');
  const [root, second] = path;
  if (root === 'github') {
    if (second === 'head_ref') return 'untrusted';
    if (second !== 'event') return 'safe';
    return classifyEventPath(path.slice(2));
  }
  if (root === 'inputs' || root === 'steps' || root === 'needs') {
    return path.includes('result') || path.includes('outcome') || path.includes('conclusion')
      ? 'safe'
      : 'maybe';
  }
  return 'safe';
}

function classifyEventPath(path: string[]): ExpressionTrust {
  if (path.length === 0) return 'untrusted';
  if (path[0] === 'inputs') return 'maybe';
  const leaf = path.at(-1) ?? '';
  const parent = path.at(-2) ?? '';
  if (freeTextLeaves.has(leaf)) return 'untrusted';
  if (leaf === 'ref' && parent === 'head') return 'untrusted';
  if ((leaf === 'name' || leaf === 'email') && (parent === 'author' || parent === 'committer')) {
    return 'untrusted';
  }
  if (fixedLeaves.has(leaf) || leaf.endsWith('_at') || leaf.endsWith('_id')) return 'safe';
  return 'maybe';
}
