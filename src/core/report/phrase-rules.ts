// The phrase table behind prose facts: which wording yields which fact. Within a kind, the
// earlier rule wins at one position; the extractor tries rules only where their first word starts.

import type { FactKind } from '../model/fact.js';
import { rateCvssScore } from '../severity/to-severity-rating.js';
import { operatorInputRules } from './operator-input-rules.js';
import { settingRequirementRules } from './setting-requirement-rules.js';

export interface PhraseRule {
  kind: FactKind;
  /** The fact value, or a function of the matched text that returns it (null: no fact). */
  value: string | ((matched: string) => string | null);
  pattern: RegExp;
  /** Drop the match when its clause denies it ("does not require root"). Default true. */
  isNegatable?: boolean;
  /** Drop the match when the clause reads as an outcome ("execute commands as root"). */
  isPrecondition?: boolean;
  /** Match case exactly (acronyms such as RCE, DoS, CAP_SYS_ADMIN); otherwise case is ignored. */
  isCaseSensitive?: boolean;
  /** Search the whole text, not only at word starts (the match may begin inside a word). */
  isScanned?: boolean;
  /**
   * Whose the fact is, when the phrase itself says so ("builds the command line from the form
   * fields": the application's users choose it), whoever the sentence speaks as.
   */
  actor?: 'attacker';
}

// Tenants allowed to write the server's routing configuration in a shared, multi-tenant deployment.
const tenantWritesConfiguration =
  /\b(?:tenants?|namespace\s+(?:owners?|admins?|users?))\s+(?:who\s+|that\s+)?(?:may|can|could|are\s+allowed\s+to|is\s+allowed\s+to|are\s+able\s+to|is\s+able\s+to)\s+(?:create|write|edit|modify|deploy|define|apply|manage)\s+(?:their\s+own\s+|its\s+own\s+|the\s+)?(?:[\w-]{1,30}\s+){0,2}?(?:routing\s+)?(?:resources?|CRDs?|routes?|routers?|IngressRoutes?|Ingress(?:es)?|configuration|config|manifests?|objects?)\b/;

// Small shared fragments, kept as regex sources.
const ai = String.raw`(?:generative\s+)?(?:AI|LLMs?|ChatGPT|Claude|Copilot|Gemini|GPT[\w.-]*|artificial\s+intelligence|large\s+language\s+models?|an?\s+(?:AI|LLM)(?:\s+(?:assistant|model|tool|chatbot))?)`;
const envVar = String.raw`env(?:ironment)?[\s-]?var(?:iable)?s?`;
const versionCheck = String.raw`(?:enabled|on|turned\s+on|active|activated|set)`;
// "when `FLAG` is set by the frame header": a bit in the attacker's data, not a setting.
const setByInput = String.raw`(?!\s+(?:by|from|in)\s+(?:the\s+|an?\s+|its\s+)?(?:frame|header|input|request|attacker|payload|packet|message|file|server|client|peer|data|stream|response)\b)`;

// A setting set to a narrow value: "set to an address or a function that accepts only the load
// balancer", "set to an allow-list". The report needs the protection on, not lifted.
const narrowedToSafeValue = String.raw`(?![ \t]+to\b[^.;\n]{0,80}?\b(?:only|restricted\s+to|an?\s+allow-?list|a\s+single)\b)`;

function normaliseOptionName(name: string): string | null {
  const cleaned = name.replace(/^-+/, '').toLowerCase();
  if (cleaned === '' || /^(?:the|a|an|this|that|it|any|some)$/.test(cleaned)) return null;
  return /^debug(?:ging)?$/.test(cleaned) ? 'debug' : cleaned;
}

// A member of a value in code (`err.loc.file`, `self.raw_decode`, `node->next`): not a setting's name.
const codeExpression = /->|^(?:self|this|cls)\.|^[a-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+$/;

/**
 * "when `foo` is enabled" names a setting; "when `err.loc.file` is set" (and "when `self.x` is
 * true") is a condition on a value inside the code, the path the code takes, not a setting the
 * attack needs. A dotted name that is "set to" something stays a setting (`server.fs.strict`).
 */
function readOptionCondition(matched: string): string | null {
  const quoted = /`([^`]+)`/.exec(matched)?.[1] ?? '';
  const isOnObject = /->|^(?:self|this|cls)\./.test(quoted);
  const isSetOnly = /\bset$/.test(matched) && !/\b(?:option|setting|flag|feature)\s/.test(matched);
  if (isOnObject || (isSetOnly && codeExpression.test(quoted))) return null;
  return readOptionName(matched);
}

function readOptionName(matched: string): string | null {
  const quoted = /`([^`]+)`/.exec(matched);
  if (quoted) return normaliseOptionName(quoted[1]!);
  const named = /(?<!\S)(\S+)\s+(?:option|setting|config(?:uration)?\s+option|directive)\b/i.exec(
    matched,
  );
  return named ? normaliseOptionName(named[1]!) : null;
}

/**
 * The UPPER_SNAKE setting name in a match such as "raised DATA_UPLOAD_MAX_MEMORY_SIZE" (the rule
 * ignores case, so the name is checked here); debug switches are the `debug` rule's.
 */
function readSettingName(matched: string): string | null {
  const name = /(?<![A-Za-z0-9_])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![A-Za-z0-9_])/.exec(matched);
  return name && !name[0].includes('DEBUG') ? name[0] : null;
}

function readBuildFlag(matched: string): string | null {
  const flag = /-D([A-Za-z_]\w*)|--(?:enable|with)-([\w-]+)/.exec(matched);
  if (!flag) return null;
  return normaliseOptionName(flag[1] ?? flag[2]!);
}

function readRating(matched: string): string | null {
  const words = matched
    .toLowerCase()
    .match(/\b(?:critical|high|medium|moderate|low|informational|none)\b/g);
  const word = words?.[words.length - 1];
  if (word === undefined) return null;
  if (word === 'moderate') return 'medium';
  return word === 'informational' ? 'none' : word;
}

function readScore(matched: string): string | null {
  const rating = /[([]\s*(critical|high|medium|moderate|low|none)\s*[)\]]\s*$/i.exec(matched);
  if (rating !== null) return readRating(rating[1]!);
  const score = /(\d{1,2}(?:\.\d)?)(?:\s*\/\s*10(?:\.0)?)?\s*$/.exec(matched);
  return score === null ? null : rateCvssScore(Number(score[1]));
}

// Verbs that turn "root", "admin privileges" or "CAP_SYS_ADMIN" into an outcome, not a need. A
// privileged daemon runs what the attacker planted: "the `dns-updown` script sources it as
// root", "/tmp/x.sh runs as root", "clients run `id` as root" say what the attacker gets run. The
// clause read before a match starts after the last full stop, so a file's extension opens it.
export const outcomeBefore =
  /(?:\b(?:gain\w*|obtain\w*|escalat\w*|elevat\w*|become|becomes|becoming|acquir\w*|achiev\w*|get|gets|getting|got|grant\w*|lead\w*\s+to|result\w*\s+in|commands?|code|shell|programs?|processes|binar(?:y|ies)|scripts?|hooks?|takeover|take\s+over|compromis\w*|hijack\w*)\b|(?:^|[\w-]\.)(?:sh|bash|py|pl|rb|ps1|bat|cmd|exe|dll)\b)(?:\s+\S+){0,4}\s*$|\b(?:run|runs|ran|running|execut\w*|sourc\w*|spawn\w*|invok\w*|launch\w*)\s+`[^`\n]{1,80}`\s*$/i;

export const phraseRules: readonly PhraseRule[] = [
  // privileges-required: statements that deny a need come first, they start earlier in the text.
  {
    kind: 'privileges-required',
    value: 'none',
    isNegatable: false,
    pattern:
      /\b(?:does\s+not|doesn't|do\s+not|don't|did\s+not|without)\s+(?:\w+\s+)?(?:requir\w*|need\w*)\s+(?:any\s+)?(?:special\s+|elevated\s+)?(?:privileges|permissions|authentication|credentials|login|an?\s+(?:valid\s+)?account)\b/,
  },
  {
    kind: 'privileges-required',
    value: 'none',
    isNegatable: false,
    pattern:
      /\b(?:not|doesn't|don't|didn't|isn't|aren't|needn't|won't)\s+(?:\w+\s+){0,2}?(?:be\s+)?(?:logged\s+in|authenticated)\b/,
  },
  {
    kind: 'privileges-required',
    value: 'none',
    isNegatable: false,
    pattern:
      /\bno\s+(?:special\s+|elevated\s+)?(?:privileges?|permissions|authentication|auth|credentials|login|account)\s+(?:is\s+|are\s+)?(?:required|needed|necessary)\b/,
  },
  {
    kind: 'privileges-required',
    value: 'none',
    pattern: /\bno\s+(?:prior\s+)?(?:authentication|auth|credentials|login)\b(?!\s+bypass)/,
  },
  {
    kind: 'privileges-required',
    value: 'none',
    pattern: /\babsence\s+of\s+(?:any\s+)?authentication\b/,
  },
  {
    kind: 'privileges-required',
    value: 'none',
    isNegatable: false,
    pattern: /\bprivileges\s+required[\s*]*(?:[:=][\s*]*)?none\b/,
  },
  {
    kind: 'privileges-required',
    value: 'low',
    isNegatable: false,
    pattern: /\bprivileges\s+required[\s*]*(?:[:=][\s*]*)?low\b/,
  },
  {
    kind: 'privileges-required',
    value: 'high',
    isNegatable: false,
    pattern: /\bprivileges\s+required[\s*]*(?:[:=][\s*]*)?high\b/,
  },
  {
    kind: 'privileges-required',
    value: 'none',
    pattern:
      /\bwithout\s+(?:any\s+)?(?:authentication|authenticating|credentials|logging\s+in|an?\s+(?:valid\s+)?account|privileges)\b/,
  },
  { kind: 'privileges-required', value: 'none', pattern: /\bunauthenticated\b/ },
  { kind: 'privileges-required', value: 'none', pattern: /\bpre-?auth(?:entication|enticated)?\b/ },
  {
    kind: 'privileges-required',
    value: 'none',
    pattern:
      /\banonymous\s+(?:users?|attackers?|access|visitors?|requests?|clients?)\b|\banonymously\b/,
  },
  {
    kind: 'privileges-required',
    value: 'high',
    pattern: /\b(?:authenticated|logged-in)\s+(?:admin(?:istrator)?s?|root|superusers?)\b/,
  },
  {
    kind: 'privileges-required',
    value: 'high',
    isPrecondition: true,
    pattern: /\blocal\s+admin(?:istrator)?s?\b/,
  },
  // Whoever can already talk to a server's admin or management interface holds the operator's
  // power over it ("any local user who can reach the admin API", "with access to the admin
  // endpoint"); a browser tricked into sending requests there is another attacker.
  {
    kind: 'privileges-required',
    value: 'high',
    isPrecondition: true,
    pattern:
      /\b(?:can|could)\s+(?:reach|access|talk\s+to|connect\s+to|send\s+requests\s+to)\s+the\s+(?:local\s+)?(?:admin(?:istration|istrative)?|management)\s+(?:API|endpoint|interface|listener|port|socket)\b/,
  },
  {
    kind: 'privileges-required',
    value: 'high',
    isPrecondition: true,
    pattern:
      /\b(?:has|have|having|with)\s+(?:network\s+|local\s+)?access\s+to\s+the\s+(?:local\s+)?(?:admin(?:istration|istrative)?|management)\s+(?:API|endpoint|interface|listener|port|socket)\b/,
  },
  {
    kind: 'privileges-required',
    value: 'high',
    pattern:
      /\bmust\s+(?:already\s+)?(?:be|have|run\s+as)\s+(?:an?\s+)?(?:root|admin(?:istrator)?|superuser|privileged)\b/,
  },
  {
    kind: 'privileges-required',
    value: 'high',
    isPrecondition: true,
    pattern: /\bas\s+(?:the\s+)?root\b/,
  },
  // A login or shell as the account the server runs as already holds whatever that account can
  // read or do: "we logged in over SSH as the `appsvc` account (the account the unit runs as)",
  // "a shell as the service account", "access as the user the daemon runs under". Gaining such a
  // shell is an outcome ("gain a shell as the service account"), which isPrecondition drops.
  {
    kind: 'privileges-required',
    value: 'high',
    isPrecondition: true,
    pattern:
      /\b(?:shell|access|login|logged\s+in)\s+as\s+(?:the\s+)?(?:service|daemon|server|application|app)(?:['’]s)?\s+(?:account|user)\b/,
  },
  {
    kind: 'privileges-required',
    value: 'high',
    isPrecondition: true,
    pattern:
      /\b(?:shell|access|login|logged\s+in)\s+as\s+the\s+(?:account|user)\s+(?:that\s+)?(?:the\s+)?(?:unit|service|server|daemon|process|application|app)\s+runs\s+(?:as|under)\b/,
  },
  {
    kind: 'privileges-required',
    value: 'high',
    isPrecondition: true,
    pattern:
      /\blogged\s+in\s+(?:over\s+SSH\s+|via\s+SSH\s+)?as\s+(?:the\s+)?`[\w.-]{1,32}`\s+(?:account|user)\s+\(the\s+(?:account|user)\s+(?:that\s+)?(?:the\s+)?(?:unit|service|server|daemon|process|application|app)\s+runs\s+(?:as|under)\b/,
  },
  {
    // "the attacker already has to be the resolver's administrator", "needs to be root on the
    // host": the attacker's own standing, written with "has to" or "needs to".
    kind: 'privileges-required',
    value: 'high',
    pattern:
      /\b(?:has|have|needs?)\s+to\s+(?:already\s+)?(?:be|run\s+as)\s+(?:the\s+|an?\s+)?(?:[\w-]{1,40}(?:'s|’s)\s+)?(?:root|admin(?:istrator)?|superuser)\b/,
  },
  {
    kind: 'privileges-required',
    value: 'high',
    pattern:
      /\b(?:requires?|requiring|needs?|needing)\s+(?:to\s+(?:be|run\s+as)\s+)?(?:root|superuser)\b/,
  },
  {
    kind: 'privileges-required',
    value: 'high',
    isPrecondition: true,
    pattern:
      /\b(?:requires?|requiring|needs?|needing|with|having|has|have)\s+(?:root|admin(?:istrator|istrative)?|elevated|superuser|sudo|high)\s+(?:privileges?|permissions?|rights|access)\b(?!(?:\s+(?:mode|level|role))?\s+(?:on|of|for|over|to|in)\s+(?:a|an|one|another|their|his|her|its|some|any|(?:their|his|her)\s+own)\s+(?:single\s+|specific\s+|given\s+|particular\s+|shared\s+)?(?:repositor(?:y|ies)|repos?|projects?|channels?|rooms?|teams?|boards?|workspaces?|namespaces?)\b)/,
  },
  {
    kind: 'privileges-required',
    value: 'high',
    pattern:
      /\broot\s+(?:privileges?|permissions?|access|rights)\s+(?:is|are)\s+(?:required|needed|necessary)\b/,
  },
  { kind: 'privileges-required', value: 'high', isPrecondition: true, pattern: /\bsudo\b/ },
  {
    // "someone who already has a root shell on the box", "with root on the host", "already root".
    kind: 'privileges-required',
    value: 'high',
    isPrecondition: true,
    pattern:
      /\b(?:has|have|having|had|with|holds?|holding)\s+(?:an?\s+)?root\s+(?:shell|access|login|account|session)s?\b|\broot\s+(?:shell\s+|access\s+)?on\s+the\s+(?:box|host|machine|server|system|node)\b|\balready\s+(?:has|have|is|are|runs?\s+as)\s+root\b/,
  },
  {
    // Not a role over one resource ("repository admin access", "admin access on a repository"):
    // the rule below reads those as a signed-in user's role.
    kind: 'privileges-required',
    value: 'high',
    isPrecondition: true,
    pattern:
      /(?<!\b(?:repositor(?:y|ies)|repos?|projects?|channels?|rooms?|teams?|boards?|workspaces?|namespaces?)\s+)\badmin(?:istrator|istrative)?\s+(?:privileges?|rights|permissions?|access|credentials|account)\b(?!(?:\s+(?:mode|level|role))?\s+(?:on|of|for|over|to|in)\s+(?:a|an|one|another|their|his|her|its|some|any|(?:their|his|her)\s+own)\s+(?:single\s+|specific\s+|given\s+|particular\s+|shared\s+)?(?:repositor(?:y|ies)|repos?|projects?|channels?|rooms?|teams?|boards?|workspaces?|namespaces?)\b)/,
  },
  {
    // The admin of one repository, project or channel of a multi-user service is a signed-in
    // user with a role there ("a repository admin collaborator", "Admin access mode on a
    // repository", "admin rights over one project"), not the operator of the service. The
    // resource takes an indefinite or possessive determiner: "the project" may be the project the
    // report is sent to, whose admins are its maintainers.
    kind: 'privileges-required',
    value: 'low',
    isPrecondition: true,
    pattern:
      /\b(?:repositor(?:y|ies)|repos?|projects?|channels?|rooms?|teams?|boards?|workspaces?|namespaces?)\s+admin(?:istrator)?s?\b|\badmin(?:istrator|istrative)?\s+(?:privileges?|rights|permissions?|access|role)(?:\s+(?:mode|level|role))?\s+(?:on|of|for|over|to|in)\s+(?:a|an|one|another|their|his|her|its|some|any|(?:their|his|her)\s+own)\s+(?:single\s+|specific\s+|given\s+|particular\s+|shared\s+)?(?:repositor(?:y|ies)|repos?|projects?|channels?|rooms?|teams?|boards?|workspaces?|namespaces?)\b/,
  },
  {
    kind: 'privileges-required',
    value: 'high',
    isPrecondition: true,
    isCaseSensitive: true,
    pattern: /\bCAP_[A-Z_]+\b/,
  },
  {
    kind: 'privileges-required',
    value: 'high',
    isPrecondition: true,
    pattern:
      /\b(?:privileged|elevated)\s+(?:users?|accounts?|attackers?|privileges)\b|\bhigh\s+privileges?\b/,
  },
  {
    kind: 'privileges-required',
    value: 'low',
    pattern:
      /\b(?:authenticated|logged-in|logged\s+in|signed-in|registered)\s+(?:\w+\s+)?(?:users?|attackers?|accounts?|clients?|sessions?|members?)\b/,
  },
  {
    kind: 'privileges-required',
    value: 'low',
    pattern:
      /\blow[\s-]privileged?\s+(?:local\s+)?(?:users?|attackers?|accounts?)\b|\blow\s+privileges\b/,
  },
  {
    kind: 'privileges-required',
    value: 'low',
    pattern: /\bvalid\s+(?:user\s+)?(?:account|credentials|session|login)\b/,
  },
  {
    kind: 'privileges-required',
    value: 'low',
    pattern:
      /\b(?:requires|requiring|needs)\s+(?!admin)(?:\w+\s+)?(?:authentication|to\s+be\s+(?:authenticated|logged\s+in)|login|an?\s+account)\b/,
  },
  {
    kind: 'privileges-required',
    value: 'low',
    pattern: /\bmust\s+be\s+(?:logged\s+in|authenticated|signed\s+in)\b/,
  },
  {
    kind: 'privileges-required',
    value: 'low',
    pattern:
      /\b(?:unprivileged|regular|normal|standard|non-admin|non-root)\s+(?:local\s+)?(?:users?|accounts?|attackers?)\b/,
  },

  // attack-vector
  {
    kind: 'attack-vector',
    value: 'network',
    isNegatable: false,
    pattern:
      /\battack\s+vector[\s*]*(?:(?:[:=]|is\b)[\s*]*)?(?:rated[\s*]+)?(?:as[\s*]+)?network\b/,
  },
  {
    kind: 'attack-vector',
    value: 'adjacent',
    isNegatable: false,
    pattern:
      /\battack\s+vector[\s*]*(?:(?:[:=]|is\b)[\s*]*)?(?:rated[\s*]+)?(?:as[\s*]+)?adjacent(?:\s+network)?\b/,
  },
  {
    kind: 'attack-vector',
    value: 'local',
    isNegatable: false,
    pattern: /\battack\s+vector[\s*]*(?:(?:[:=]|is\b)[\s*]*)?(?:rated[\s*]+)?(?:as[\s*]+)?local\b/,
  },
  {
    kind: 'attack-vector',
    value: 'physical',
    isNegatable: false,
    pattern:
      /\battack\s+vector[\s*]*(?:(?:[:=]|is\b)[\s*]*)?(?:rated[\s*]+)?(?:as[\s*]+)?physical\b/,
  },
  {
    kind: 'attack-vector',
    value: 'adjacent',
    pattern:
      /\badjacent\s+network\b|\bnetwork[\s-]adjacent\b|\bsame\s+(?:LAN|local\s+(?:area\s+)?network|network\s+segment|subnet|broadcast\s+domain|Wi-?Fi(?:\s+network)?|WLAN)\b|\bBluetooth\b|\blocal\s+area\s+network\b/,
  },
  {
    kind: 'attack-vector',
    value: 'network',
    pattern:
      /\bremote(?:,?\s+(?:unauthenticated|unprivileged|anonymous))?\s+(?:attackers?|users?|clients?|peers?|adversar(?:y|ies))\b/,
  },
  {
    kind: 'attack-vector',
    value: 'network',
    pattern: /\b(?:unauthenticated|anonymous)\s+remote\b/,
  },
  {
    kind: 'attack-vector',
    value: 'network',
    pattern:
      /\bremote(?:ly)?[\s-]+(?:exploitable|triggerable|reachable|accessible)\b|\bremotely\s+(?:exploit|trigger|crash|execute|attack)\w*/,
  },
  {
    kind: 'attack-vector',
    value: 'network',
    pattern: /\b(?:exploit|trigger|attack|reach|crash)\w*\s+(?:\w+\s+){0,3}?remotely\b/,
  },
  {
    kind: 'attack-vector',
    value: 'network',
    pattern: /\bover\s+(?:the\s+)?(?:network|internet|HTTPS?|the\s+wire)\b/,
  },
  {
    kind: 'attack-vector',
    value: 'network',
    pattern:
      /\bvia\s+(?:an?\s+|the\s+)?(?:single\s+)?(?:(?:specially[\s-])?(?:crafted|malicious|malformed)\s+)?(?:HTTPS?|network|web|API|TCP|UDP)\s+(?:requests?|packets?|traffic|connections?)\b/,
  },
  {
    kind: 'attack-vector',
    value: 'network',
    pattern:
      /\bnetwork[\s-](?:accessible|reachable|exposed|based\s+attack(?:er)?s?)\b|\b(?:internet|publicly)[\s-](?:facing|exposed|accessible|reachable)\b|\bfrom\s+the\s+(?:network|internet)\b/,
  },
  {
    kind: 'attack-vector',
    value: 'local',
    pattern:
      /\blocal(?:,?\s+(?:unprivileged|low-privileged|authenticated|non-root))?\s+(?:attackers?|users?|accounts?|shell\s+access|shell|access|attack(?:\s+vector)?|adversar(?:y|ies))\b/,
  },
  {
    kind: 'attack-vector',
    value: 'local',
    pattern: /\blocal(?:ly)?[\s-]+exploitable\b|\bexploit\w*\s+(?:\w+\s+){0,2}?locally\b/,
  },
  {
    kind: 'attack-vector',
    value: 'local',
    pattern:
      /\bon\s+the\s+same\s+(?:machine|host|system|server|box|computer)\b|\b(?:another|any\s+other|a\s+second|a\s+different)\s+local\s+(?:users?|accounts?|user\s+accounts?)\b|\b(?:shell|login)\s+access\s+to\s+the\s+(?:machine|host|system|server)\b|\b(?:shell|shell\s+account|login|local\s+account)\s+on\s+the\s+(?:box|host|machine|server|system)\b/,
  },
  {
    kind: 'attack-vector',
    value: 'physical',
    pattern:
      /\bphysical(?:ly)?\s+(?:access|present|presence|proximity|attack(?:er)?s?)\b|\b(?:malicious|rogue|crafted|evil)\s+USB\b|\bplug\w*\s+in\s+(?:an?\s+)?(?:malicious\s+|crafted\s+)?USB\b|\bvia\s+USB\b|\bUSB\s+access\b/,
  },
  // Physical access in other words: the hands-on steps (opening the case, a probe on the bus, a
  // shunt or an electromagnetic probe, a glitching rig, a debug header) without the word
  // "physical". Software fault injection (failing malloc) and opening a device file are not.
  {
    kind: 'attack-vector',
    value: 'physical',
    pattern:
      /\b(?:open(?:s|ed|ing)?|remov(?:e|es|ed|ing)|unscrew(?:s|ed|ing)?|pry(?:ing)?)\s+(?:up\s+)?(?:the\s+|its\s+)?(?:(?:device|board|unit|router|reader|token|appliance)(?:'s)?\s+)?(?:case|casing|enclosure|housing|lid|cover|shield)\b|\bopen(?:s|ed|ing)?\s+up\s+(?:the\s+)?(?:device|board|unit|hardware|router|appliance)\b/,
  },
  {
    kind: 'attack-vector',
    value: 'physical',
    pattern:
      /\b(?:probe|probes|probing|tap|tapping|sniff(?:ing)?)\s+(?:(?:on|onto|to|across|of)\s+)?(?:the\s+)?(?:board's\s+)?(?:SPI|I2C|I²C|UART|JTAG|SWD|memory|flash|address|data|external|LPC|PCIe)\s+(?:bus|lines?|pins?|traces?)\b|\b(?:logic\s+analy[sz]er|oscilloscope|shunt(?:\s+resistor)?|bus\s+probe)\b|\bprobes?\s+(?:on|to|onto)\s+the\s+(?:bus|pins?|traces?)\b/,
  },
  {
    kind: 'attack-vector',
    value: 'physical',
    pattern:
      /\b(?:power|current)\s+(?:analysis|traces?|measurements?|side[\s-]channel)\b|\bmeasur\w*\s+(?:the\s+)?(?:device's\s+|chip's\s+|board's\s+)?(?:power|current)\s+(?:consumption|draw)\b|\b(?:electromagnetic|EM|near-field|H-field)\s+(?:probes?|emanations?|analysis|side[\s-]channel|measurements?|fault\s+injection|pulses?)\b/,
  },
  {
    kind: 'attack-vector',
    value: 'physical',
    pattern:
      /\b(?:voltage|clock|power|laser|EM|electromagnetic|supply)[\s-]+(?:glitch(?:es|ing)?|fault(?:\s+injection|s)?)\b|\bglitch(?:ing)?\s+(?:rig|setup|board|attack)s?\b|\bfault[\s-]injection\s+(?:rig|setup|hardware|board|station)s?\b|\bChipWhisperer\b/,
  },
  {
    kind: 'attack-vector',
    value: 'physical',
    pattern:
      /\b(?:JTAG|SWD|serial\s+wire\s+debug)\b|\b(?:debug|UART|serial|test)\s+(?:header|pads?|port\s+on\s+the\s+(?:board|PCB))\b/,
  },

  // user-interaction
  {
    kind: 'user-interaction',
    value: 'none',
    isNegatable: false,
    pattern:
      /\b(?:does\s+not|doesn't|do\s+not|don't|without)\s+(?:\w+\s+)?(?:requir\w*|need\w*)\s+(?:any\s+)?(?:user|victim)\s+interaction\b/,
  },
  {
    kind: 'user-interaction',
    value: 'none',
    isNegatable: false,
    pattern:
      /\buser\s+interaction[\s*]*(?:(?:[:=]|is\b)[\s*]*)?(?:none|not\s+(?:required|needed))\b/,
  },
  {
    kind: 'user-interaction',
    value: 'passive',
    isNegatable: false,
    pattern: /\buser\s+interaction[\s*]*(?:(?:[:=]|is\b)[\s*]*)?passive\b/,
  },
  {
    kind: 'user-interaction',
    value: 'active',
    isNegatable: false,
    pattern: /\buser\s+interaction[\s*]*(?:(?:[:=]|is\b)[\s*]*)?(?:required|active)\b/,
  },
  {
    kind: 'user-interaction',
    value: 'none',
    pattern:
      /\b(?:no|without(?:\s+any)?|zero)\s+(?:user\s+|victim\s+)?interaction\b|\bzero[\s-]click\b/,
  },
  {
    kind: 'user-interaction',
    value: 'active',
    pattern: /\b(?:requires?|requiring|needs?)\s+(?:some\s+)?(?:user|victim)\s+interaction\b/,
  },
  {
    kind: 'user-interaction',
    value: 'active',
    pattern:
      /\b(?:victim|user|admin(?:istrator)?|maintainer|developer)s?\s+(?:must|needs?\s+to|has\s+to|have\s+to|would\s+(?:need|have)\s+to|is\s+required\s+to)\s+(?:\w+\s+){0,2}?(?:click|open|visit|navigate|download|run|install|execute|paste|import|load|follow|accept|approve|enter)\w*/,
  },
  {
    kind: 'user-interaction',
    value: 'active',
    pattern:
      /\b(?:trick\w*|convinc\w*|lur(?:e|es|ed|ing)|persuad\w*|social[\s-]engineer\w*)\s+(?:an?\s+|the\s+)?(?:victim|user|admin\w*|maintainer|developer)s?\b|\b(?:click\w*|follow\w*)\s+(?:on\s+)?(?:an?\s+|the\s+)(?:malicious|crafted|specially[\s-]crafted)\s+link\b/,
  },
  {
    kind: 'user-interaction',
    value: 'passive',
    pattern:
      /\b(?:when|once|if|as\s+soon\s+as|whenever)\s+(?:an?|the|any)\s+(?:\w+\s+)?(?:user|victim|admin\w*|visitor|maintainer)s?\s+(?:views?|visits?|browses?|loads?|navigates?)\b|\b(?:simply|merely|just)\s+(?:viewing|visiting|browsing\s+to|loading)\b/,
  },

  // attacker-controls
  {
    kind: 'attacker-controls',
    value: 'environment',
    pattern: new RegExp(
      String.raw`\b(?:crafted|malicious|attacker[\s-]controlled|untrusted|poisoned|manipulated)\s+(?:\w+\s+)?(?:${envVar}|environment)\b`,
    ),
  },
  {
    kind: 'attacker-controls',
    value: 'environment',
    pattern: new RegExp(
      String.raw`\b(?:set|sets|setting|control|controls|controlling|modify|modifies|modifying|inject|injects|injecting|export|exporting|override|overriding|overwrite|overwriting|manipulat\w*|poison\w*|tamper\w*\s+with)\s+(?:the\s+|an?\s+|their\s+|its\s+|this\s+|that\s+|any\s+)?(?:\x60?[A-Za-z_][A-Za-z0-9_]*\x60?\s+)?${envVar}\b`,
    ),
  },
  {
    kind: 'attacker-controls',
    value: 'environment',
    pattern: new RegExp(
      String.raw`\bvia\s+(?:an?\s+|the\s+)?(?:\x60?[A-Za-z_][A-Za-z0-9_]*\x60?\s+)?${envVar}\b|\b${envVar}\s+(?:\w+\s+)?(?:controlled|set|supplied)\s+by\s+(?:the|an?)\s+attacker\b`,
    ),
  },
  {
    kind: 'attacker-controls',
    value: 'environment',
    isCaseSensitive: true,
    pattern: /\b(?:LD_PRELOAD|LD_LIBRARY_PATH|LD_AUDIT|DYLD_INSERT_LIBRARIES)\b/,
  },
  {
    // A multi-tenant deployment that lets tenants write the server's routing configuration
    // ("each tenant may create IngressRoute resources in its namespace", "tenants who can apply
    // their own routing CRDs"): one tenant's configuration reaching another is what the deployer
    // delegated, the attacker writing configuration, and a deployment choice.
    kind: 'attacker-controls',
    value: 'config-file',
    pattern: tenantWritesConfiguration,
  },
  {
    kind: 'requires-config',
    value: 'non-default',
    pattern: tenantWritesConfiguration,
  },
  {
    kind: 'attacker-controls',
    value: 'config-file',
    pattern:
      /\b(?:malicious|crafted|attacker[\s-]controlled|modified|tampered|poisoned|untrusted|specially[\s-]crafted)\s+(?:\w+\s+)?(?:config(?:uration)?|settings|\.conf)\s+files?\b/,
  },
  {
    kind: 'attacker-controls',
    value: 'config-file',
    pattern:
      /\b(?:edit\w*|modif\w*|tamper\w*\s+with|control\w*|overwrit\w*|chang\w*|writ\w*\s+to|replac\w*)\s+(?:the\s+|an?\s+|its\s+|their\s+)?(?:\w+\s+)?(?:config(?:uration)?|settings)\s+files?\b/,
  },
  {
    kind: 'attacker-controls',
    value: 'config-file',
    pattern: /\b(?:edit\w*|modif\w*|overwrit\w*|writ\w*\s+to|tamper\w*\s+with)\s+`?\/etc\/[\w./-]+/,
  },
  {
    // Control of something else that brings the configuration with it: "an attacker who controls
    // one of those accounts, and therefore the configuration file", "owns the deploy user and
    // thus the settings file".
    kind: 'attacker-controls',
    value: 'config-file',
    pattern:
      /\b(?:controls?|controlling|owns?|owning|compromis\w*)\s(?:\S{1,40}\s){0,6}?(?:therefore|thus|hence)\s(?:also\s)?(?:the\s|its\s|their\s)?(?:[\w-]{1,40}\s)?(?:config(?:uration)?|settings)\sfiles?\b/,
  },

  {
    // "modify conf/server.xml", "write to config/settings.yml", "edit the app.ini". Path parts
    // are bounded ({1,64}) so a hostile run of word characters costs a constant per start.
    kind: 'attacker-controls',
    value: 'config-file',
    pattern:
      /\b(?:edit\w*|modif\w*|overwrit\w*|writ\w*\s+to|tamper\w*\s+with|chang\w*|replac\w*)\s+(?:the\s+|an?\s+|its\s+)?`?(?:[\w.-]{1,64}\/){0,6}(?:[\w.-]{0,64}(?:conf|config|settings)[\w.-]{0,64}\.(?:xml|ya?ml|json|properties|toml|ini|cfg|conf)|[\w.-]{1,64}\.(?:conf|cfg|ini|toml|properties)|(?:server|web|context|tomcat-users|settings|config)\.xml)\b/,
  },
  {
    // Someone's own configuration in other words: "write the victim's `~/.config/tool` options
    // file", "edit the user's rc file", "replace the operator's preferences file", "append to the
    // victim's config file", "write access to the victim's SSH config file". A possessive owner is
    // required, so "the options file format" or "an rc file" alone is not read.
    kind: 'attacker-controls',
    value: 'config-file',
    pattern:
      /\b(?:edit\w*|modif\w*|overwrit\w*|writ\w*|tamper\w*\s+with|chang\w*|replac\w*|plant\w*|append\w*)(?:[ \t]access)?\s+(?:to\s+)?(?:the\s+)?(?:victim|user|operator|admin(?:istrator)?|target|other\s+user)(?:'s|’s|s'|s’)\s+(?:`[^`\n]{1,80}`\s+|[\w.-]{1,40}\s+)?(?:config(?:uration)?|settings|options?|preferences|rc|dot|profile|startup)\s?files?\b/,
  },
  {
    // A file or script the configuration names is the operator's as much as the configuration:
    // "modify the ACL file that redis.conf names", "change the Lua script the config loads".
    // Word runs are bounded; single separators keep the pattern linear.
    kind: 'attacker-controls',
    value: 'config-file',
    pattern:
      /\b(?:edit|modif|overwrit|chang|replac)\w*\s+(?:the\s+|an?\s+)?(?:[\w-]{1,40}\s)?(?:file|script|hook)s?\s(?:that\s|which\s)?(?:the\s)?(?:config(?:uration)?|settings|`?[\w-]{1,40}\.(?:conf|cfg|ini|toml|ya?ml|xml|json|properties)`?)(?:'s)?\s(?:loads|names|points\sto|references|includes|reads|runs|executes|specifies|lists|sources)\b/,
  },
  {
    // "replace the hook script referenced by the configuration".
    kind: 'attacker-controls',
    value: 'config-file',
    pattern:
      /\b(?:edit|modif|overwrit|chang|replac)\w*\s+(?:the\s+|an?\s+)?(?:[\w-]{1,40}\s)?(?:file|script|hook)s?\s(?:loaded|named|referenced|included|listed|specified|sourced)\s(?:by|in|from)\s(?:the\s)?(?:config(?:uration)?|settings|`?[\w-]{1,40}\.(?:conf|cfg|ini|toml|ya?ml|xml|json|properties))\b/,
  },
  {
    // "whoever can set the `AuthorizedKeysCommand` key", "an attacker who controls the config
    // key", "able to add a directive": a setting of the configuration, named as such. Counted
    // only with the attacker as actor, like every attacker-controls fact.
    kind: 'attacker-controls',
    value: 'config-file',
    pattern:
      /\b(?:set|sets|setting|control|controls|controlling|chang\w*|edit\w*|writ\w*|add|adds|adding|modif\w*|inject\w*)\s+(?:the\s+|an?\s+|any\s+|that\s+)?(?:(?:config(?:uration)?|settings?)\s+(?:keys?|entr(?:y|ies)|values?|directives?)|(?:`[^`\n]{1,60}`\s+|[\w.-]{1,40}\s+)?directives?|`(?!-)[^`\n]{1,60}`\s+(?:key|entry|option|setting))\b/,
  },
  {
    // "an attacker who can add a line to unbound.conf", "append an entry to the configuration
    // file", "insert a directive into /etc/foo/foo.cfg": writing into the configuration, in the
    // words of a line of it. The file must be named as a configuration (a `.conf`-like name or
    // "configuration file"); "add a line to the log" is not one.
    kind: 'attacker-controls',
    value: 'config-file',
    pattern:
      /\b(?:add|adds|adding|append\w*|insert\w*|inject\w*|writ\w*|put|puts|putting)\s+(?:a\s+|an\s+|one\s+|the\s+|any\s+|their\s+own\s+)?(?:new\s+|single\s+)?(?:lines?|entr(?:y|ies)|directives?|stanzas?)\s+(?:to|into|in)\s+(?:the\s+|an?\s+|its\s+)?(?:(?:config(?:uration)?|settings)\s+files?|`?\/?(?:[\w.~-]{1,64}\/){0,6}[\w.-]{1,64}\.(?:conf|cfg|ini|toml|properties)`?)(?![\w-]|\.\w)/,
  },
  {
    // A rules-like file the application loads is its configuration under another name: "a
    // crafted protocols file", "a malicious custom rules file", "a tampered categories list",
    // "a poisoned signatures file" (a detection engine's rules, categories and block lists are
    // written by its operator, not read from the traffic or the documents it inspects).
    kind: 'attacker-controls',
    value: 'config-file',
    pattern:
      /\b(?:malicious|crafted|attacker[\s-]controlled|modified|tampered|poisoned|untrusted|specially[\s-]crafted)\s+(?:custom\s+|user[\s-]defined\s+)?(?:protocols?|rules?|signatures?|categor(?:y|ies)|definitions?|polic(?:y|ies)|block[\s-]?lists?|allow[\s-]?lists?|blacklists?|whitelists?)\s+(?:files?|lists?)\b/,
  },
  {
    // The operator talked into loading a file: "get an administrator to load a crafted file",
    // "trick the operator into using a malicious file": the file reaches the program only through
    // the operator's own choice, as the configuration does.
    kind: 'attacker-controls',
    value: 'config-file',
    pattern:
      /\b(?:get|gets|getting|trick\w*|convinc\w*|persuad\w*|lure\w*)\s+(?:an?\s+|the\s+)?(?:administrator|admin|operator|sysadmin|root)s?\s+(?:in)?to\s+(?:load|loading|install|installing|use|using|apply|applying|import|importing)\s+(?:an?\s+|the\s+)?(?:[\w-]{1,30}\s+){0,3}?(?:files?|rules?|lists?|configuration|config)\b/,
  },
  {
    kind: 'attacker-controls',
    value: 'command-line',
    pattern:
      /\b(?:crafted|malicious|attacker[\s-]controlled|long|overlong|specially[\s-]crafted)\s+(?:command[\s-]line|CLI)\s+(?:arguments?|options?|flags?|parameters?|input)\b|\bcommand[\s-]line\s+(?:arguments?|parameters?|input)\b|\bvia\s+(?:the\s+)?(?:command[\s-]line|CLI|argv)\b|\bargv\b/,
  },
  {
    kind: 'attacker-controls',
    value: 'command-line',
    pattern: /`--?[A-Za-z][\w-]*`\s+(?:command[\s-]line\s+)?argument\b/,
  },
  ...operatorInputRules,
  {
    // A value the operator hands an option, made the attack: "a long secret passed with `-E`",
    // "a crafted command given to -z", "a malicious filter file named with `-F`". Whoever runs the
    // tool writes its options (not a file of data the option only names: "a crafted capture read
    // with -r" is the tool's input, and the nouns here leave it out).
    kind: 'attacker-controls',
    value: 'command-line',
    pattern:
      /\b(?:crafted|malicious|malformed|long|overlong|oversized|attacker[\s-](?:controlled|supplied|chosen)|specially[\s-]crafted)\s+(?:[\w-]+\s+){0,2}?(?:secrets?|keys?|passwords?|commands?|expressions?|strings?|values?|filters?|filter\s+(?:expression\s+)?files?|expression\s+files?)\s+(?:(?:passed|given|supplied|specified|provided|named|set)\s+)?(?:to|with|via|through|in|by)\s+(?:the\s+)?`?--?[A-Za-z][\w-]*`?(?![\w-])/,
  },
  {
    // "an attacker who controls the -s argument", "whoever supplies the arguments passed to ssh",
    // "who can choose the split arguments passed to the tool" (one word naming which arguments).
    kind: 'attacker-controls',
    value: 'command-line',
    pattern:
      /\b(?:control\w*|suppl\w*|choos\w*|chose|chosen|inject\w*|influenc\w*|set|sets|setting|specif(?:y|ies|ying))\s+(?:the\s+|an?\s+|any\s+)?(?:(?:value|argument|parameter|string|command|secret|key|expression)\s+(?:of|for|to|given\s+to|passed\s+to)\s+(?:the\s+)?)?`?--?[A-Za-z][\w-]*`?\s+(?:command[\s-]line\s+)?(?:arguments?|options?|flags?|parameters?|switch(?:es)?)\b|\b(?:control\w*|suppl\w*|choos\w*)\s+(?:the\s+)?(?:[\w-]{1,30}\s+)?(?:arguments?|options?|flags?|parameters?)\s+(?:passed|given|handed)\s+to\b/,
  },
  {
    // An argument's value named by what it is, then the option: "passing a very long directory
    // path to the tool's -G option", "giving an oversized count as `--limit`". Only values an
    // operator types (paths, names, strings, numbers, patterns), not the data files an option
    // reads ("a crafted pcap passed to -r" is the tool's input).
    kind: 'attacker-controls',
    value: 'command-line',
    pattern:
      /\b(?:pass(?:es|ed|ing)?|giv(?:e|es|en|ing)|suppl(?:y|ies|ied|ying))\s+(?:an?\s+|the\s+)?(?:very\s+|extremely\s+)?(?:long|overlong|crafted|malicious|oversized|huge|malformed|negative)\s(?:[\w-]{1,30}\s){0,2}?(?:paths?|directory|directories|dir|names?|strings?|values?|numbers?|counts?|sizes?|expressions?|patterns?)\s(?:to|as|for|via)\s(?:the\s)?(?:[\w.-]{1,40}(?:'s|’s)\s)?`?--?[A-Za-z][\w-]*`?(?![\w-])/,
  },
  {
    // "a user who can choose the arguments of ndpiReader", "controls the options of `tool`": the
    // arguments of a program named as one (in backticks, or a camel-case tool name such as
    // MP4Box or ndpiReader), not of a function ("the arguments of memcpy").
    kind: 'attacker-controls',
    value: (matched) => {
      const program = matched.trimEnd().split(' ').pop() ?? '';
      return program.startsWith('`') || /[a-z0-9][A-Z]/.test(program) ? 'command-line' : null;
    },
    pattern:
      /\b(?:control\w*|suppl(?:y|ies|ying)|choos(?:e|es|ing)|chose|specif(?:y|ies|ying))\s+(?:the\s+|its\s+)?(?:arguments|options|flags)\s+(?:of|for)\s+(?:`[\w.-]{1,40}`|[a-z0-9]{1,20}[a-z][a-z0-9]{0,20})(?![\w(])/,
  },
  {
    kind: 'attacker-controls',
    value: 'command-line',
    pattern:
      /\bpassing\s+(?:an?\s+|the\s+)?(?:crafted\s+|malicious\s+|long\s+)?`?--?[A-Za-z][\w-]*|\b(?:crafted|malicious|long|overlong)\s+arguments?\s+to\s+(?:the\s+)?(?:binary|program|CLI|command|tool|executable|utility)\b/,
  },
  {
    // An application that writes the tool's command line from what its users type: "builds the
    // cwebp command line from the form fields", "constructs the command line from user input".
    // The users who fill the form hold the control, even in "our service builds ...".
    kind: 'attacker-controls',
    value: 'command-line',
    actor: 'attacker',
    pattern:
      /\b(?:build|builds|built|building|construct(?:s|ed|ing)?|assembl(?:e|es|ed|ing)|generat(?:e|es|ed|ing)|compos(?:e|es|ed|ing))\s+(?:the\s+|a\s+|its\s+|their\s+)?(?:[\w.-]{1,30}\s+)?command[\s-]lines?(?:\s+arguments)?\s+(?:from|out\s+of|with|using)\s+(?:the\s+|their\s+|its\s+)?(?:[\w-]{1,30}\s+){0,2}?(?:form|fields?|user|users|customers?|requests?|input|parameters?|query|uploads?)\b/,
  },
  {
    // An application that runs the tool with values its users choose: "runs `tool "$IN" -o
    // "$OUT"` where the two values come from the job's parameters", "invokes `convert $SRC` with
    // arguments taken from the request". Whoever supplies those values writes the command line.
    kind: 'attacker-controls',
    value: 'command-line',
    actor: 'attacker',
    pattern:
      /\b(?:runs?|running|ran|invok(?:e|es|ed|ing)|call(?:s|ed|ing)?|execut(?:e|es|ed|ing)|spawn(?:s|ed|ing)?)\s+`[^`\n]{1,160}`,?\s+(?:where|whose|with|and)\s+(?:the\s+|its\s+|all\s+)?(?:\w+\s+){0,2}?(?:values?|arguments?|variables?|parameters?|paths?|file\s?names?|options)\s+(?:(?:all\s+)?(?:come|comes|came|coming)|(?:are|is|were|was)\s+(?:taken|read|filled|set|supplied|provided)|taken|read|supplied|provided)\s+(?:from|by)\s+(?:the\s+|their\s+|its\s+|a\s+)?(?:[\w'\u2019-]{1,30}\s+){0,2}?(?:form|fields?|user|users|customers?|requests?|input|parameters?|query|uploads?|callers?|clients?)\b/,
  },
  {
    kind: 'attacker-controls',
    value: 'network-request',
    pattern:
      /\b(?:crafted|malicious|malformed|specially[\s-]crafted|forged|oversized|spoofed)\s+(?:[\w-]+\s+){0,2}?(?:requests?|packets?|headers?|responses?|frames?|URLs?|query\s+strings?|request-targets?)\b|\bsend(?:s|ing)?\s+(?!(?:[\w-]+\s+){0,2}(?:pull|merge|feature|support|help)\b)(?:an?\s+|the\s+|this\s+|multiple\s+|many\s+|\d+\s+)?(?:[\w-]+\s+){0,2}?(?:requests?|packets?)\b/,
  },
  {
    kind: 'attacker-controls',
    value: 'file-content',
    pattern:
      /\b(?:malicious|crafted|malformed|specially[\s-]crafted|corrupted|attacker[\s-](?:controlled|supplied)|untrusted)\s+(?!config|configuration|settings|\.conf|filter\s+(?:expression\s+)?file|expression\s+file)(?:[\w.-]+\s+){0,2}?(?:input\s+)?(?:files?|documents?|images?|archives?|fonts?|PDFs?|tarballs?|savefiles?|pcap(?:ng)?s?|captures?)\b/,
  },
  {
    // A packet decoder's input from the network, named by where the packet comes from: "a packet
    // on the wire", "traffic sniffed off the network", "packets captured live", "when printing /
    // dissecting a packet" (a capture tool reads what anyone on the link sends).
    kind: 'attacker-controls',
    value: 'network-request',
    pattern:
      /\b(?:packets?|frames?|datagrams?|traffic)\s+(?:[\w-]+\s+){0,2}?on\s+the\s+wire\b|\b(?:captured|sniffed|received|seen|read)\s+(?:live\s+)?(?:from|off|on)\s+the\s+(?:network|wire)\b|\b(?:captured|sniffed)\s+live\b|\b(?:when|while|whilst)\s+(?:printing|dissecting|decoding)\s+(?:an?\s+|the\s+|such\s+an?\s+)?(?:[\w-]+\s+){0,2}?(?:packets?|frames?|datagrams?)\b/,
  },
  {
    // The same decoder fed a capture someone else made: "hand a victim a savefile", "reading a
    // pcap from an untrusted source", "opens a capture file it was sent".
    kind: 'attacker-controls',
    value: 'file-content',
    pattern:
      /\b(?:hand\w*|send\w*|giv\w*|trick\w*|provid\w*|suppl\w*)\s+(?:[\w-]+\s+){0,3}?(?:an?\s+|the\s+)(?:[\w-]+\s+)?(?:savefile|pcap(?:ng)?(?:\s+file)?|capture\s+file)s?\b(?!\s+(?:format|question|syntax|support|parser|reader|writer|code|docs?|documentation)\b)|\b(?:savefile|pcap(?:ng)?|capture\s+file)s?\s+(?:from|of)\s+(?:an?\s+)?(?:untrusted|unknown|attacker|malicious|third[\s-]party)\b/,
  },
  {
    // "write access to the application's working directory", "to a shared /tmp folder".
    kind: 'attacker-controls',
    value: 'local-file-system',
    isPrecondition: true,
    pattern:
      /\bwrite\s+access\s+to\s+(?:the\s+|a\s+)?(?:[\w/.~-]+(?:['’]s)?\s+){0,2}?(?:file\s*system|disk|directory|folder|(?:file|folder|directory)['’]s\s+location)\b|\b(?:directory|folder|dir)\s+(?:is|being)\s+(?:world|group)[\s-]writable\b|\b(?:shared|world[\s-]writable|group[\s-]writable)\s+(?:`?\/tmp`?\s+|`?\/var\/tmp`?\s+|temp(?:orary)?\s+|tmp\s+|extraction\s+|download\s+|cache\s+|output\s+|upload\s+)?(?:folder|directory|dir)\b|\bshared\s+`?\/tmp\b|\bplac\w*\s+(?:an?\s+|the\s+)?(?:[\w.-]+\s+){0,2}?files?\s+(?:in|into|at|under)\b|\b(?:creat|writ|drop|plant)\w*\s+(?:an?\s+)?(?:malicious\s+)?(?:symlink|symbolic\s+link|hard\s*link)\b|\b(?:local\s+)?file\s*system\s+access\b/,
  },

  // requires-config
  // DEBUG=1, APP_DEBUG=1, DEBUG_LOG=1. One start per upper-case run, and the name is read whole
  // (its DEBUG found by a lookahead), so a long run of DEBUG_DEBUG_... costs one pass.
  {
    kind: 'requires-config',
    value: 'debug',
    isCaseSensitive: true,
    isScanned: true,
    pattern:
      /(?<![A-Z0-9_])(?=[A-Z0-9_]*DEBUG)[A-Z0-9_]+\s*=\s*["']?(?:[1-9]\d{0,2}|[Tt]rue|TRUE|[Yy]es|[Oo]n)\b/,
  },
  {
    kind: 'requires-config',
    value: 'debug',
    pattern:
      /\bdebug(?:ging)?\s+(?:mode|builds?|flag|option|setting|logging|support|endpoint\s+enabled)\b|\b(?:development|dev)\s+mode\b|\bdebug\s*[:=]\s*(?:true|on|1|yes)\b/,
  },
  {
    kind: 'requires-config',
    value: 'debug',
    pattern: new RegExp(
      String.raw`\b(?:when|if|with|while|once)\s+(?:the\s+)?(?:debug(?:ging)?|verbose(?:\s+logging)?|trace\s+logging)\s+(?:is\s+|are\s+)?${versionCheck}\b|\b(?:enabl\w*|turn\w*\s+on)\s+(?:the\s+)?(?:debug(?:ging)?|verbose\s+logging|debug\s+logging|trace\s+logging|verbose\s+mode)\b`,
    ),
  },
  { kind: 'requires-config', value: 'debug', pattern: /--debug\b/ },
  {
    // "we raised the log level to `verb 9`", "with the logging verbosity turned up", "log level
    // set to TRACE": a daemon that logs more than by default, for debugging.
    kind: 'requires-config',
    value: 'debug',
    pattern:
      /\b(?:rais(?:e|ed|es|ing)|increas(?:e|ed|es|ing)|bump(?:ed|s|ing)?|crank(?:ed|s|ing)?)\s+(?:the\s+|our\s+|its\s+|their\s+)?(?:log(?:ging)?\s+(?:level|verbosity)|verbosity(?:\s+level)?|debug\s+level)\b|\b(?:log(?:ging)?\s+(?:level|verbosity)|verbosity)\s+(?:turned|cranked)\s+up\b|\blog(?:ging)?\s+level\s+(?:(?:set\s+)?to|=|:)\s*`?(?:debug|trace|all)\b/,
  },
  {
    kind: 'requires-config',
    value: 'debug',
    pattern: /\b(?:NODE_ENV|RAILS_ENV|APP_ENV|FLASK_ENV)\s*=\s*["']?development\b/,
  },
  {
    // "We raised DATA_UPLOAD_MAX_MEMORY_SIZE to 50 MB", "with MAX_HEADER_SIZE increased".
    kind: 'requires-config',
    value: readSettingName,
    pattern:
      /\b(?:rais(?:e|ed|ing)|increas(?:e|ed|ing)|bump(?:ed|ing)?|lower(?:ed|ing)?|decreas(?:e|ed|ing)|chang(?:e|ed|ing)|set(?:ting)?|enabl(?:e|ed|ing)|disabl(?:e|ed|ing)|configur(?:e|ed|ing)|overrid(?:e|den|ing))\s+(?:the\s+)?`?[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+`?/,
  },
  {
    kind: 'requires-config',
    value: 'non-default',
    pattern: /\bnon-?default\s+(?:config(?:uration)?s?|settings?|options?|build|setup)\b/,
  },
  {
    kind: 'requires-config',
    value: readOptionName,
    pattern:
      /\b(?:requires?|requiring|needs?|only\s+(?:when|if)|when|if|with|once|after)\s+(?:the\s+)?(?:non-default\s+|optional\s+|experimental\s+)?`-{0,2}[A-Za-z_][\w.-]*`\s+(?:option|setting|flag|feature|config(?:uration)?\s+option|directive|module|extension|plugin)\b/,
  },
  {
    // "when `foo` is enabled"; not "when `err.loc.file` is set" (readOptionCondition), nor a
    // setting narrowed to a safe value the library fails to honour ("when `trustProxy` is set to
    // an address that accepts only the load balancer").
    kind: 'requires-config',
    value: readOptionCondition,
    pattern: new RegExp(
      String.raw`\b(?:when|if|only\s+(?:when|if)|once|while)\s+(?:the\s+)?\x60-{0,2}[A-Za-z_][\w.>-]*\x60(?:\s+(?:option|setting|flag|feature))?\s+(?:is|are)\s+(?:${versionCheck}|true|configured)\b${setByInput}${narrowedToSafeValue}(?:[ \t]+to\b)?`,
    ),
  },
  {
    kind: 'requires-config',
    value: readOptionName,
    pattern: new RegExp(
      String.raw`\b(?:requires?|requiring|needs?|only\s+(?:when|if)|when|if)\s+(?:the\s+)?(?:non-default\s+|optional\s+|experimental\s+)?[a-z][\w.-]*\s+(?:option|setting|config(?:uration)?\s+option|directive)\s+(?:is\s+|to\s+be\s+)?(?:${versionCheck}|true)\b`,
    ),
  },
  {
    // The caller switched verification off: "with host-key checking disabled",
    // "StrictHostKeyChecking=no". Settings written as code (`verify=False`,
    // `rejectUnauthorized: false`) are read by extract-code-setting-facts.ts.
    kind: 'requires-config',
    value: 'verification-disabled',
    pattern:
      /\b(?:TLS|SSL|HTTPS|certificates?|cert|host[\s-]?keys?|hostnames?|peer)\s+(?:verification|validation|checking|checks?)\s+(?:(?:is|was|are|were|being|got|gets)\s+)?(?:disabled|turned\s+off|switched\s+off)\b|\b(?:disabl\w*|turn\w*\s+off|switch\w*\s+off)\s+(?:the\s+)?(?:TLS\s+|SSL\s+|HTTPS\s+|certificate\s+|cert\s+|host[\s-]?key\s+|hostname\s+|peer\s+)(?:verification|validation|checking|checks?)\b|\bStrictHostKeyChecking[\s=]+["']?(?:no|off)\b|\bCERT_NONE\b/,
  },
  {
    // The code that misbehaves is the caller's own: "a user-supplied interceptor", "its own
    // callback", "our user-supplied KnownHostsCommand script", "a custom hook".
    kind: 'requires-config',
    value: 'caller-callback',
    pattern:
      /\b(?:user|caller|application|app|developer|client|integrator)[\s-](?:supplied|provided|defined|written|registered)\s+(?:`[^`\n]{1,60}`\s+|[\w.-]{1,40}\s+)?(?:callbacks?|interceptors?|hooks?|scripts?|commands?|handlers?|middlewares?|plugins?|transforms?|functions?)\b|\b(?:their|its|our|your|the\s+(?:caller|application|user)'s)\s+own\s+(?:[\w.-]{1,40}\s+)?(?:callbacks?|interceptors?|hooks?|handlers?|middlewares?|transforms?)\b|\bcustom\s+(?:[\w.-]{1,40}\s+)?(?:callbacks?|interceptors?|hooks?)\b/,
  },
  {
    // The reporter says where the fault is: "it is our callback that writes more than it
    // declared", "the bug is in the application's transform".
    kind: 'requires-config',
    value: 'caller-callback',
    pattern:
      /\b(?:it\s+is|it's|the\s+(?:bug|fault|overflow|problem|mistake)\s+is\s+in)\s+(?:our|their|your|the\s+(?:caller|application|user)'s)\s+(?:[\w.-]{1,40}\s+)?(?:callbacks?|interceptors?|hooks?|handlers?|transforms?)\b/,
  },
  {
    // The same for extension points a template engine, a plugin host or a serialiser offers: "the
    // unsafe custom filter we registered", "a custom template filter the application added", "the
    // constructor function we registered" (a custom filter alone is not the caller's fault: "any
    // custom filter list is parsed the same way").
    kind: 'requires-config',
    value: 'caller-callback',
    pattern:
      /\b(?:unsafe|insecure|dangerous)\s+custom\s+(?:filters?|extensions?|globals?|callbacks?|hooks?|plugins?)\b|\bcustom\s+(?:template\s+)?(?:filters?|extensions?|plugins?)\s+(?:we|they|you|I|the\s+(?:application|app|developer|caller|user))\s+(?:registered|added|installed|wrote|exposed)\b|\b(?:constructors?|representers?|resolvers?|callbacks?|hooks?|handlers?)\s+(?:functions?\s+)?(?:we|they|you|I|the\s+(?:application|app|developer|caller|user))\s+(?:registered|added|installed|wrote)\b/,
  },
  {
    kind: 'requires-config',
    value: readBuildFlag,
    pattern:
      /\b(?:compiled|built|building|compiling|configured|configuring|compile|build)\s+with\s+(?:the\s+)?`?(?:-D[A-Za-z_]\w*|--(?:enable|with)-[\w-]+)/,
  },
  ...settingRequirementRules,

  // impact
  { kind: 'impact', value: 'code-execution', isCaseSensitive: true, pattern: /\bRCE\b/ },
  {
    kind: 'impact',
    value: 'code-execution',
    pattern: /\bremote\s+code\s+execution\b|\b(?:arbitrary\s+)?(?:code|command)\s+execution\b/,
  },
  {
    kind: 'impact',
    value: 'code-execution',
    pattern:
      /\b(?:execut\w*|run\w*|achiev\w*)\s+(?:of\s+)?(?:arbitrary|attacker[\s-]controlled|malicious|shell)\s+(?:code|commands?|shell\s+commands?|programs?|JavaScript|scripts?|binaries)\b|\b(?:OS\s+)?(?:command|shell|code)\s+injection\b/,
  },
  {
    kind: 'impact',
    value: 'memory-corruption',
    pattern:
      /\b(?:(?:stack|heap|global)[\s-]+(?:based[\s-]+)?)?buffer[\s-]+(?:overflow|overrun|underflow|underrun)s?\b|\bheap[\s-]+(?:overflow|corruption|smashing)\b|\bstack[\s-]+(?:smashing|corruption)\b/,
  },
  {
    kind: 'impact',
    value: 'memory-corruption',
    isCaseSensitive: true,
    pattern: /\bUAF\b|\bOOB\s+writes?\b/,
  },
  {
    // An out-of-bounds read leaks memory (or crashes); it does not corrupt anything.
    kind: 'impact',
    value: 'information-disclosure',
    pattern:
      /\bOOB\s+reads?\b|\bout[\s-]of[\s-]bounds?\s+(?:memory\s+)?reads?\b|\bbuffer[\s-]+(?:over-read|overread)s?\b|\bover-?reads?\b/,
  },
  {
    // The same read in other words: "reads past the end of the packet buffer", "reading beyond
    // the captured data", valgrind's "Invalid read of size 4".
    kind: 'impact',
    value: 'information-disclosure',
    pattern:
      /\b(?:reads?|reading)\s+(?:(?:\d+|one|two|a\s+few)\s+bytes?\s+)?(?:past|beyond)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?|bounds\s+of\s+(?:the\s+)?)?(?:[\w-]+\s+)?(?:buffer|packet|captured\s+data|data|array|input|allocation)\b|\binvalid\s+read\s+of\s+size\b/,
  },
  {
    kind: 'impact',
    value: 'memory-corruption',
    pattern:
      /\b(?:writes?|writing)\s+(?:(?:\d+|one|two|a\s+few)\s+bytes?\s+)?(?:past|beyond)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?(?:[\w-]+\s+)?(?:buffer|array|allocation)\b|\binvalid\s+write\s+of\s+size\b/,
  },
  {
    kind: 'impact',
    value: 'memory-corruption',
    pattern:
      /\buse[\s-]after[\s-](?:free|return|scope)\b|\bout[\s-]of[\s-]bounds?\s+(?:memory\s+)?(?:write|access)(?:es|s)?\b/,
  },
  {
    kind: 'impact',
    value: 'memory-corruption',
    pattern:
      /\bdouble[\s-]free\b|\bmemory[\s-]+(?:corruption|safety\s+(?:bug|issue|violation))\b|\bcorrupt(?:s|ing|ed)?\s+(?:the\s+)?(?:heap|memory|stack)\b|\bwrite-what-where\b|\barbitrary\s+(?:memory\s+)?write\b/,
  },
  { kind: 'impact', value: 'privilege-escalation', isCaseSensitive: true, pattern: /\bLPE\b/ },
  {
    kind: 'impact',
    value: 'privilege-escalation',
    pattern:
      /\bprivilege[\s-]+escalation\b|\bescalat\w*\s+(?:(?:of|their|his|her|its|the|an?)\s+)?(?:\w+\s+)?privileges?\b|\belevation\s+of\s+privileges?\b/,
  },
  {
    kind: 'impact',
    value: 'privilege-escalation',
    pattern:
      /\b(?:gain\w*|obtain\w*|escalat\w*\s+to|get)\s+root\b|\b(?:gain\w*|obtain\w*)\s+(?:root|admin(?:istrator)?|elevated|superuser)\s+(?:privileges?|access|rights|permissions?)\b/,
  },
  {
    kind: 'impact',
    value: 'auth-bypass',
    pattern:
      /\b(?:authentication|authori[sz]ation|auth|login|2FA|MFA|access[\s-]control)\s+bypass(?:es|ed)?\b|\bbypass\w*\s+(?:the\s+)?(?:\w+\s+)?(?:authentication|authori[sz]ation|auth|login|2FA|MFA|access\s+controls?|password\s+checks?)\b|\b(?:missing|broken)\s+authentication\b/,
  },
  {
    kind: 'impact',
    value: 'auth-bypass',
    pattern:
      /\b(?:auth\w*|login|token\s+checks?|access\s+controls?|password\s+checks?)\s+(?:[\w-]+\s+){0,5}?(?:can|could|may|might)\s+be\s+(?:bypassed|skipped|circumvented)\b|\bskips?\s+(?:the\s+)?(?:auth\w*|token|password|login|permission)\s+checks?\b/,
  },
  {
    kind: 'impact',
    value: 'information-disclosure',
    pattern:
      /\binformation\s+(?:disclosure|leak(?:age|s)?|exposure)\b|\b(?:sensitive\s+)?data\s+(?:exposure|leak(?:age|s)?|disclosure)\b/,
  },
  {
    kind: 'impact',
    value: 'information-disclosure',
    pattern:
      /\b(?:leak(?:s|ing|ed)?|disclos\w*)\s+(?:of\s+)?(?:(?:the|sensitive|private|internal|secret|confidential|other|users'?|user|session|auth|authentication|access|api|their)\s+){0,3}(?:data|information|secrets?|credentials?|tokens?|keys?|passwords?|contents|addresses|pointers?|PII|cookies?|files?|(?:uninitiali[sz]ed|kernel|stack|heap)\s+memory|memory\s+contents|environment\s+variables)\b/,
  },
  {
    kind: 'impact',
    value: 'information-disclosure',
    pattern:
      /\bexpos\w*\s+(?:(?:the|any|all|some)\s+)?(?:sensitive|secret|private|confidential)\b|\b(?:read|reading|access|accessing|download\w*|retriev\w*|disclos\w*)\s+(?:of\s+)?(?:arbitrary|any|sensitive)\s+(?:local\s+)?files?\b|\barbitrary\s+file\s+(?:read|disclosure|access|download)\b|\b(?:path|directory)[\s-]+traversal\b(?=[^.\n]{0,80}\b(?:read|disclos|leak|access|download|retriev))/,
  },
  {
    kind: 'impact',
    value: 'denial-of-service',
    isCaseSensitive: true,
    pattern: /(?<!-)\b(?:ReDoS|ReDOS|DoS|DOS|OOM)\b/,
  },
  { kind: 'impact', value: 'denial-of-service', pattern: /\bdenial[\s-]of[\s-]service\b/ },
  {
    kind: 'impact',
    value: 'denial-of-service',
    pattern:
      /\bcrash(?:es|ed|ing)?\b|\binfinite\s+(?:loop|recursion)\b|\b(?:hangs|hung)\b|\b(?:hang|hanging)\s+(?:indefinitely|forever|the\s+(?:server|process|thread|event\s+loop|worker))\b|\bout[\s-]of[\s-]memory\b/,
  },
  {
    kind: 'impact',
    value: 'denial-of-service',
    pattern:
      /\b(?:unbounded|uncontrolled|excessive|unlimited)\s+(?:(?:memory|CPU|resource|stack|heap)\s+)?(?:consumption|allocation|usage|growth|recursion|use)\b|\b(?:resource|memory|CPU|stack|thread|file\s+descriptor|connection)\s+exhaustion\b|\bstack\s+overflow\b|\bcatastrophic\s+backtracking\b|\b(?:SEGV|segfault|segmentation\s+fault)\b|\bnull[\s-]+pointer\s+dereference\b/,
  },
  {
    kind: 'impact',
    value: 'bounded-resource-consumption',
    pattern:
      /\bslightly\s+(?:higher|more|increased|elevated|larger)\s+(?:\w+\s+)?(?:memory|CPU|resource)|\b(?:consum\w*|use|uses|using)\s+(?:slightly\s+)?more\s+(?:CPU|memory)\s+but\s+(?:\w+\s+){0,3}?(?:finish|complet|terminat|return)\w*|\b(?:is|are|remains?|stays?)\s+bounded\b|\bbounded\s+(?:memory|CPU|resource|allocation|amount|growth)\b/,
  },
  {
    // Growth in proportion to what the attacker spends: flooding, not a vulnerability.
    kind: 'impact',
    value: 'bounded-resource-consumption',
    pattern:
      /\b(?:grows?|grew|increases?|rises?|scales?)\s+linearly\s+with\b|\b(?:in|is)\s+(?:direct\s+)?proportion\s+to\s+the\s+(?:traffic|number|requests?|connections?|bandwidth|load|data)\b|\bproportional\s+to\s+the\s+(?:traffic|number|requests?|connections?|load|bandwidth|input)\b|\bas\s+many\s+(?:connections|requests|clients)\s+(?:and\s+(?:as\s+)?(?:much\s+)?\w+\s+)?as\s+the\s+resources\b/,
  },
  {
    // Memory the reporter measured growing linearly with the input, a proportional cost: "memory
    // use is about ten times the file size and grows linearly" (up to ten words between, each
    // after one blank; not "should grow").
    kind: 'impact',
    value: 'bounded-resource-consumption',
    pattern:
      /\b(?:memory|RSS|heap|footprint)(?:\s[\w()-]{1,20}){0,10}?\s(?:grows|grew|increases|scales)\s+linearly\b/,
  },
  {
    // A bounded cost in the reporter's measurements: "the worker's memory stays flat", "memory
    // does not grow", "costs a few microseconds per request", "the time is linear in the input
    // size", "there is no amplification" (a denied one, "does not stay flat", is no fact).
    kind: 'impact',
    value: 'bounded-resource-consumption',
    pattern:
      /\b(?:memory|RSS|heap|CPU|footprint)\s+(?:(?:usage|use|consumption|footprint)\s+)?(?:of\s+(?:the\s+)?[\w-]{1,30}\s+)?(?:stays?|stayed|remains?|remained)\s+(?:(?:completely|roughly|essentially|perfectly)\s+)?(?:flat|constant|stable)\b|\b(?:memory|RSS|heap)\s+(?:usage\s+|use\s+)?(?:does\s+not|doesn't|did\s+not|didn't|never)\s+grows?\b|\b(?:costs?|adds?|takes?)\s+(?:only\s+|just\s+)?(?:a\s+few|several|some|\d{1,4})\s+(?:micro|nano)seconds?\s+(?:more\s+)?(?:per|for\s+each|each)\s+(?:request|call|message|connection|header)\b|\b(?:is|are|was|stays?|remains?)\s+(?:only\s+|just\s+|roughly\s+|strictly\s+)?linear\s+in\s+(?:the\s+)?(?:input|request|payload|body|header|message|data|path)(?:\s+(?:size|length))?\b|\bno\s+(?:traffic\s+|resource\s+|response\s+)?amplification\b/,
  },
  {
    // Growth that stops at a limit: "memory grows to about 300 MB, then stays there", "plateaus at
    // 250 MB", "bounded by the default max header size", "stays within the default limit", "never
    // exceeds the configured maximum". The project's own limit holds; a denied one is no fact.
    kind: 'impact',
    value: 'bounded-resource-consumption',
    pattern:
      /\b(?:grows?|grew|climbs?|climbed|rises?|rose|increases?|increased)\s+(?:up\s+)?to\s+(?:about\s+|around\s+|roughly\s+|~)?\d[\d.,]{0,8}\s?(?:[KMG]i?B|[kKMG]B?|bytes)\b[^.\n]{0,24}?\b(?:then|and)\s+(?:it\s+)?(?:stays?|stayed|remains?|remained|plateaus?|plateaued|levels?\s+off|levell?ed\s+off|stops?\s+growing|stopped\s+growing|stabili[sz]es?|stabili[sz]ed)\b|\b(?:plateaus?|plateaued|levels?\s+off|levell?ed\s+off)\s+at\b|\b(?:capped|bounded|limited|constrained)\s+(?:at|by|to)\s+(?:the\s+)?(?:project's\s+)?(?:default|configured)\b|\b(?:stays?|stayed|remains?|remained|kept)\s+(?:within|below|under)\s+(?:the\s+)?(?:default|configured)\s+(?:[\w`.-]{1,30}\s+){0,3}?(?:limits?|maximum|cap|size)\b|\bnever\s+(?:exceeds?|goes\s+(?:above|beyond|past))\s+(?:the\s+)?(?:default|configured)\b|\bstops?\s+(?:growing\s+)?at\s+the\s+(?:default|configured)\b/,
  },
  {
    kind: 'impact',
    value: 'bounded-resource-consumption',
    pattern:
      /\bsmall\s+(?:\w+\s+)?allocations?\b|\blog\s+(?:noise|spam|flooding|pollution)\b|\b(?:minor|modest|negligible|limited)\s+(?:increase\s+in\s+)?(?:memory|CPU|resource)\s+(?:usage|consumption|increase|use)\b|\breleased\s+(?:on|when|after)\s+(?:the\s+)?(?:connection\s+)?clos\w*/,
  },
  {
    kind: 'impact',
    value: 'hardening-bypass',
    pattern:
      /\bhardening\s+bypass\b|\b(?:bypass\w*|defeat\w*|circumvent\w*|break\w*)\s+(?:an?\s+|the\s+)?(?:hardening|mitigations?|ASLR|KASLR|stack\s+canar(?:y|ies)|CFI|DEP|sandbox|seccomp|RELRO)\b|\b(?:ASLR|KASLR|CFI|sandbox|seccomp|canary)\s+bypass\b/,
  },
  {
    kind: 'impact',
    value: 'hardening-bypass',
    pattern:
      /\b(?:is|as|only)\s+(?:an?\s+|only\s+)?defen[cs]e[\s-]in[\s-]depth\b|\bdefen[cs]e[\s-]in[\s-]depth\s+(?:issue|measure|improvement|fix|change|hardening|bug|finding|concern)\b/,
  },

  // claimed-severity: the rating the reporter gives, or the v3 band of the CVSS score they give.
  {
    kind: 'claimed-severity',
    value: readRating,
    pattern:
      /\bseverity\b(?:[ \t*_:=|–—-]|rating|level)*(?:(?:is|of|as)[ \t*]+)?(?:critical|high|medium|moderate|low|informational|none)\b/,
  },
  {
    kind: 'claimed-severity',
    value: readRating,
    pattern: /\b(?:critical|high|medium|moderate|low)[\s-]+severity\b/,
  },
  {
    kind: 'claimed-severity',
    value: readRating,
    pattern:
      /\b(?:I\s+(?:would\s+)?(?:rate|classify|consider|assess)|rated|classified|assessed)(?:\s+(?:this|it|the\s+(?:issue|vulnerability|bug|finding|report)))?\s+(?:as\s+)?(?:an?\s+)?\**(?:critical|high|medium|moderate|low)\b(?![\s-]+(?:complexity|quality|effort))/,
  },
  // "CVSS 9.8", "CVSS v3.1 base score: 9.8 (Critical)", "CVSS Score:** 10.0"; a rating in brackets wins.
  {
    kind: 'claimed-severity',
    value: readScore,
    isNegatable: false,
    pattern:
      /\bCVSS(?:\s*v?[234](?:\.[01])?)?(?:\s+(?:base\s+)?score)?(?:\s+(?:of|is)\b)?[\s*]*(?:[:=][\s*]*)?\d{1,2}(?:\.\d)?(?![\d.]|\s*\/\s*[A-Z])(?:\s*\/\s*10(?:\.0)?)?(?:\s*[([]\s*(?:critical|high|medium|moderate|low|none)\s*[)\]])?/,
  },
  {
    kind: 'claimed-severity',
    value: readScore,
    isNegatable: false,
    pattern: /\bbase\s+score[\s*]*(?:[:=]|of\b|is\b)[\s*]*\d{1,2}(?:\.\d)?(?![\d.])/,
  },

  // ai-use: denials first, they begin earlier than the words they deny.
  {
    kind: 'ai-use',
    value: 'not-used',
    isNegatable: false,
    pattern: new RegExp(
      String.raw`\bno\s+${ai}(?:[\s-](?:tools?|assistance|assistants?))?\s+(?:was|were|has\s+been|have\s+been)\s+used\b`,
    ),
  },
  {
    kind: 'ai-use',
    value: 'not-used',
    isNegatable: false,
    pattern: new RegExp(
      String.raw`\b(?:I|we)\s+(?:did\s+not|didn't|do\s+not|don't|have\s+not|haven't|never)\s+(?:\w+\s+)?(?:use|used|rely\s+on|relied\s+on)\s+(?:any\s+)?${ai}`,
    ),
  },
  {
    kind: 'ai-use',
    value: 'not-used',
    isNegatable: false,
    pattern: new RegExp(
      String.raw`\b(?:written|created|found|discovered|prepared|done|authored|produced|researched)\s+(?:\w+\s+)?without\s+(?:the\s+(?:use|help)\s+of\s+|any\s+)?${ai}|\bwithout\s+(?:any\s+)?(?:AI|LLM)\s+(?:assistance|help|tools?)\b|\bnot\s+(?:AI|LLM)[\s-](?:generated|assisted|written|aided)\b`,
    ),
  },
  {
    kind: 'ai-use',
    value: 'not-used',
    isNegatable: false,
    pattern:
      /\b(?:AI|LLM)(?:\s+(?:use|usage|used|assistance|tools?|disclosure))?[\s*]*:[\s*]*(?:none|no|not\s+used|n\/a)\b/,
  },
  // The same denials in German (KI), French, Spanish, Italian and Portuguese (IA).
  {
    kind: 'ai-use',
    value: 'not-used',
    isNegatable: false,
    pattern: /\b(?:keine|ohne)\s+(?:jede\s+)?KI\b/,
  },
  {
    kind: 'ai-use',
    value: 'not-used',
    isNegatable: false,
    pattern:
      /\bKI\s+(?:habe\s+ich|haben\s+wir|wurde|wurden)\s+(?:\S+\s+){0,2}?nicht\s+(?:verwendet|genutzt|benutzt|eingesetzt)\b/,
  },
  {
    kind: 'ai-use',
    value: 'not-used',
    isNegatable: false,
    pattern:
      /\b(?:sans|sin|sem|senza)\s+(?:(?:usar|utiliser|utilizar|usare|l'aide\s+d'une|l’aide\s+d’une|ayuda\s+de|ajuda\s+de|l'aiuto\s+di|l’aiuto\s+di)\s+)?(?:la\s+|a\s+|l'|l’)?(?:IA|intelligence\s+artificielle|inteligencia\s+artificial|intelig[eê]ncia\s+artificial|intelligenza\s+artificiale)\b/,
  },
  {
    kind: 'ai-use',
    value: 'not-used',
    isNegatable: false,
    pattern: /\b(?:aucune|ninguna|nenhuma|nessuna)\s+IA\b/,
  },
  {
    kind: 'ai-use',
    value: 'not-used',
    isNegatable: false,
    pattern:
      /\b(?:je|nous)\s+(?:n'ai|n’ai|n'avons|n’avons)\s+pas\s+utilisé\s+(?:d'|d’|de\s+l'|de\s+l’|l'|l’)?IA\b/,
  },
  {
    kind: 'ai-use',
    value: 'not-used',
    isNegatable: false,
    pattern: /\bno\s+(?:he|hemos)\s+(?:usado|utilizado)\s+(?:ninguna\s+)?IA\b/,
  },
  {
    kind: 'ai-use',
    value: 'not-used',
    isNegatable: false,
    pattern: /\bnon\s+(?:ho|abbiamo)\s+(?:usato|utilizzato)\s+(?:alcuna\s+|l'|l’)?IA\b/,
  },
  {
    kind: 'ai-use',
    value: 'used',
    isNegatable: false,
    pattern: /\b(?:AI|LLM)(?:\s+(?:use|usage|used|assistance|tools?))?[\s*]*:[\s*]*(?:yes|used)\b/,
  },
  {
    kind: 'ai-use',
    value: 'used',
    pattern: new RegExp(
      String.raw`\b(?:I|we)\s+(?:\w+\s+)?(?:used|use|utili[sz]ed|leveraged|employed|asked|prompted)\s+(?:the\s+help\s+of\s+)?${ai}`,
    ),
  },
  {
    kind: 'ai-use',
    value: 'used',
    pattern:
      /\b(?:AI|LLM|ChatGPT|GPT|Claude|Copilot)[\s-](?:assisted|generated|written|aided|powered|drafted|authored)\b/,
  },
  {
    kind: 'ai-use',
    value: 'used',
    pattern: new RegExp(
      String.raw`\b(?:generated|written|drafted|created|produced|found|discovered|identified|assisted|prepared|polished|translated|formatted)\s+(?:\w+\s+){0,3}?(?:with|by|using|via)\s+(?:the\s+(?:help|assistance|aid)\s+of\s+)?${ai}|\bwith\s+(?:the\s+)?(?:help|assistance|aid)\s+(?:of|from)\s+${ai}`,
    ),
  },
];
