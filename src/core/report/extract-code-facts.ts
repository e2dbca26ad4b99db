// Reads fenced code blocks: a `code-block` fact each, unified diffs (fenced or pasted raw) with the
// files and functions they touch, environment settings in shell PoCs and the scripts they run from
// an examples or test folder (`cd examples && python server.py`). Other code is not prose.

import type { CodeBlock } from './find-code-blocks.js';
import type { FactSink } from './create-fact-sink.js';
import { normaliseFilePath } from './is-likely-file-path.js';
import { forEachMatch } from './for-each-match.js';
import { shellInfos } from './shell-infos.js';
import { extractApiCallFacts } from './extract-api-call-facts.js';
import { extractCommandSwitchFacts } from './extract-command-switch-facts.js';
import { extractEnabledSettingFacts } from './extract-enabled-setting-facts.js';
import { extractCodeSettingFacts, isLibraryCode } from './extract-code-setting-facts.js';
import { extractCodeCallbackFacts } from './extract-code-callback-facts.js';
import { findSupportFolderRuns } from './find-support-folder-runs.js';

const diffInfos = new Set(['diff', 'patch', 'udiff']);

const diffFileLine = /^(?:\+\+\+|---)[ \t]+(?:[ab]\/)?([^\s]+)/gm;
const diffHeaderLine = /^diff --git a\/(\S+) b\/(\S+)/m;
// Bounded repeats: a hunk header is one short line, and a long one must not cost quadratic time.
const hunkFunction =
  /^@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@[ \t]*(?:[\w \t*&:<>,]{0,120}?[ \t*&])?([A-Za-z_~][\w:~]{0,100})[ \t]*\(/gm;
const diffContinuation = /^(?:[ +\-\\]|@@|diff |index )/;
const rawDiffStart =
  /^(?:diff --git [^\n]*\n(?:[^\n]*\n){0,3}?)?--- [^\n]+\n\+\+\+ [^\n]+\n@@ -\d/gm;

// `export NAME=...` or `NAME=value NAME2=value command` at the start of a shell line.
const exportPattern = /\n[ \t]*(?:\$[ \t]+)?(export[ \t]+([A-Za-z_][A-Za-z0-9_]*)=[^\n]*)/g;
const prefixPattern =
  /\n[ \t]*(?:\$[ \t]+)?(?:sudo[ \t]+(?:-E[ \t]+)?|env[ \t]+)?((?:[A-Za-z_][A-Za-z0-9_]*=(?:"[^"\n]*"|'[^'\n]*'|[^\s'"]*)[ \t]+)+)(?=[\w./~$"'])/g;
const assignment = /(?<![A-Za-z0-9_])([A-Za-z_][A-Za-z0-9_]*)=(?:"[^"\n]*"|'[^'\n]*'|[^\s'"]*)/g;
const debugSetting =
  /(?<![\w-])((?=[A-Z0-9_]*DEBUG)[A-Z0-9_]+)=["']?(?:1|[Tt]rue|TRUE|[Yy]es|[Oo]n)\b|(?<![\w-])(?:NODE_ENV|RAILS_ENV|APP_ENV|FLASK_ENV)=["']?development\b/g;
// Build, sanitizer and locale settings in a PoC say nothing about what an attacker controls.
const toolingVariables =
  /^(?:CC|CXX|CPP|CFLAGS|CXXFLAGS|CPPFLAGS|LDFLAGS|LIBS|MAKEFLAGS|AR|LD|[A-Z]SAN_OPTIONS|RUST_BACKTRACE|RUST_LOG|GOFLAGS|GOOS|GOARCH|CGO_ENABLED|LANG|LC_[A-Z]+|TERM|TZ|PORT|HOST|PREFIX|DESTDIR|JOBS|NPROC|VERBOSE|V|CI)$/;

function isDebugVariable(name: string, value: string): boolean {
  return (
    /DEBUG/.test(name) ||
    (/^(?:NODE_ENV|RAILS_ENV|APP_ENV|FLASK_ENV)$/.test(name) && /development/.test(value))
  );
}

function findDiffTarget(diff: string): string {
  const header = diffHeaderLine.exec(diff);
  if (header !== null) return normaliseFilePath(header[2]!);
  let target = '';
  let fallback = '';
  forEachMatch(diffFileLine, diff, (match) => {
    const path = match[1]!;
    if (path === '/dev/null' || target !== '') return;
    if (match[0].startsWith('+++')) target = normaliseFilePath(path);
    else fallback ||= normaliseFilePath(path);
  });
  return target || fallback;
}

function addDiff(
  sink: FactSink,
  body: string,
  start: number,
  end: number,
  contentStart: number,
): void {
  const diff = body.slice(contentStart, end);
  sink.add('diff', findDiffTarget(diff) || 'unknown', start, end);
  forEachMatch(diffFileLine, diff, (match) => {
    const path = match[1]!;
    if (path === '/dev/null') return;
    const pathStart = contentStart + match.index + match[0].length - path.length;
    sink.add('file-path', normaliseFilePath(path), pathStart, pathStart + path.length);
  });
  forEachMatch(hunkFunction, diff, (match) => {
    const nameStart = contentStart + match.index + match[0].lastIndexOf(match[1]!);
    sink.add('function', match[1]!, nameStart, nameStart + match[1]!.length);
  });
}

function isDiff(block: CodeBlock, content: string): boolean {
  if (diffInfos.has(block.info)) return true;
  return /^@@ -\d/m.test(content) && /^(?:\+\+\+ |diff --git )/m.test(content);
}

function addEnvironment(sink: FactSink, content: string, offset: number): void {
  forEachMatch(debugSetting, content, (match) => {
    sink.add(
      'requires-config',
      'debug',
      offset + match.index,
      offset + match.index + match[0].length,
    );
  });
  const add = (name: string, value: string, start: number, end: number): void => {
    if (isDebugVariable(name, value) || toolingVariables.test(name)) return;
    sink.add('attacker-controls', 'environment', offset + start, offset + end);
  };
  // Line patterns start at "\n"; one is put before the content, hence the `- 1`s.
  const lined = `\n${content}`;
  forEachMatch(exportPattern, lined, (match) => {
    const statement = match[1]!.trimEnd();
    const start = match.index + match[0].length - match[1]!.length - 1;
    add(match[2]!, statement, start, start + statement.length);
  });
  forEachMatch(prefixPattern, lined, (match) => {
    const prefixStart = match.index + match[0].length - match[1]!.length - 1;
    for (const part of match[1]!.matchAll(assignment)) {
      add(part[1]!, part[0], prefixStart + part.index, prefixStart + part.index + part[0].length);
    }
  });
}

function addRawDiffs(sink: FactSink, text: string): void {
  forEachMatch(rawDiffStart, text, (match) => {
    const hunkLineEnd = text.indexOf('\n', match.index + match[0].length);
    let end = hunkLineEnd === -1 ? text.length : hunkLineEnd;
    // Extend over the hunks: context, added and removed lines, further hunks and file headers.
    while (end < text.length) {
      const lineEnd = text.indexOf('\n', end + 1);
      const line = text.slice(end + 1, lineEnd === -1 ? text.length : lineEnd);
      if (!diffContinuation.test(line)) break;
      end = lineEnd === -1 ? text.length : lineEnd;
    }
    addDiff(sink, text, match.index, end, match.index);
  });
}

export function extractCodeFacts(
  sink: FactSink,
  body: string,
  prose: string,
  blocks: readonly CodeBlock[],
  profileSettings: readonly string[] = [],
): void {
  const callerCode: CodeBlock[] = [];
  for (const block of blocks) {
    sink.add('code-block', block.info || 'text', block.start, block.end);
    const content = body.slice(block.contentStart, block.contentEnd);
    if (isDiff(block, content)) {
      addDiff(sink, body, block.start, block.end, block.contentStart);
      continue;
    }
    callerCode.push(block);
    if (shellInfos.has(block.info)) {
      addEnvironment(sink, content, block.contentStart);
      for (const run of findSupportFolderRuns(content, block.contentStart)) {
        sink.add('file-path', run.path, run.start, run.end);
      }
    }
  }
  if (prose.includes('\n+++ ')) addRawDiffs(sink, prose);
  // A diff is the project's own source, and so is a block its lead-in calls the library's; other
  // code may be the caller's, with its settings, calls and callbacks.
  const callersOwnCode = callerCode.filter(
    (block) => !isLibraryCode(prose, block.start, body.slice(block.contentStart, block.contentEnd)),
  );
  extractCodeSettingFacts(sink, prose, callersOwnCode, profileSettings);
  extractCommandSwitchFacts(sink, prose, callersOwnCode, profileSettings);
  extractEnabledSettingFacts(sink, prose, profileSettings);
  extractApiCallFacts(sink, prose, callersOwnCode);
  extractCodeCallbackFacts(sink, prose, callersOwnCode);
}
