// Names the kind of bug a document says it is about (out-of-bounds access, use-after-free,
// unbounded recursion...), from its title and the error lines of a sanitizer it quotes. Two
// documents about one function that name disjoint kinds describe two bugs: a heap over-read in a
// matcher is not the stack exhaustion found in it a month earlier.

import { sanitizerErrorPattern } from '../report/sanitizer-error-pattern.js';

export type BugClass =
  | 'bounds'
  | 'lifetime'
  | 'recursion'
  | 'null-dereference'
  | 'integer'
  | 'resource'
  | 'leak'
  | 'injection'
  | 'traversal'
  | 'link-following'
  | 'race'
  | 'assertion';

// Most specific first: "stack buffer overflow" is a bounds error, "stack overflow" a recursion.
const classPhrases: ReadonlyArray<readonly [BugClass, RegExp]> = [
  [
    'bounds',
    /\b(?:(?:heap|stack|global|static|buffer)[\s-]+(?:buffer[\s-]+)?(?:overflow|overrun|over-?read|under-?(?:flow|run))|buffer[\s-]+(?:overflow|overrun|over-?read|under-?(?:flow|run))|out[\s-]of[\s-]bounds?|oob[\s-]+(?:read|write)|over-?read|heap[\s-]+corruption|index[\s-]+out[\s-]+of[\s-]+range)\b/g,
  ],
  [
    'lifetime',
    /\b(?:use[\s-]after[\s-](?:free|return|scope)|uaf|double[\s-]free|dangling[\s-]pointer)\b/g,
  ],
  [
    'recursion',
    /\b(?:unbounded|infinite|deep|uncontrolled|excessive)[\s-]recursion\b|\bstack[\s-](?:exhaustion|overflow|depth)\b|\brecursion[\s-]depth\b/g,
  ],
  ['null-dereference', /\bnull[\s-]+(?:pointer[\s-]+)?(?:dereference|deref|pointer)\b/g],
  ['integer', /\binteger[\s-]+(?:overflow|underflow|wrap\w*|truncation)|\bsignedness\b/g],
  [
    'resource',
    /\b(?:(?:infinite|endless|busy|unbounded)[\s-]+loop|loops?[\s-]+forever|never[\s-]+(?:terminates|returns|finishes)|excessive[\s-]+iteration|hangs?|memory[\s-]+exhaustion|unbounded[\s-]+(?:memory|allocation|growth)|cpu[\s-]+exhaustion|quadratic|exponential|redos|amplification|out[\s-]of[\s-]memory)\b/g,
  ],
  ['leak', /\bmemory[\s-]+leak\b/g],
  [
    'injection',
    /\b(?:sql|command|code|header|template|ldap)[\s-]+injection|\bxss\b|cross[\s-]site[\s-]scripting\b/g,
  ],
  ['traversal', /\b(?:path|directory)[\s-]+traversal\b/g],
  // Following a symbolic link out of where the product confines a path (CWE-59).
  ['link-following', /\b(?:symlinks?|symbolic[\s-]+links?|link[\s-]+following)\b/g],
  ['race', /\b(?:race[\s-]+condition|toctou|data[\s-]+race)\b/g],
  ['assertion', /\b(?:assertion[\s-]+failure|reachable[\s-]+assert\w*|assertion[\s-]+failed)\b/g],
];

// The same kinds in a second finder's French, German or Spanish title (a lower-cased title; no
// `\b`, which does not see accented letters).
const start = String.raw`(?<![a-zà-ÿ])`;
const otherLanguagePhrases: ReadonlyArray<readonly [BugClass, RegExp]> = [
  [
    'bounds',
    new RegExp(
      `${start}(?:d[ée]passement|d[ée]bordement)\\s+de\\s+(?:tampon|m[ée]moire)|${start}(?:lecture|[ée]criture|acc[èe]s)\\s+hors\\s+(?:limites|bornes)|${start}puffer[üu]berl[äa]uf|${start}(?:lese|schreib)?zugriff\\s+au(?:ß|ss)erhalb|${start}desbordamiento\\s+de\\s+b[úu]fer|${start}(?:lectura|escritura|acceso)\\s+fuera\\s+de\\s+l[íi]mites`,
      'g',
    ),
  ],
  [
    'lifetime',
    new RegExp(
      `${start}utilisation\\s+apr[èe]s\\s+lib[ée]ration|${start}double\\s+lib[ée]ration|${start}doppelte\\s+freigabe|${start}uso\\s+despu[ée]s\\s+de\\s+(?:liberar|la\\s+liberaci[óo]n)|${start}doble\\s+liberaci[óo]n`,
      'g',
    ),
  ],
  [
    'recursion',
    new RegExp(
      `${start}r[ée]cursion\\s+(?:infinie|illimit[ée]e)|${start}(?:endlose|unbegrenzte)\\s+rekursion|${start}recursi[óo]n\\s+(?:infinita|ilimitada)|${start}[ée]puisement\\s+de\\s+la\\s+pile`,
      'g',
    ),
  ],
  [
    'null-dereference',
    new RegExp(`${start}pointeur\\s+nul|${start}nullzeiger|${start}puntero\\s+nulo`, 'g'),
  ],
  [
    'integer',
    new RegExp(
      `${start}d[ée]passement\\s+d['’]entier|${start}ganzzahl[üu]berlauf|${start}desbordamiento\\s+de\\s+entero`,
      'g',
    ),
  ],
  [
    'resource',
    new RegExp(`${start}boucle\\s+infinie|${start}endlosschleife|${start}bucle\\s+infinito`, 'g'),
  ],
  [
    'link-following',
    new RegExp(
      `${start}liens?\\s+symboliques?|${start}symlinks?|${start}symbolische[nr]?\\s+links?|${start}enlaces?\\s+simb[óo]licos?|${start}link\\s+simb[óo]lico`,
      'g',
    ),
  ],
];

const sanitizerClasses: Record<string, BugClass> = {
  'heap-buffer-overflow': 'bounds',
  'stack-buffer-overflow': 'bounds',
  'global-buffer-overflow': 'bounds',
  'dynamic-stack-buffer-overflow': 'bounds',
  'heap-use-after-free': 'lifetime',
  'stack-use-after-return': 'lifetime',
  'stack-use-after-scope': 'lifetime',
  'double-free': 'lifetime',
  'stack-overflow': 'recursion',
};
// A SEGV on an address in the first page is a NULL pointer (plus a small field offset) read or
// written: "SEGV on unknown address 0x000000000010".
const zeroPageLimit = 0x1000;

function sanitizerClassOf(kind: string, address: string | undefined): BugClass | undefined {
  if (kind === 'SEGV' && address !== undefined && Number.parseInt(address, 16) < zeroPageLimit)
    return 'null-dereference';
  return sanitizerClasses[kind];
}

// A kind the clause denies ("not the recursion fixed in 7.4.1", "rather than a stack
// exhaustion") is what the bug is not.
const denial =
  /\b(?:not|no|never|rather\s+than|instead\s+of|unlike|unrelated\s+to)\b[^.;:!?\n]{0,60}$/;

// Pairs that one bug often shows as both: an integer overflow that makes a buffer overflow.
const compatible = new Set([
  'bounds|integer',
  'integer|bounds',
  'integer|resource',
  'resource|integer',
  // A symbolic link out of a root is often called a traversal.
  'traversal|link-following',
  'link-following|traversal',
]);

export function findBugClasses(title: string, text: string): BugClass[] {
  const found = new Set<BugClass>();
  const lowerTitle = title.slice(0, 2_000).toLowerCase();
  for (const [bugClass, pattern] of [...classPhrases, ...otherLanguagePhrases]) {
    for (const match of lowerTitle.matchAll(pattern)) {
      if (!denial.test(lowerTitle.slice(Math.max(0, match.index - 80), match.index)))
        found.add(bugClass);
    }
  }
  for (const match of text.slice(0, 200_000).matchAll(sanitizerErrorPattern)) {
    const bugClass = sanitizerClassOf(match[1]!, match[2]);
    if (bugClass !== undefined) found.add(bugClass);
  }
  return [...found];
}

/** Both documents name a kind of bug and no kind of one agrees with a kind of the other. */
export function isBugClassConflict(
  ours: readonly BugClass[],
  theirs: readonly BugClass[],
): boolean {
  if (ours.length === 0 || theirs.length === 0) return false;
  return !ours.some((a) => theirs.some((b) => a === b || compatible.has(`${a}|${b}`)));
}
