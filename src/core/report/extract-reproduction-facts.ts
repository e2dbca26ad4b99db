// Reads how a report says to reproduce the issue: numbered step lists in a reproduction section
// or after "steps to reproduce" ("3 steps"), PoC command lines ("command"), PoC scripts ("script"),
// and a test program in a compiled language beside the sanitizer report of its run ("program").

import type { CodeBlock } from './find-code-blocks.js';
import type { FactSink } from './create-fact-sink.js';
import { hasSanitizerError } from './find-sanitizer-traces.js';
import { forEachMatch } from './for-each-match.js';
import { mapHeadingToField } from './map-heading-to-field.js';
import type { ReportSection, TextSpan } from '../model/report.js';
import { shellInfos } from './shell-infos.js';
import { findSentenceEnd, readSentence } from '../text/read-sentence.js';

const stepPattern = /\n[ \t]{0,3}(\d{1,2})[.)][ \t]+\S[^\n]*/g;
// With the same cues in the other languages reports arrive in (German, Spanish, Portuguese,
// French, Italian): "Schritte:", "Pasos para reproducir:", "Étapes :", "Per riprodurre:".
const reproductionCue =
  /\b(?:steps?\s+to\s+reproduce|to\s+reproduce|reproduction(?:\s+steps)?|reproduce|repro|proof\s+of\s+concept|PoC|exploit(?:ation)?\s+steps|schritte|reproduzieren|nachstellen|pasos|reproducir|passos|reproduzir|reproduire|passi|riprodurre|etapes)\b|(?<![\p{L}\d_])étapes(?![\p{L}\d_])/iu;

const commandStart = String.raw`(?:sudo[ \t]+)?(?:[A-Za-z_]\w*=\S*[ \t]+)*(?:curl|wget|nc|ncat|netcat|socat|python[23]?(?:\.\d+)?|node|deno|bun|perl|ruby|php|go[ \t]+run|cargo[ \t]+run|java|bash|sh|printf|echo|openssl|telnet|http|gdb|valgrind|npx|gcc|g\+\+|cc|clang|make|javac|mvn|gradle|ant|docker|xmlwf|jq|h2load|\.{1,2}\/[\w./-]+)`;
const blockCommand = new RegExp(
  String.raw`\n[ \t]*(?:\$[ \t]+|>[ \t]+|PS>[ \t]*)?${commandStart}(?![\w-])[^\n]*`,
);
const anyLine = /\n[ \t]*(?:\$[ \t]+)?[^\s#][^\n]*/;
// An HTTP header on its own (`Forwarded: for="..."`) is a payload to send, not a command: without
// a request line or a tool it says neither where nor how.
const headerOnlyLine = /^[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*:[ \t]/;
const promptLine = /\n[ \t]*\$[ \t]+\S[^\n]*/;
const promptCommand = /\n[ \t]*\$[ \t]+\S[^\n]*/g;
const inlineCommand =
  /`((?:sudo[ \t]+)?(?:curl|wget|nc|ncat|python3?|node|perl|ruby|php|\.\/[\w./-]+)[ \t][^`\n]*)`/g;

const scriptInfos = new Set([
  'python',
  'py',
  'python3',
  'javascript',
  'js',
  'node',
  'ruby',
  'rb',
  'perl',
  'php',
  'go',
]);
// Compiled languages whose PoC is a small program the reporter built and ran.
const programInfos = new Set(['c', 'h', 'cpp', 'c++', 'cc', 'cxx', 'rust', 'rs', 'zig', 'objc']);
// The shape of a driver, not of quoted project source: an entry point, a fuzz target, or includes.
const programShape =
  /\bint\s+main\s*\(|\bLLVMFuzzerTestOneInput\s*\(|(?:^|\n)[ \t]*#[ \t]*include[ \t]*[<"]|\bfn\s+main\s*\(/;

/**
 * A fragment of a compiled language (` ```c ` without an entry point, a fuzz target or an include):
 * it cannot be built and run as shown, so it reproduces nothing by itself (a sketch that calls
 * helpers the report never shows, or the project's own code quoted).
 */
export function isCompiledFragment(info: string, code: string): boolean {
  return programInfos.has(info.toLowerCase()) && !programShape.test(code);
}

// `fetch(` is the global function of a script, not a method of some object (`$store->fetch(`,
// `ENV.fetch(`, `cursor.fetch(`).
const networkScript =
  /\bimport\s+(?:socket|requests|http|urllib|httpx|aiohttp)\b|require\(\s*['"](?:node:)?(?:http|https|net|axios)['"]\s*\)|(?<![.>:$\w])fetch\(|\bsocket\.(?:socket|create_connection)\(|\brequests\.(?:get|post|put|request)\(/;

// The text a step list follows within its own section, at most 600 characters back. A section
// starts at a heading, or at a line that is only a field label the report parser did not read as
// one ("🛡️ Recommended Fix:" in plain text): the list after it is what that label says, not the
// "Proof of Concept:" a few lines above.
function readLeadIn(text: string, offset: number): string {
  const window = text.slice(Math.max(0, offset - 600), offset);
  const heading = window.lastIndexOf('\n#');
  const section = heading === -1 ? window : window.slice(heading);
  const lines = section.split('\n');
  for (let index = lines.length - 1; index > 0; index--) {
    const line = lines[index]!.trim();
    if (!line.endsWith(':') || line.length > 60) continue;
    if (mapHeadingToField(line) !== null) return lines.slice(index).join('\n');
  }
  return section;
}

const reproductionCues = new RegExp(reproductionCue.source, 'giu');

/**
 * Whether a reproduction cue leads in to the list at `start` (in section `field`). A list in a
 * known section of another kind ("Remediation:" after a "Proof of Concept:" that only says the PoC
 * is available upon request) is not led in by a cue of an earlier section, however the sections
 * are written.
 */
function hasReproductionLeadIn(
  sink: FactSink,
  text: string,
  start: number,
  field: string | null,
): boolean {
  const leadIn = readLeadIn(text, start);
  if (field === null) return reproductionCue.test(leadIn);
  const leadInStart = start - leadIn.length;
  for (const cue of leadIn.matchAll(reproductionCues)) {
    if (sink.fieldAt(leadInStart + cue.index) === field) return true;
  }
  return false;
}

// A plain-text report's bare heading line right above the list ("Steps", "How to reproduce", no
// colon, no markup): the parser reads no section there, but the line says what the list is.
const maxBareHeadingLength = 40;

function hasBareReproductionHeading(text: string, start: number): boolean {
  const from = Math.max(0, start - 120);
  const lines = text.slice(from, start).split('\n');
  lines.pop(); // the list's own line starts at `start`: the last piece is empty
  let blanks = 0;
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '' && blanks < 3) {
    lines.pop();
    blanks += 1;
  }
  // A first piece cut off by the window is not a whole line.
  const heading = lines.length > (from === 0 ? 0 : 1) ? lines[lines.length - 1]!.trim() : '';
  return (
    heading !== '' &&
    heading.length <= maxBareHeadingLength &&
    mapHeadingToField(heading) === 'reproduction'
  );
}

function addStepRun(
  sink: FactSink,
  text: string,
  run: Array<{ start: number; end: number }>,
): void {
  if (run.length < 2) return;
  const start = run[0]!.start;
  const field = sink.fieldAt(start);
  // A list in a fix or remediation section ("Recommended Fix: 1. Remove ...") is what to change,
  // not how to reproduce, even when a "Proof of Concept:" label stands a few lines above it (label
  // renderings have no heading to stop the lead-in at).
  const isReproduction =
    field === 'reproduction' ||
    (field !== 'proposed-patch' && hasReproductionLeadIn(sink, text, start, field)) ||
    (field === null && hasBareReproductionHeading(text, start));
  if (isReproduction)
    sink.add('reproduction-steps', `${run.length} steps`, start, run[run.length - 1]!.end);
}

function addSteps(sink: FactSink, text: string): void {
  let run: Array<{ start: number; end: number }> = [];
  let previous = 0;
  // Line patterns start at "\n" (a literal the regex engine can skip to); a leading "\n" makes
  // the first line count too, and every match index is then the index of the line in `text`.
  forEachMatch(stepPattern, `\n${text}`, (match) => {
    const number = Number(match[1]);
    const item = { start: match.index, end: match.index + match[0].length - 1 };
    const last = run[run.length - 1];
    const isNext =
      last !== undefined &&
      number === previous + 1 &&
      !/\n#{1,6}[ \t]/.test(text.slice(last.end, item.start));
    if (!isNext) {
      addStepRun(sink, text, run);
      run = number === 1 ? [item] : [];
    } else {
      run.push(item);
    }
    previous = number;
  });
  addStepRun(sink, text, run);
}

// Numbered steps run into a paragraph right after a lead-in that names the reproduction and ends
// in a colon ("Reproduction with a modified server (patch attached): 1. Start it ... 2. Connect
// ..."): the one-paragraph form of a list such a lead-in introduces. Two steps at least, each
// within `maxInlineStepGap` characters of the one before.
const inlineFirstStep = /:[ \t]{1,4}1[.)][ \t]+\S/g;
const maxInlineStepGap = 300;
const maxInlineLeadIn = 200;

const inlineStepMarker = /[ \t](\d{1,2})[.)][ \t]+\S/g;

/** Where step `number` starts within `maxInlineStepGap` characters after `from`, or -1. */
function findInlineStep(prose: string, from: number, number: number): number {
  const window = prose.slice(from, from + maxInlineStepGap);
  let found = -1;
  forEachMatch(inlineStepMarker, window, (match) => {
    if (found === -1 && Number(match[1]) === number) found = from + match.index + 1;
  });
  return found;
}

function addInlineStepsAfterCue(sink: FactSink, prose: string): void {
  forEachMatch(inlineFirstStep, prose, (match) => {
    const before = prose.slice(Math.max(0, match.index - maxInlineLeadIn), match.index);
    const leadIn = before.slice(Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n')) + 1);
    if (!reproductionCue.test(leadIn)) return;
    const start = match.index + match[0].length - 3;
    // In a reproduction section the inline steps are read with the section's commands.
    if (sink.fieldAt(start) === 'reproduction') return;
    let count = 1;
    let at = start;
    for (let next = findInlineStep(prose, at + 2, 2); next !== -1;) {
      count += 1;
      at = next;
      next = findInlineStep(prose, at + 2, count + 1);
    }
    if (count < 2 || sink.hasFactIn('reproduction-steps', start, at)) return;
    sink.add('reproduction-steps', `${count} steps`, start, at + 2);
  });
}

/** True when every line of a block is an HTTP header (`Forwarded: for="..."`): a payload, not steps. */
export function isHeaderPayload(content: string): boolean {
  const lines = content.split('\n', 50).map((line) => line.trim());
  const written = lines.filter((line) => line !== '');
  return written.length > 0 && written.every((line) => headerOnlyLine.test(line));
}

/** The first line of a shell block in a reproduction section, unless the block is only headers. */
function readSectionCommand(content: string): RegExpExecArray | null {
  return isHeaderPayload(content) ? null : anyLine.exec(`\n${content}`);
}

function addBlockCommands(sink: FactSink, body: string, blocks: readonly CodeBlock[]): void {
  for (const block of blocks) {
    const content = body.slice(block.contentStart, block.contentEnd);
    if (shellInfos.has(block.info)) {
      // In a reproduction section the first line of a shell block is the command, whatever it
      // runs; anywhere, a line behind a `$ ` prompt is one.
      const command =
        blockCommand.exec(`\n${content}`) ??
        promptLine.exec(`\n${content}`) ??
        (sink.fieldAt(block.start) === 'reproduction' ? readSectionCommand(content) : null);
      if (command !== null) {
        const line = command[0].trim();
        const start = block.contentStart + command.index + command[0].indexOf(line) - 1;
        sink.add('reproduction-steps', 'command', start, start + line.length);
      }
    } else if (
      scriptInfos.has(block.info) &&
      (sink.fieldAt(block.start) === 'reproduction' || networkScript.test(content))
    ) {
      sink.add('reproduction-steps', 'script', block.start, block.end);
    }
  }
}

// In a reproduction section of plain text (no fences), a line that is a command or code is a
// step: `  gcc -g getbuf.c -lexpat`, `  valgrind ./getbuf < sample.xml`, `strip_tags("<a" * 9)`.
const sectionCommandLine = new RegExp(
  String.raw`\n[ \t]*(?:\$[ \t]+|>>>[ \t]+)?(?:${commandStart}(?![\w-])|(?:cmake|ninja|podman|kubectl|npm|yarn|pnpm|pip3?|cargo|go|rustc|ab|wrk|slowhttptest|strace|ltrace|django-admin|manage\.py)[ \t]|[A-Za-z_][\w.]*[ \t]*=[ \t]*\S|[A-Za-z_][\w.]*\([^)\n]*\)|from[ \t]+[\w.]{1,60}[ \t]+import[ \t]|import[ \t]+[A-Za-z_])[^\n]*`,
  'g',
);
// The same inside running text, when a reproduction was written as one paragraph: a prompt, a
// program run from the current folder, an #include, or a common tool with arguments.
const inlineSectionCommand =
  /(?:^|[\s:;])(\$[ \t]+[\w./-]+[^\n]{0,80}|\.\/[\w.-]+|#include\s*<[\w./]+>|(?:curl|wget|python3?|node|gcc|cc|clang|xmlwf|jq|h2load|java|mvn)[ \t]+-{0,2}[\w'"./-][^\n]{0,80}|(?:const|let|var|import|def|require)[ \t]+[\w{$][^\n]{0,80}|await[ \t]+[\w$.]+\(|[A-Za-z_$][\w$.]{0,60}\([^()\n]{0,200}\)|1[.)][ \t]+\S[^\n]{0,200}?[ \t]2[.)][ \t]+\S)/g;
// A command quoted as inline code in a reproduction section's running text, a program and its
// arguments: "Reproduction: `cargo run --release --example frag1` from the branch ...".
const inlineCodeCommand = new RegExp(String.raw`\`(${commandStart}[ \t]+[^\`\n]{1,160})\``, 'g');
// A command the sentence says is withheld runs nothing here: "A weaponised exploit (`go run
// poc.go`) is available upon request once the severity is confirmed".
const withheldInSentence =
  /\b(?:up)?on[ \t]+request\b|\bwill[ \t]+(?:share|send|provide|release|disclose)\b|\b(?:can|could|happy[ \t]+to)[ \t]+(?:share|send|provide)\b|\bonce[ \t]+(?:the[ \t]+)?(?:severity|bounty|cve|reward|payment)\b|\bafter[ \t]+(?:the[ \t]+)?(?:bounty|payment|reward)\b|\bwithh[eo]ld\w*/i;

// A Python import run into the paragraph: `from module import name`, never a sentence that
// starts with "from" ("from another machine:").
const inlinePythonImport = /(?:^|[\s:;])(from[ \t]+[\w.]{1,60}[ \t]+import[ \t][^\n]{0,80})/g;
const importAfterFrom = /\bfrom[ \t]+[\w.]{1,60}[ \t]+$/;
// Source code run into prose (fences dropped): two statement-like constructs close together.
const codeStatement =
  /\b(?:const|let|var)[ \t]+[\w{[][^=\n]{0,40}=|\bawait[ \t]+[\w$.]+\(|\brequire\(\s*['"]|\bimport[ \t]+[\w{*]|\bfrom[ \t]+[\w.]+[ \t]+import\b|=>[ \t]*[{(\w]|\bdef[ \t]+\w+\(|\bfunction[ \t]*\w*\(/g;
// PHP's statements too: a call on the caller's variable (`$mail->send(`), an object or a static
// call assigned (`$m = new Mailer(`, `$l = Mailer::parse(`), a read of the request (`$_GET['doc']`).
const phpStatement =
  /\$(?!this\b)[A-Za-z_]\w{0,40}(?:->[A-Za-z_]\w{0,40}\(|[ \t]?=[ \t]?(?:new[ \t][A-Za-z_\\][\w\\]{0,80}\(|[A-Za-z_][\w\\]{0,80}::\w{1,60}\())|\$_(?:GET|POST|REQUEST|COOKIE|FILES)\[/g;
const maxStatementGap = 300;
// Anywhere in the prose: a common tool run with a flag or a quoted argument ("node --permission
// app.js", "curl -v 'http://...'"), as hurried reporters paste commands into their text.
const proseCommand =
  /(?:^|[\s:;(])((?:sudo[ \t]+)?(?:curl|wget|node|python3?|nc|ncat|openssl|gcc|clang|xmlwf|jq|java|mvn|ant|h2load|printf|perl|ruby|php)[ \t]+(?:-{1,2}[A-Za-z][\w-]*|['"])[^\n]{0,80})/g;

// A C declaration (`uint8_t frame[512];`, `char *p = ...`, `struct msg m;`): the call beside it is
// a statement of a C fragment, which without an entry point or `#include` is not run as shown.
const cDeclaration =
  /\b(?:u?int(?:8|16|32|64)_t|char|unsigned|size_t|ssize_t|int|long|struct[ \t]+\w+)[ \t]+\*?[A-Za-z_]\w*(?:[ \t]*\[[^\]\n]{0,20}\])?[ \t]*[;=]/;
const fragmentWindow = 200;

/** The call at `start` is a statement of a C fragment without an entry point, shown in prose. */
function isInCompiledFragment(prose: string, start: number, end: number): boolean {
  const around = prose.slice(Math.max(0, start - fragmentWindow), end + fragmentWindow);
  return cDeclaration.test(around) && !programShape.test(around);
}

// A shell prompt run into one paragraph with the text before it (fences and line breaks dropped):
// `... opens the page. $ caddy version v2.7.6 ...`. After the end of a sentence, a colon or a
// closing brace, `$ ` and a lower-case program name is a typed command, as on its own line.
const promptInRunningText =
  /(?:^|[.!?:;}][ \t]+)(\$[ \t]+[a-z./][\w./-]{0,40}(?:[ \t][^\n]{0,80})?)/g;
// A reproduction section that opens with a program and an option (`nats --user admin ...`,
// `mytool -v input.bin`): the section is that command, whatever the program is called.
const programWithOption =
  /^[a-z][\w.+-]{0,30}(?:[ \t]+[\w./:=-]{1,40}){0,2}[ \t]+--?[A-Za-z][\w-]*[^\n]{0,80}/;

// The same command inside a reproduction written as one paragraph, right after a lead-in's colon
// or a step number ("from another machine: mosquitto_sub -h 10.0.0.5 -t '#'", "2. caddy run
// --config Caddyfile"): a program and an option is code, whatever the program is called.
const programWithOptionAfterLeadIn =
  /(?:[:][ \t]+|(?:^|[ \t])\d{1,2}[.)][ \t]+)([a-z][\w.+-]{0,30}(?:[ \t]+[\w./:=-]{1,40}){0,2}[ \t]+--?[A-Za-z][\w-]*[^\n]{0,80})/;

/** The report's reproduction sections: where each lies, and its text. */
function reproductionSections(
  prose: string,
  sections: readonly ReportSection[],
): Array<TextSpan & { text: string }> {
  return sections
    .filter(({ field }) => field === 'reproduction')
    .map(({ span }) => ({ ...span, text: prose.slice(span.start, span.end) }));
}

function addSectionOpeningCommand(
  sink: FactSink,
  prose: string,
  sections: readonly ReportSection[],
): void {
  for (const { text, ...span } of reproductionSections(prose, sections)) {
    const start = span.start + text.length - text.trimStart().length;
    const match = programWithOption.exec(prose.slice(start, span.end));
    if (match === null) continue;
    sink.add('reproduction-steps', 'command', start, start + match[0].trimEnd().length);
  }
}

// A request written out in a reproduction section's running text, its parts in inline code: the
// request line (`GET /`, `POST /upload HTTP/1.1`) and a header with the crafted value
// (`Range: bytes=0-5`, `Cookie: s="...`). Together they are the request to send, as a raw request
// block would be; a path or a header named alone is not.
const inlineRequestLine =
  /`(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)[ \t]+\/[^`\s]{0,200}(?:[ \t]+HTTP\/[\d.]{1,3})?`/;
const inlineHeaderLine = /`[A-Z][A-Za-z0-9-]{1,40}:[^`\n]{1,300}`/;

function addSectionRequest(
  sink: FactSink,
  prose: string,
  sections: readonly ReportSection[],
): void {
  for (const { text, ...span } of reproductionSections(prose, sections)) {
    const request = inlineRequestLine.exec(text);
    if (request === null || !inlineHeaderLine.test(text)) continue;
    const start = span.start + request.index + 1;
    sink.add('reproduction-steps', 'request', start, start + request[0].length - 2);
  }
}

/** The first such command of a reproduction section in which no other rule found a step. */
function addLeadInCommand(sink: FactSink, prose: string, sections: readonly ReportSection[]): void {
  for (const { text, ...span } of reproductionSections(prose, sections)) {
    if (sink.hasFactIn('reproduction-steps', span.start, span.end)) continue;
    const match = programWithOptionAfterLeadIn.exec(text);
    if (match === null) {
      addInlineCodeCommand(sink, text, span.start);
      continue;
    }
    const start = span.start + match.index + match[0].length - match[1]!.length;
    sink.add('reproduction-steps', 'command', start, start + match[1]!.trimEnd().length);
  }
}

/** The first command quoted as inline code in a section's `text` that the sentence does not withhold. */
function addInlineCodeCommand(sink: FactSink, text: string, offset: number): void {
  inlineCodeCommand.lastIndex = 0;
  for (let match = inlineCodeCommand.exec(text); match !== null;) {
    const start = match.index + 1;
    const end = start + match[1]!.length;
    if (!withheldInSentence.test(readSentence(text, start))) {
      sink.add('reproduction-steps', 'command', offset + start, offset + end);
      return;
    }
    match = inlineCodeCommand.exec(text);
  }
}

function addSectionCommands(sink: FactSink, prose: string): void {
  forEachMatch(sectionCommandLine, `\n${prose}`, (match) => {
    const line = match[0].trim();
    const start = match.index + match[0].indexOf(line) - 1;
    if (sink.fieldAt(start) !== 'reproduction') return;
    sink.add('reproduction-steps', 'command', start, start + line.length);
  });
  forEachMatch(inlineSectionCommand, prose, (match) => {
    const start = match.index + match[0].length - match[1]!.length;
    if (sink.fieldAt(start) !== 'reproduction') return;
    const isCall = /^[A-Za-z_$][\w$.]{0,60}\(/.test(match[1]!);
    if (isCall && isInCompiledFragment(prose, start, start + match[1]!.length)) return;
    // The `import name` of `from module import name` is read whole below.
    if (
      match[1]!.startsWith('import') &&
      importAfterFrom.test(prose.slice(Math.max(0, start - 80), start))
    )
      return;
    sink.add('reproduction-steps', 'command', start, start + match[1]!.length);
  });
  forEachMatch(inlinePythonImport, prose, (match) => {
    const start = match.index + match[0].length - match[1]!.length;
    if (sink.fieldAt(start) !== 'reproduction') return;
    sink.add('reproduction-steps', 'command', start, start + match[1]!.length);
  });
  const statements: Array<{ start: number; end: number }> = [];
  for (const pattern of [codeStatement, phpStatement]) {
    forEachMatch(pattern, prose, (match) => {
      statements.push({ start: match.index, end: match.index + match[0].length });
    });
  }
  statements.sort((first, second) => first.start - second.start);
  let previous = -Infinity;
  for (const statement of statements) {
    if (statement.start - previous <= maxStatementGap) {
      sink.add('reproduction-steps', 'script', previous, statement.end);
      previous = -Infinity;
    } else previous = statement.start;
  }
  forEachMatch(proseCommand, prose, (match) => {
    const start = match.index + match[0].length - match[1]!.length;
    sink.add('reproduction-steps', 'command', start, start + match[1]!.length);
  });
}

// A plain-text transcript or test case indented under a lead-in ("Transcript:", "Test case (two
// clients):"): lines indented by 4+ spaces or a tab, at least one behind a prompt (`$ `, `# `,
// `>>> `, `127.0.0.1:6379> `, `client A> `, `mysql> `). A prompt says the lines were typed, and
// the lead-in or a second prompt says they are the way to the bug.
const indentedRun = /(?:\n(?:[ ]{4}|\t)[^\n]*){2,}/g;
const indentedPrompt =
  /\n(?:[ ]{4,}|\t+)(?:\$|#|>>>|[\w.:@-]{1,40}(?:[ \t][\w.-]{1,20})?>)[ \t]+\S[^\n]*/g;
const transcriptLeadIn =
  /\b(?:transcript|test[\s-]?case|session|reprodu\w*|riprodu\w*|transkript|schritte|repro|steps?|PoC|proof\s+of\s+concept|commands?|run\s+in\s+order|to\s+trigger)\b[^\n]*:[ \t]*$/i;

// The same transcript run into one paragraph: a lead-in ending in ":" right before a prompt
// that runs an upper-case command (`127.0.0.1:6379> EVAL ...`, `client A> HSET ...`).
const inlinePrompt =
  /(?:^|[\s:])((?:\d{1,3}(?:\.\d{1,3}){3}|localhost|[a-z][\w-]{0,30}(?:[ \t][A-Z0-9])?)(?::\d{1,5})?>[ \t]+[A-Z]{2,}\b[^\n]{0,80})/g;

function addInlineTranscripts(sink: FactSink, prose: string): void {
  forEachMatch(inlinePrompt, prose, (match) => {
    const start = match.index + match[0].length - match[1]!.length;
    const leadIn = prose.slice(Math.max(0, start - 120), start).trimEnd();
    if (!transcriptLeadIn.test(leadIn.slice(leadIn.lastIndexOf('\n') + 1))) return;
    sink.add('reproduction-steps', 'command', start, start + match[1]!.length);
  });
}

function addIndentedTranscripts(sink: FactSink, prose: string): void {
  const text = `\n${prose}`;
  forEachMatch(indentedRun, text, (run) => {
    const prompts = [...run[0].matchAll(indentedPrompt)];
    if (prompts.length === 0) return;
    const before = text.slice(Math.max(0, run.index - 300), run.index).trimEnd();
    const leadIn = before.slice(before.lastIndexOf('\n') + 1);
    if (prompts.length < 2 && !transcriptLeadIn.test(leadIn)) return;
    const first = prompts[0]!;
    const line = first[0].trim();
    const start = run.index + first.index + first[0].indexOf(line) - 1;
    sink.add('reproduction-steps', 'command', start, start + line.length);
  });
}

// One command indented by itself under a reproduction lead-in ("To reproduce:", "Steps:") or the
// verb of running it ("Running"), with no fence and no prompt: `    ./readrgba16 gray16-wide.png`. The lead-in says it is the way to
// the bug; the line must read as code (a path, a flag, a file name, an operator), not a sentence.
const indentedLine = /\n(?:[ ]{4,}|\t+)(\S[^\n]{0,200})(?=\n[ \t]*\n|\n?$)/g;
// A lead-in that is the verb of running the line below it ("Running", "Just run", "I executed"),
// the sentence going on after the command: the line is what was run.
const runLeadIn =
  /(?:^|[\s,;])(?:run|running|ran|execut(?:e|ing|ed)|invok(?:e|ing|ed)|launch(?:ing|ed)?)[ \t]*:?$/i;
const codeLike = /[/<>=()$|`\\]|(?:^|\s)--?[A-Za-z]|\.[A-Za-z][\w]{0,4}(?:\s|$)/;
const sentenceEnd = /[.!?:]$/;

/** The line that ends where `at` (a line break) starts. */
function readLineBefore(text: string, at: number): string {
  return text.slice(text.lastIndexOf('\n', at - 1) + 1, at);
}

function addIndentedCommand(sink: FactSink, prose: string): void {
  const text = `\n${prose}`;
  forEachMatch(indentedLine, text, (match) => {
    // Alone: the line above is not part of an indented run (those are transcripts, above).
    if (/^(?:[ ]{4}|\t)\S/.test(readLineBefore(text, match.index))) return;
    const line = match[1]!.trimEnd();
    if (!codeLike.test(line) || sentenceEnd.test(line)) return;
    const before = text.slice(Math.max(0, match.index - 300), match.index).trimEnd();
    const leadIn = before.slice(before.lastIndexOf('\n') + 1);
    if (!transcriptLeadIn.test(leadIn) && !runLeadIn.test(leadIn)) return;
    const start = match.index + match[0].length - match[1]!.length - 1;
    sink.add('reproduction-steps', 'command', start, start + line.length);
  });
}

/**
 * A program in C (or another compiled language) beside a sanitizer's report of its run reproduces
 * the bug: the reporter wrote it, built it and ran it. Either alone does not make a step (a lone
 * trace counts for the reproduction item on its own, docs/verdicts.md; a lone snippet may be
 * quoted source). The block must look like a driver (`main`, a fuzz target, `#include`s), and an
 * unlabelled block counts only when it has that shape and is not the trace itself.
 */
function addProgramWithTrace(sink: FactSink, body: string, blocks: readonly CodeBlock[]): void {
  if (!hasSanitizerError(body)) return;
  for (const block of blocks) {
    const info = block.info.toLowerCase();
    if (info !== '' && !programInfos.has(info)) continue;
    const content = body.slice(block.contentStart, block.contentEnd);
    if (!programShape.test(content) || hasSanitizerError(content)) continue;
    sink.add('reproduction-steps', 'program', block.start, block.end);
    return;
  }
}

export function extractReproductionFacts(
  sink: FactSink,
  body: string,
  prose: string,
  blocks: readonly CodeBlock[],
  sections: readonly ReportSection[] = [],
): void {
  addSteps(sink, prose);
  addBlockCommands(sink, body, blocks);
  addProgramWithTrace(sink, body, blocks);
  addSectionCommands(sink, prose);
  addIndentedTranscripts(sink, prose);
  addIndentedCommand(sink, prose);
  addInlineTranscripts(sink, prose);
  addSectionOpeningCommand(sink, prose, sections);
  addSectionRequest(sink, prose, sections);
  addInlineStepsAfterCue(sink, prose);
  forEachMatch(promptInRunningText, prose, (match) => {
    const start = match.index + match[0].length - match[1]!.length;
    sink.add('reproduction-steps', 'command', start, start + match[1]!.trimEnd().length);
  });
  forEachMatch(promptCommand, `\n${prose}`, (match) => {
    const line = match[0].trim();
    const start = match.index + match[0].indexOf(line) - 1;
    sink.add('reproduction-steps', 'command', start, start + line.length);
  });
  forEachMatch(inlineCommand, prose, (match) => {
    sink.add('reproduction-steps', 'command', match.index + 1, match.index + 1 + match[1]!.length);
  });
  addAttachedProofOfConcept(sink, prose);
  // Last: only where every other rule found nothing.
  addLeadInCommand(sink, prose, sections);
  addCueSentenceCall(sink, prose);
}

// A proof of concept the report says it attached: "Our PoC (24 lines, attached to the advisory)
// runs ...", "the exploit script is attached", "reproducer attached as `poc.js`". The maintainer
// has it, as they have a script pasted into the text. The proof of concept is named in the 60
// characters of the clause before "attached".
const attachedWord = /\battached\b/gi;
const proofOfConceptWord =
  /\b(?:pocs?|exploits?|reproducers?|proof[ \t-]of[ \t-]concept|test[ \t]?cases?)\b/i;
const attachmentReach = 60;
const pictureWord =
  /\b(?:screenshots?|screen[ \t]captures?|images?|pictures?|photos?|videos?|recordings?|gifs?)\b/i;
// "not attached", "could not be attached", "have not attached": the clause says it is not there.
const deniedAttachment = /\b(?:not|never|n't|no|cannot|unable)\b/i;
// "will be attached", "can be attached later": only promised.
const promisedAttachment = /\b(?:will|would|shall|to|can|could|may|might)[ \t]+be[ \t]+$/i;

function addAttachedProofOfConcept(sink: FactSink, prose: string): void {
  forEachMatch(attachedWord, prose, (match) => {
    const before = prose.slice(Math.max(0, match.index - attachmentReach), match.index);
    const clause = before.slice(
      Math.max(
        before.lastIndexOf('\n'),
        ...['.', '!', '?'].map((stop) => before.lastIndexOf(`${stop} `)),
      ) + 1,
    );
    // In a reproduction section where no other rule found a step, whatever it attaches is the
    // reproduction ("Script and wrangler config attached (`jwks-race.zip`)", "a patched s_server
    // (patch attached: ...)"), except a picture of it. Beside steps, an attached patch is the fix.
    const named =
      proofOfConceptWord.exec(clause) ??
      (sink.fieldAt(match.index) === 'reproduction' &&
      !pictureWord.test(clause) &&
      !sink.hasFactIn('reproduction-steps', 0, prose.length)
        ? /\S/.exec(clause)
        : null);
    if (named === null) return;
    const sentence = readSentence(prose, match.index);
    if (deniedAttachment.test(sentence.slice(0, sentence.lastIndexOf(match[0])))) return;
    if (promisedAttachment.test(clause) || withheldInSentence.test(sentence)) return;
    const start = match.index - clause.length + named.index;
    sink.add('reproduction-steps', 'attached', start, match.index + match[0].length);
  });
}

// A sentence of running prose that opens with a reproduction cue: "To reproduce, configure ...",
// "Reproduction with express 5.1.0 and ejs 6.0.1: an app with app.set(...)".
const cueSentenceStart =
  /(?:^|[.!?][ \t]+|\n)(?:to[ \t]+reproduce\b|steps[ \t]+to[ \t]+reproduce\b|reproduction\b(?:[^.:\n]|\.(?=\d)){0,60}:|repro(?:duce)?:)/gi;
// A call with arguments written as code: `app.set('view engine','ejs')`, `new Socket("wss://…").connect()`.
const codeCallInSentence =
  /(?:\bnew[ \t]+)?[A-Za-z_$][\w$]{0,40}(?:\.[A-Za-z_$][\w$]{0,40}){0,4}\([^()\n]{1,200}\)/;
const maxCueSentenceLength = 600;

/**
 * Where no other rule found a step: a reproduction told in one sentence of prose that opens with
 * a cue and writes a call as code ("To reproduce, serve a page that opens new
 * Socket("wss://app.example.com/socket").connect()") is a command. Not when the sentence
 * withholds it.
 */
function addCueSentenceCall(sink: FactSink, prose: string): void {
  if (sink.hasFactIn('reproduction-steps', 0, prose.length)) return;
  forEachMatch(cueSentenceStart, prose, (match) => {
    if (sink.hasFactIn('reproduction-steps', 0, prose.length)) return;
    const from = match.index + match[0].length;
    const end = findSentenceEnd(prose, from, maxCueSentenceLength);
    const sentence = prose.slice(from, end);
    const call = codeCallInSentence.exec(sentence);
    if (call === null || withheldInSentence.test(sentence)) return;
    const start = from + call.index;
    sink.add('reproduction-steps', 'command', start, start + call[0].length);
  });
}
