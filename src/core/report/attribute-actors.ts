// Says whose action or condition each precondition fact describes. A report about a malicious
// server says which option the *user* passes to reach the code, and its reproduction starts the
// program with `-c some.conf`: neither is something the attacker controls. Facts in code blocks
// and reproduction steps are the reporter's, unless their sentence names the attacker; otherwise
// the nearest cue before the fact in its sentence decides (the attacker, the reporter's "I", or a
// user, operator or application choosing), then a cue right after it ("set by the attacker").

import type { Fact, FactActor, FactKind } from '../model/fact.js';
import type { Report } from '../model/report.js';
import type { CodeBlock } from './find-code-blocks.js';
import { foldTextForLiterals, mayMatchIn, type GatedPattern } from './find-required-literals.js';
import { createFieldLocator } from './locate-in-report.js';

/** The kinds whose meaning depends on whose action they are. */
const attributedKinds: ReadonlySet<FactKind> = new Set([
  'attacker-controls',
  'requires-config',
  'privileges-required',
  'user-interaction',
]);

const sentenceLookBehind = 200;
const sentenceLookAhead = 120;

// Cues, each searched in the sentence before the fact; the one ending nearest the fact wins. A cue
// is searched only in a text that holds its literals (a test checks them).
export const cuePatterns: ReadonlyArray<GatedPattern & { actor: FactActor }> = [
  {
    actor: 'attacker',
    pattern:
      /\b(?:attackers?|adversar(?:y|ies)|malicious|hostile|rogue|evil|threat\s+actors?|attacker-controlled|attacker-supplied|unauthenticated|remote\s+(?:clients?|peers?|servers?|users?|parties|party|hosts?)|(?:anyone|anybody|whoever|someone|somebody)\s+(?:who|that)\s+(?:already\s+)?(?:can|could|is\s+able\s+to|has|controls)|whoever\s+(?:already\s+)?(?:can|could|is\s+able\s+to|has|controls|sets))\b/gi,
    required: [
      [
        'adversaries',
        'adversary',
        'anybody that ',
        'anybody who ',
        'anyone that ',
        'anyone who ',
        'attacker',
        'evil',
        'hostile',
        'malicious',
        'remote client',
        'remote host',
        'remote parties',
        'remote party',
        'remote peer',
        'remote server',
        'remote user',
        'rogue',
        'somebody that ',
        'somebody who ',
        'someone that ',
        'someone who ',
        'threat actor',
        'unauthenticated',
        'whoever already can',
        'whoever already controls',
        'whoever already could',
        'whoever already has',
        'whoever already is able to',
        'whoever already sets',
        'whoever can',
        'whoever controls',
        'whoever could',
        'whoever has',
        'whoever is able to',
        'whoever sets',
        'whoever that ',
        'whoever who ',
      ],
    ],
  },
  {
    // A hypothetical person who is able to do something is the report's attacker: "if somebody
    // can edit /etc/openvpn/server.conf they can add ...", "once anyone manages to write there".
    actor: 'attacker',
    pattern:
      /\b(?:if|when|once)\s+(?:somebody|someone|anyone|anybody)\s+(?:can|could|is\s+able\s+to|manages?\s+to)\b/gi,
    required: [
      [
        'if anybody ',
        'if anyone ',
        'if somebody ',
        'if someone ',
        'once anybody ',
        'once anyone ',
        'once somebody ',
        'once someone ',
        'when anybody ',
        'when anyone ',
        'when somebody ',
        'when someone ',
      ],
      ['can', 'could', 'is able to', 'manage to', 'manages to'],
    ],
  },
  {
    // The attack itself as the subject of the precondition, right before it: "The attack
    // requires root on the device", "exploitation needs admin rights". Said of the attack, so the
    // attacker's precondition even inside the reproduction section, not the reporter's setup.
    actor: 'attacker',
    pattern:
      /\b(?:(?:the|this|an?|such\s+an?)\s+(?:attacks?|exploits?)|exploitation|exploiting\s+(?:this|it))\s+(?:(?:only|also|still|always|itself)\s+)?$/gi,
    required: [
      [
        'a attack ',
        'a attacks ',
        'a exploit ',
        'a exploits ',
        'an attack ',
        'an attacks ',
        'an exploit ',
        'an exploits ',
        'exploitation ',
        'exploiting it ',
        'exploiting this ',
        'the attack ',
        'the attacks ',
        'the exploit ',
        'the exploits ',
        'this attack ',
        'this attacks ',
        'this exploit ',
        'this exploits ',
      ],
    ],
  },
  {
    // A local or unprivileged account described by what it is able to do is the report's
    // attacker: "a local user who can choose the arguments ... can overwrite the stack".
    actor: 'attacker',
    pattern:
      /\b(?:an?|any)\s+(?:local|unprivileged|low[\s-]privileged)\s+(?:users?|accounts?)\s+(?:who|that)\s+(?:can|could|is\s+able\s+to)\b/gi,
    required: [
      [
        'a local ',
        'a low privileged ',
        'a low-privileged ',
        'a unprivileged ',
        'an local ',
        'an low privileged ',
        'an low-privileged ',
        'an unprivileged ',
        'any local ',
        'any low privileged ',
        'any low-privileged ',
        'any unprivileged ',
      ],
      ['account', 'user'],
      [
        'account that can',
        'account that could',
        'account that is able to',
        'account who can',
        'account who could',
        'account who is able to',
        'accounts that can',
        'accounts that could',
        'accounts that is able to',
        'accounts who can',
        'accounts who could',
        'accounts who is able to',
        'user that can',
        'user that could',
        'user that is able to',
        'user who can',
        'user who could',
        'user who is able to',
        'users that can',
        'users that could',
        'users that is able to',
        'users who can',
        'users who could',
        'users who is able to',
      ],
    ],
  },
  {
    actor: 'reporter',
    pattern:
      /(?:^|[\s(])(?:I|I'm|I've|I'd|we|we've|my|our)\b|\b(?:reproduc\w*|my\s+test\w*|for\s+testing|test\s+setup|to\s+trigger\s+it)\b/gi,
    required: [],
  },
  {
    actor: 'user',
    pattern:
      /\b(?:(?:the|a|an|any|their)\s+)?(?:users?|victims?|developers?|operators?|administrators?|admins?|maintainers?|deployers?|applications?|apps?|callers?|programmers?|clients?\s+code|integrators?)\s+(?:who\s+)?(?:(?:must|has\s+to|have\s+to|needs?\s+to|would\s+have\s+to|chooses?\s+to|decides?\s+to|explicitly|deliberately)\s+)?(?:pass(?:es|ed)?|sets?|runs?|uses?|invokes?|calls?|specif(?:y|ies)|enables?|configures?|provides?|supplies|opts?\s+in|turns?\s+on|starts?|launch(?:es)?|adds?|writes?|compiles?|builds?)\b|\b(?:when|if|once)\s+(?:it\s+is\s+)?(?:invoked|run|started|launched|called|built|compiled|configured)\s+with\b|\bset\s+by\s+(?:the|our|an?)\s+(?:operators?|administrators?|admins?|deployers?|users?)\b/gi,
    required: [
      [
        'admin ',
        'administrator ',
        'administrators ',
        'admins ',
        'app ',
        'application ',
        'applications ',
        'apps ',
        'built with',
        'called with',
        'caller ',
        'callers ',
        'client code ',
        'clients code ',
        'compiled with',
        'configured with',
        'deployer ',
        'deployers ',
        'developer ',
        'developers ',
        'integrator ',
        'integrators ',
        'invoked with',
        'launched with',
        'maintainer ',
        'maintainers ',
        'operator ',
        'operators ',
        'programmer ',
        'programmers ',
        'run with',
        'set by a ',
        'set by an ',
        'set by our ',
        'set by the ',
        'started with',
        'user ',
        'users ',
        'victim ',
        'victims ',
      ],
    ],
  },
];

// "... controlled by the attacker", "... that the attacker sets": the actor named after the fact.
const attackerAfter =
  /^[^.!?\n]{0,60}?\b(?:by|from|of)\s+(?:the|an?|any)\s+(?:remote\s+)?(?:attackers?|adversary|malicious\s+\w+)\b/i;
// A cue that is denied is no cue: "not an attacker", "no attacker".
const deniedBefore = /\b(?:not|no|never|nor)\s+(?:by\s+)?(?:an?\s+|the\s+)?$/i;

/** The start of the sentence holding `offset`: after the last . ! ? or blank line, at most 200 back. */
function sentenceStart(body: string, offset: number): number {
  const limit = Math.max(0, offset - sentenceLookBehind);
  for (let at = offset - 1; at >= limit; at -= 1) {
    const character = body[at]!;
    if (character === '.' || character === '!' || character === '?') {
      const next = body[at + 1];
      if (next === undefined || next === ' ' || next === '\n' || next === '\t') return at + 1;
    }
    if (character === '\n' && (body[at - 1] === '\n' || at === 0)) return at + 1;
  }
  return limit;
}

/** The actor whose cue ends nearest before `end` in `text`, or null. */
function findNearestCue(text: string): FactActor | null {
  let best: { actor: FactActor; end: number } | null = null;
  const folded = foldTextForLiterals(text);
  for (const cue of cuePatterns) {
    if (!mayMatchIn(text, cue, folded)) continue;
    const { actor, pattern } = cue;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      const end = match.index + match[0].length;
      if (deniedBefore.test(text.slice(Math.max(0, match.index - 16), match.index))) continue;
      if (best === null || end > best.end) best = { actor, end };
    }
  }
  return best?.actor ?? null;
}

function isInBlock(blocks: readonly CodeBlock[], offset: number): boolean {
  let low = 0;
  let high = blocks.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const block = blocks[middle]!;
    if (offset < block.start) high = middle - 1;
    else if (offset >= block.end) low = middle + 1;
    else return true;
  }
  return false;
}

function attributeActor(
  body: string,
  fact: Fact,
  isInCode: boolean,
  isInSteps: boolean,
): FactActor | null {
  const quoteCue = findNearestCue(body.slice(fact.span.start, fact.span.end));
  if (quoteCue === 'attacker') return 'attacker';
  const before = body.slice(sentenceStart(body, fact.span.start), fact.span.start);
  let cue = findNearestCue(before);
  // "We raised DATA_UPLOAD_MAX_MEMORY_SIZE": the reporter speaks as the one who deployed it; a
  // configuration is the reporter's own only in their reproduction steps or code.
  if (cue === 'reporter' && fact.kind === 'requires-config' && !isInCode && !isInSteps) cue = null;
  if (cue !== null && !(isInCode && cue !== 'attacker')) return cue;
  const after = body.slice(fact.span.end, fact.span.end + sentenceLookAhead);
  if (attackerAfter.test(after)) return 'attacker';
  if (isInCode || isInSteps) return 'reporter';
  return null;
}

/** The facts with `actor` set on the precondition kinds, where the text says whose they are. */
export function attributeActors(
  report: Report,
  facts: readonly Fact[],
  blocks: readonly CodeBlock[],
): Fact[] {
  const fieldAt = createFieldLocator(report);
  return facts.map((fact) => {
    if (!attributedKinds.has(fact.kind) || fact.actor !== undefined) return fact;
    const field = fieldAt(fact.span.start);
    const isInSteps = field === 'reproduction' || field === 'test-case';
    const actor = attributeActor(report.body, fact, isInBlock(blocks, fact.span.start), isInSteps);
    return actor === null ? fact : { ...fact, actor };
  });
}
