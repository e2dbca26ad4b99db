// Phrases that put a command-line tool's own input in the attacker's hands: the commands piped
// into an interactive mode, the script or list file the operator hands the tool. Whoever runs a
// tool chooses these, as they choose its arguments, so they are read as `attacker-controls:
// command-line` ("an attacker who controls the commands piped into `tool --shell`", "who can
// write the list file that an operator passes to `tool --filelist`", "the script the tool runs").

import type { PhraseRule } from './phrase-rules.js';

const writes = String.raw`(?:control\w*|writ(?:e|es|ing)|wrote|edit\w*|craft\w*|suppl(?:y|ies|ying)|provid\w*|choos\w*|author\w*)`;
const input = String.raw`(?:(?:the\s+|an?\s+|its\s+)?(?:[\w-]{1,40}\s+)?(?:commands?|scripts?|file\s+lists?|lists?\s+files?|list\s+of\s+files|input\s+lines|stdin))`;
const tool = String.raw`(?:\x60[^\x60\n]{1,80}\x60|(?:the|an?|its)\s+(?:[\w-]{1,40}\s+)?(?:tool|CLI|command|program|binary|utility|shell|interpreter|REPL))`;

export const operatorInputRules: readonly PhraseRule[] = [
  {
    // "... the commands piped into `xmllint --shell`", "the list file an operator passes to `zstd --filelist`".
    kind: 'attacker-controls',
    value: 'command-line',
    isPrecondition: true,
    pattern: new RegExp(
      String.raw`\b${writes}\s+${input}\s+(?:that\s+|which\s+)?(?:(?:the|an?)\s+(?:operator|user|admin\w*|maintainer|developer)\s+|someone\s+)?(?:pipes?|piped|passe[sd]|pass|feeds?|fed|gives?|given|hands?|handed|types?|typed|sends?|sent)\s+(?:in(?:to)?|to|through)\s+${tool}`,
    ),
  },
  {
    // "... write the script the tool runs", "controls the commands the shell executes".
    kind: 'attacker-controls',
    value: 'command-line',
    isPrecondition: true,
    pattern: new RegExp(
      String.raw`\b${writes}\s+${input}\s+(?:that\s+|which\s+)?${tool}\s+(?:runs|executes|reads|sources|loads|interprets|evaluates)\b`,
    ),
  },
];
