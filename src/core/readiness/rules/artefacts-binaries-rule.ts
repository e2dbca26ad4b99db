// artefacts.binaries: no compiled binaries are committed; nobody can review them, and a build
// cannot be reproduced from them.

import { makeResult, type ReadinessRule } from '../readiness-rule.js';
import type { SnapshotFile } from '../../model/readiness.js';

const binaryExtensions = new Set([
  'exe',
  'dll',
  'so',
  'dylib',
  'jar',
  'war',
  'ear',
  'class',
  'pyc',
  'pyo',
  'o',
  'obj',
  'a',
  'lib',
  'elf',
  'deb',
  'rpm',
  'apk',
  'msi',
  'dmg',
  'iso',
  'wasm',
  'com',
  'sys',
  'drv',
  'efi',
  'ocx',
  'crx',
  'dex',
  'whl',
  'egg',
  'par',
  'macho',
  'bundle',
]);
/** Names that are usually text even without an extension. */
const textNames =
  /^(?:Makefile|Dockerfile|Containerfile|LICENSE|COPYING|NOTICE|AUTHORS|CODEOWNERS|README|CHANGELOG|Gemfile|Rakefile|Procfile|Vagrantfile|Jenkinsfile|BUILD|WORKSPACE|OWNERS)$/i;
const maxListed = 100;

function extensionOf(path: string): string {
  const name = path.split('/').at(-1) ?? '';
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** Extension-less files (outside dot-folders) are sniffed for executable headers. */
function shouldSniff(path: string): boolean {
  const name = path.split('/').at(-1) ?? '';
  return (
    extensionOf(path) === '' &&
    !textNames.test(name) &&
    !path.split('/').some((part) => part.startsWith('.'))
  );
}

function describeHead(head: Uint8Array | undefined): string | undefined {
  if (head === undefined || head.length < 4) return undefined;
  const [a, b, c, d] = head;
  if (a === 0x7f && b === 0x45 && c === 0x4c && d === 0x46) return 'ELF executable';
  if (a === 0x4d && b === 0x5a) return 'Windows (PE) executable';
  if ((a === 0xcf || a === 0xce) && b === 0xfa && c === 0xed && d === 0xfe)
    return 'Mach-O executable';
  if (a === 0xfe && b === 0xed && c === 0xfa && (d === 0xcf || d === 0xce))
    return 'Mach-O executable';
  if (a === 0xca && b === 0xfe && c === 0xba && d === 0xbe)
    return 'Mach-O universal binary or Java class';
  if (a === 0x00 && b === 0x61 && c === 0x73 && d === 0x6d) return 'WebAssembly module';
  return undefined;
}

function describeBinary(file: SnapshotFile): string | undefined {
  const extension = extensionOf(file.path);
  if (binaryExtensions.has(extension)) return `.${extension} file`;
  return describeHead(file.head);
}

export const artefactsBinariesRule: ReadinessRule = {
  id: 'artefacts.binaries',
  category: 'artefacts',
  title: 'No committed binaries',
  rule: {
    pass: 'No file has a binary extension (exe, dll, so, dylib, jar, class, pyc, o, a, wasm, whl, deb, rpm, msi ...) and no extension-less file starts with an ELF, PE, Mach-O or WebAssembly header.',
    warn: 'The only binary is a Gradle wrapper (gradle/wrapper/gradle-wrapper.jar), which should be checked against its published checksum.',
    fail: 'Any other binary is committed (each is listed).',
  },
  fix: 'Remove binaries from the repository and build them in CI from source (publish them as release assets with provenance instead).',
  anchors: ['Scorecard Binary-Artifacts'],
  reads: () => false,
  sniffs: shouldSniff,
  measures: (path) => binaryExtensions.has(extensionOf(path)),
  check(context) {
    const binaries = context.snapshot.files.flatMap((file) => {
      const what = describeBinary(file);
      return what === undefined ? [] : [{ file, what }];
    });
    if (binaries.length === 0)
      return [makeResult('pass', null, [], [`${context.snapshot.files.length} files, no binary`])];
    const results = binaries
      .slice(0, maxListed)
      .map(({ file, what }) =>
        /(?:^|\/)gradle-wrapper\.jar$/.test(file.path)
          ? makeResult(
              'warn',
              file.path,
              [],
              [
                `Gradle wrapper (${file.size ?? '?'} bytes); verify it against the published checksum`,
              ],
              'Add gradle/actions/wrapper-validation to CI.',
            )
          : makeResult('fail', file.path, [], [`${what}, ${file.size ?? '?'} bytes`]),
      );
    if (binaries.length > maxListed)
      results.push(
        makeResult('fail', null, [], [`and ${binaries.length - maxListed} more binaries`]),
      );
    return results;
  },
};
