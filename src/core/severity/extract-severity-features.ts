// Turns report text into the features the severity model reads: lower-cased words and word pairs,
// character n-grams inside words, and a few privilege cues, each with the span of text it came from.

/** How much text is read, so a huge report costs the same as a long one. */
const maxCharacters = 50_000;
const maxTokenLength = 40;

export interface SeverityFeatureOptions {
  /** Character n-gram lengths inside `<word>` (both ends included); 0 turns them off. */
  charNgramMin: number;
  charNgramMax: number;
  /**
   * Word triples (`t:`) beside words and word pairs, and `-required` privilege cues ("requires an
   * admin account"); absent in older model files (false).
   */
  phraseFeatures?: boolean;
}

/** A word of the text: its lower-cased form (digits folded to `0`) and where it is. */
interface Token {
  form: string;
  start: number;
  end: number;
}

export interface FeatureOccurrence {
  /** `w:` word, `b:` word pair, `t:` word triple, `c:` character n-gram, `h:` hand-written cue. */
  feature: string;
  start: number;
  end: number;
}

/** Whether the code unit at `index` of `text` belongs to a word (the character only read past ASCII). */
function isWordCharacter(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code >= 48 && code <= 57) return true; // 0-9
  if (code >= 97 && code <= 122) return true; // a-z
  if (code >= 65 && code <= 90) return true; // A-Z
  if (code < 0xc0) return false;
  const character = text[index]!;
  return character.toLowerCase() !== character.toUpperCase();
}

function normaliseForm(raw: string): string {
  const lower = raw.toLowerCase();
  let hasLetter = false;
  for (let index = 0; index < lower.length; index += 1) {
    const code = lower.charCodeAt(index);
    if (code < 48 || code > 57) {
      hasLetter = true;
      break;
    }
  }
  return hasLetter ? lower : '0';
}

/** Splits text into words by scanning once (no regular expression, linear in the length). */
export function tokenizeSeverityText(text: string): Token[] {
  const tokens: Token[] = [];
  const length = Math.min(text.length, maxCharacters);
  let start = -1;
  for (let index = 0; index <= length; index += 1) {
    const isWord = index < length && isWordCharacter(text, index);
    if (isWord && start < 0) start = index;
    else if (!isWord && start >= 0) {
      if (index - start <= maxTokenLength) {
        tokens.push({ form: normaliseForm(text.slice(start, index)), start, end: index });
      }
      start = -1;
    }
  }
  return tokens;
}

/**
 * Cues for who the attacker must be: different words for the same precondition ("admin",
 * "administrator", "privileged") share one feature so that rare wordings borrow from common ones.
 */
const privilegeCues: Record<string, string> = {
  unauthenticated: 'h:no-auth',
  unauthorized: 'h:no-auth',
  unauthorised: 'h:no-auth',
  anonymous: 'h:no-auth',
  authenticated: 'h:auth',
  logged: 'h:auth',
  login: 'h:auth',
  credentials: 'h:auth',
  account: 'h:auth',
  user: 'h:user',
  users: 'h:user',
  admin: 'h:admin',
  admins: 'h:admin',
  administrator: 'h:admin',
  administrators: 'h:admin',
  administrative: 'h:admin',
  privileged: 'h:admin',
  privileges: 'h:privilege',
  privilege: 'h:privilege',
  root: 'h:admin',
  superuser: 'h:admin',
  operator: 'h:admin',
  owner: 'h:admin',
};

const negations = new Set(['without', 'no', 'not', 'unauthenticated', 'un', 'non']);
const lowQualifiers = new Set(['low', 'lower', 'least', 'limited', 'minimal', 'regular', 'normal']);
/** "requires admin", "must be authenticated", "needs an account": the cue is a precondition. */
const requirements = new Set([
  'requires',
  'require',
  'required',
  'requiring',
  'needs',
  'need',
  'must',
]);
/** How many words before a cue a requirement word may stand ("requires a valid user account"). */
const requirementReach = 3;

function addPrivilegeCues(
  tokens: readonly Token[],
  options: SeverityFeatureOptions,
  out: FeatureOccurrence[],
): void {
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    const cue = Object.hasOwn(privilegeCues, token.form) ? privilegeCues[token.form] : undefined;
    if (cue === undefined) continue;
    out.push({ feature: cue, start: token.start, end: token.end });
    const previous = index > 0 ? tokens[index - 1] : undefined;
    if (previous && negations.has(previous.form)) {
      out.push({ feature: `${cue}-negated`, start: previous.start, end: token.end });
    }
    if (previous && lowQualifiers.has(previous.form)) {
      out.push({ feature: `${cue}-low`, start: previous.start, end: token.end });
    }
    const reach = options.phraseFeatures === true ? requirementReach : 0;
    for (let back = 1; back <= reach && back <= index; back += 1) {
      const before = tokens[index - back]!;
      if (requirements.has(before.form)) {
        out.push({ feature: `${cue}-required`, start: before.start, end: token.end });
        break;
      }
    }
  }
}

function addCharacterNgrams(
  token: Token,
  options: SeverityFeatureOptions,
  out: FeatureOccurrence[],
): void {
  if (options.charNgramMin <= 0 || token.form === '0') return;
  const padded = `<${token.form}>`;
  for (let size = options.charNgramMin; size <= options.charNgramMax; size += 1) {
    for (let offset = 0; offset + size <= padded.length; offset += 1) {
      out.push({
        feature: `c:${padded.slice(offset, offset + size)}`,
        start: token.start,
        end: token.end,
      });
    }
  }
}

/** Every feature occurrence of the text, in reading order within each kind. */
export function extractSeverityFeatures(
  text: string,
  options: SeverityFeatureOptions,
): FeatureOccurrence[] {
  const tokens = tokenizeSeverityText(text);
  const out: FeatureOccurrence[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    out.push({ feature: `w:${token.form}`, start: token.start, end: token.end });
    const next = tokens[index + 1];
    if (next) {
      out.push({ feature: `b:${token.form} ${next.form}`, start: token.start, end: next.end });
      const third = options.phraseFeatures === true ? tokens[index + 2] : undefined;
      if (third) {
        out.push({
          feature: `t:${token.form} ${next.form} ${third.form}`,
          start: token.start,
          end: third.end,
        });
      }
    }
    addCharacterNgrams(token, options, out);
  }
  addPrivilegeCues(tokens, options, out);
  return out;
}
