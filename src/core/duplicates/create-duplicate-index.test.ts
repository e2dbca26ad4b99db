import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DuplicateDocument } from '../model/duplicate.js';
import { createDuplicateIndex } from './create-duplicate-index.js';
import { buildTestDuplicateDocument as doc } from '../../../test/support/build-test-duplicate-document.js';

const pkg = (name: string, versions: string[] = [], ecosystem = 'PyPI') => [
  { ecosystem, name, versions },
];

// Background: same products, boilerplate wording, different bugs.
const background: DuplicateDocument[] = [
  doc('bg-1', {
    title: 'Denial of service in request parsing',
    text: 'A crafted request causes excessive memory use in the server.',
    packages: pkg('webserver', ['fixed 2.0.1']),
  }),
  doc('bg-2', {
    title: 'Cross-site scripting in admin panel',
    text: 'User input in the admin panel is reflected without escaping.',
    packages: pkg('webserver', ['fixed 2.1.0']),
  }),
  doc('bg-3', {
    title: 'Path traversal in archive extraction',
    text: 'Entries with ../ in their names are written outside the target directory.',
    packages: pkg('unpacker', ['fixed 1.4.0']),
  }),
  doc('bg-4', {
    title: 'Integer overflow in image decoder',
    text: 'A large width field overflows the allocation size computation.',
    packages: pkg('imagelib', ['fixed 3.3.3']),
  }),
  doc('bg-5', {
    title: 'SQL injection in search endpoint',
    text: 'The order parameter is concatenated into the SQL query.',
    packages: pkg('shopapp', ['fixed 5.0.2']),
  }),
  doc('bg-6', {
    title: 'Heap overflow in header parsing',
    text: 'Long header lines overflow a fixed buffer.',
    packages: pkg('httpkit', ['fixed 0.9.1']),
  }),
];

function indexWith(docs: readonly DuplicateDocument[]) {
  const index = createDuplicateIndex();
  for (const d of docs) index.add(d);
  return index;
}

describe('createDuplicateIndex signals', () => {
  it('keeps two bugs of one function apart when they are different kinds of bug', () => {
    const recursion = doc('recursion', {
      title: 'Unbounded recursion in `stringmatchlen_impl()` from a long pattern',
      text: 'stringmatchlen_impl() calls itself for every star in src/util.c; the server segfaults on KEYS.',
      packages: pkg('redis', ['7.4.0'], ''),
      paths: ['src/util.c'],
      functions: ['stringmatchlen_impl'],
    });
    const overRead = doc('q', {
      title: 'Heap out-of-bounds read in `stringmatchlen_impl()` for a bracket range',
      text: 'stringmatchlen_impl() in src/util.c reads past the pattern for a class ending in a backslash; the server segfaults on PSUBSCRIBE.',
      packages: pkg('redis', ['7.4.1'], ''),
      paths: ['src/util.c'],
      functions: ['stringmatchlen_impl'],
    });
    const [top] = indexWith([...background, recursion]).query(overRead);
    expect(top?.id).toBe('recursion');
    expect(top?.isStrong).toBe(false);
    expect(top?.evidence).toContain('different kinds of bug (bounds / recursion)');
  });

  it('keeps two documents known by different CVEs apart even in one function', () => {
    const first = doc('first', {
      title: 'Use-after-free in `read_answers()`',
      text: 'read_answers() frees the connection (CVE-2025-0001).',
      aliases: ['CVE-2025-0001'],
      packages: pkg('c-lib', ['1.2.0'], ''),
      functions: ['read_answers'],
      paths: ['src/lib/read.c'],
    });
    const second = doc('q', {
      title: 'Use-after-free in `read_answers()`',
      text: 'read_answers() frees the connection again (CVE-2025-0002).',
      aliases: ['CVE-2025-0002'],
      packages: pkg('c-lib', ['1.2.0'], ''),
      functions: ['read_answers'],
      paths: ['src/lib/read.c'],
    });
    const [top] = indexWith([...background, first]).query(second);
    expect(top?.isStrong).toBe(false);
    expect(top?.evidence).toContain('known by different CVEs');
  });

  // Two bugs in one function read alike (same file, same title function, same version); a quoted
  // sanitizer report says how each fails: a write at one line is not a read at another.
  it('keeps two bugs of one function apart when their sanitizer reports disagree, and keeps a second finder', () => {
    const trace = (access: string, line: number): string =>
      `==1==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x61d0\n${access} of size 4 at 0x61d0 thread T0\n    #0 0x7f in decode_block src/lib/block.c:${line}\n    #1 0x7f in decode_all src/lib/block.c:1960`;
    const write = doc('write', {
      title: 'Heap buffer overflow in decode_block() with odd image offsets',
      text: `decode_block() in src/lib/block.c copies the last row past the tile buffer on 2.5.4.\n${trace('WRITE', 1795)}`,
      packages: pkg('imagecodec', ['2.5.4'], ''),
      paths: ['src/lib/block.c'],
      functions: ['decode_block', 'decode_all'],
    });
    const read = doc('q', {
      title: 'decode_block() reads past the block buffer when the block is huge',
      text: `The block size wraps and decode_block() in src/lib/block.c copies from a buffer that is too small on 2.5.4.\n${trace('READ', 1702)}`,
      packages: pkg('imagecodec', ['2.5.4'], ''),
      paths: ['src/lib/block.c'],
      functions: ['decode_block', 'decode_all'],
    });
    const [top] = indexWith([...background, write]).query(read);
    expect(top?.id).toBe('write');
    expect(top?.isStrong).toBe(false);
    expect(top?.isDistinctBug).toBe(true);
    expect(top?.evidence).toContain('different crashes (a read against a write)');
    // The same access at another line of the same function, on the same version: another bug.
    const otherLine = doc('q2', { ...read, id: 'q2', text: read.text.replace('READ', 'WRITE') });
    expect(indexWith([...background, write]).query(otherLine)[0]?.evidence).toContain(
      'different crashes (crashes at block.c:1702 / block.c:1795)',
    );
    // A second finder of the write, in other words, with the same crash: still one bug.
    const secondFinder = doc('q3', {
      title: 'crash writing past the tile when decoding with a reduce factor',
      text: `Our service crashes on 2.5.4 when the image origin is odd; the tier-1 copy in block.c writes beyond the tile.\n${trace('WRITE', 1795)}`,
      packages: pkg('imagecodec', ['2.5.4'], ''),
      paths: ['src/lib/block.c'],
      functions: ['decode_block', 'decode_all'],
    });
    const [mate] = indexWith([...background, write]).query(secondFinder);
    expect(mate?.id).toBe('write');
    expect(mate?.isStrong).toBe(true);
  });

  it('does not take a function one title names for the centre of a report whose title names another', () => {
    const tlm = doc('tlm', {
      title: 'Out-of-bounds read in read_tlm() on a short marker',
      text: 'read_tlm() in src/lib/j2k.c reads one entry past the marker data on 2.5.4 when the segment is short.',
      packages: pkg('imagecodec', ['2.5.4'], ''),
      paths: ['src/lib/j2k.c'],
      functions: ['read_tlm'],
    });
    const loop = doc('q', {
      title: 'Seek loop in read_tile_header() when a marker entry points back',
      text: 'read_tile_header() in src/lib/j2k.c seeks with the lengths read_tlm() stored; a zero length on 2.5.4 makes it seek to the same tile-part again and again.',
      packages: pkg('imagecodec', ['2.5.4'], ''),
      paths: ['src/lib/j2k.c'],
      functions: ['read_tile_header', 'read_tlm'],
    });
    const [top] = indexWith([...background, tlm]).query(loop);
    expect(top?.id).toBe('tlm');
    expect(top?.isStrong).toBe(false);
    expect(top?.evidence).not.toContain('the title names `read_tlm`');
  });

  it('keeps a question about a fixed bug apart from a report on versions past that fix', () => {
    const newBug = doc('new', {
      title: 'Heap over-read in convert_rows() with an odd chroma width',
      text: 'convert_rows() in src/bin/color.c reads one sample past each row on 2.5.4; the earlier fix does not cover this width.',
      packages: pkg('imagecodec', ['2.5.4'], ''),
      paths: ['src/bin/color.c'],
      functions: ['convert_rows'],
    });
    const question = doc('q', {
      title: 'Is 2.5.0 affected by the convert_rows() over-read?',
      text: 'Our scanner says CVE-2025-0101: convert_rows() in src/bin/color.c reads out of bounds, fixed in version 2.5.3. We ship 2.5.0.',
      packages: pkg('imagecodec', ['2.5.0'], ''),
      paths: ['src/bin/color.c'],
      functions: ['convert_rows'],
    });
    const [top] = indexWith([...background, newBug]).query(question);
    expect(top?.id).toBe('new');
    expect(top?.isStrong).toBe(false);
    expect(top?.evidence).toContain(
      'one is found only on versions before the fix in 2.5.3, the other only on versions with it',
    );
    // A second finder who names a version before that fix is still a candidate for the same bug.
    const sameLine = doc('q2', { ...question, id: 'q2', text: `${question.text} Also 2.4.0.` });
    const onOldVersion = doc('old', {
      ...newBug,
      id: 'old',
      text: newBug.text.replace('2.5.4', '2.5.0'),
      packages: pkg('imagecodec', ['2.5.0'], ''),
    });
    expect(indexWith([...background, onOldVersion]).query(sameLine)[0]?.evidence).not.toContain(
      'one is found only on versions before the fix in 2.5.3, the other only on versions with it',
    );
    // A fix version alone, without the advisory it belongs to, may be a similar bug's fix.
    const noId = doc('q4', {
      ...question,
      id: 'q4',
      text: question.text.replace('CVE-2025-0101: ', ''),
    });
    expect(indexWith([...background, newBug]).query(noId)[0]?.evidence).not.toContain(
      'one is found only on versions before the fix in 2.5.3, the other only on versions with it',
    );
    // Versions of other things (the operating system, the compiler) say nothing about the fix.
    const otherThings = doc('other', {
      ...newBug,
      id: 'other',
      text: newBug.text.replace('on 2.5.4', 'on a git build, Ubuntu 24.04, gcc 13.2'),
      packages: pkg('imagecodec', [], ''),
    });
    expect(indexWith([...background, otherThings]).query(question)[0]?.evidence).not.toContain(
      'one is found only on versions before the fix in 2.5.3, the other only on versions with it',
    );
  });

  it('keeps a question about a published bug apart from a report found on versions with its fix', () => {
    const smuggling = doc('smuggling', {
      title: 'Request smuggling through chunked trailer lines in the Python parser',
      text: 'On httpkit 4.2.1 the pure-Python parser in httpkit/parser.py ends the chunked trailer section at a bare LF, so the bytes after it are read as a second request behind the proxy.',
      packages: pkg('httpkit', ['4.2.1'], ''),
      paths: ['httpkit/parser.py'],
    });
    // A scanner question whose table names the published bug's fix, 4.0.5: the report's 4.2.1
    // already has it, so the report is another bug in the same parser.
    const question = (fixedIn: string) =>
      doc(`q-${fixedIn}`, {
        title: 'Scanner flags httpkit 4.2.1 for request smuggling',
        text: [
          'Our image scan prints:',
          '',
          'NAME     INSTALLED  FIXED-IN  TYPE    VULNERABILITY',
          `httpkit  4.2.1      ${fixedIn}     python  CVE-2025-4242`,
          '',
          'CVE-2025-4242 is request smuggling in the Python parser through chunked trailer lines. Is 4.2.1 still affected?',
        ].join('\n'),
        packages: pkg('httpkit', ['4.2.1'], ''),
        isPublishedIdQuestion: true,
      });
    const apart = indexWith([...background, smuggling]).query(question('4.0.5'))[0];
    expect(apart?.id).toBe('smuggling');
    expect(apart?.isStrong).toBe(false);
    expect(apart?.isDistinctBug).toBe(true);
    expect(apart?.evidence).toContain(
      'one asks about a published bug fixed in 4.0.5; the other is found on 4.2.1, which has that fix (two bugs)',
    );
    // Fixed after the version the report is found on, the published bug may be the report's own.
    const same = indexWith([...background, smuggling]).query(question('4.2.2'))[0];
    expect(same?.id).toBe('smuggling');
    expect(same?.isStrong).toBe(true);
    expect(same?.isDistinctBug ?? false).toBe(false);
    // Either way round: the question filed first, the report queried after it.
    const reversed = indexWith([...background, question('4.0.5')]).query(smuggling)[0];
    expect(reversed?.isStrong).toBe(false);
    expect(reversed?.isDistinctBug).toBe(true);
    // A report that cites the published id itself may be a regression of its fix: not kept apart.
    const regression = doc('regression', {
      ...smuggling,
      text: `${smuggling.text} This looks like CVE-2025-4242 again.`,
    });
    const cited = indexWith([...background, regression]).query(question('4.0.5'))[0];
    expect(cited?.evidence.some((line) => line.startsWith('one asks about a published bug'))).toBe(
      false,
    );
  });

  it('matches a scanner question quoting a published advisory to the earlier report of its bug', () => {
    const original = doc('original', {
      title: 'Stack buffer overflow in the Lua `bit.tohex()` function reachable from EVAL',
      text: 'bit_tohex() writes past its stack buffer for a negative count on 7.4.0; any EVAL user.',
      packages: pkg('redis', ['7.4.0'], ''),
      paths: ['deps/lua/src/lua_bit.c'],
      functions: ['bit.tohex', 'bit_tohex'],
    });
    const other = doc('other', {
      title: 'Unbounded recursion in glob pattern matching',
      text: 'stringmatchlen_impl() recurses for every star on 7.4.0.',
      packages: pkg('redis', ['7.4.0'], ''),
      paths: ['src/util.c'],
      functions: ['stringmatchlen_impl'],
    });
    const question = doc('q', {
      title: 'Scanner finding on redis:7.4.0, are we affected?',
      text: 'Trivy flags CVE-2024-31449: an authenticated user may use a crafted Lua script to trigger a stack overflow in the bit library. We allow EVAL on 7.4.0.',
      packages: pkg('redis', ['7.4.0'], ''),
    });
    const ranked = indexWith([...background, other, original]).query(question);
    expect(ranked[0]?.id).toBe('original');
    expect(ranked[0]?.isStrong).toBe(true);
    expect(ranked.find((candidate) => candidate.id === 'other')?.isStrong).toBe(false);
    // Without a published id it is only a vague question, not a citation.
    const vague = doc('v', {
      ...question,
      text: question.text.replace('CVE-2024-31449', 'a finding'),
    });
    expect(indexWith([...background, other, original]).query(vague)[0]?.isStrong).toBe(false);
  });

  it('reads a GitHub advisory export’s own draft id as no citation of a published advisory', () => {
    // A second finder's private advisory draft, known by its own GHSA id and pointing at no code,
    // is no question about a published bug: a later report on other code is not its original.
    const draft = doc('draft', {
      title: 'Server stops answering when an empty record arrives before the ClientHello',
      text: 'Our TLS termination panics when a peer sends the ClientHello as records split into one-byte fragments after an empty record, on 0.23.40.',
      packages: pkg('rustls', ['0.23.40'], ''),
      aliases: ['GHSA-7m4q-hw3c-x2vp'],
    });
    const later = doc('later', {
      title: 'Deframer coalesce is quadratic for records split into one-byte fragments',
      text: 'Deframer::coalesce() in rustls/src/msgs/deframer/mod.rs re-reads the whole span for every fragment on 0.23.40; a peer sends empty and one-byte records before the ClientHello.',
      packages: pkg('rustls', ['0.23.40'], ''),
      paths: ['rustls/src/msgs/deframer/mod.rs'],
      functions: ['Deframer::coalesce'],
    });
    const ranked = indexWith([...background, draft]).query(later);
    const evidence = ranked.find((candidate) => candidate.id === 'draft')?.evidence ?? [];
    expect(evidence.some((line) => line.startsWith('a question about a published id'))).toBe(false);
  });

  it("matches a scanner question that quotes the advisory's function to the report of its version, not to a later bypass", () => {
    const original = doc('original', {
      title:
        'safe_join accepts Windows device names, send_from_directory then reads from the device',
      text: 'On 3.1.3 safe_join() returns a path for CON or NUL; send_from_directory() opens the device and the worker hangs.',
      packages: pkg('werkzeug', ['3.1.3'], ''),
      functions: ['safe_join', 'send_from_directory'],
    });
    const bypass = doc('bypass', {
      title: 'safe_join still lets Windows device names through when they carry an extension',
      text: 'The fix released in 3.1.4 misses NUL.txt and "CON ": safe_join() returns them on 3.1.4.',
      packages: pkg('werkzeug', ['3.1.4'], ''),
      functions: ['safe_join'],
    });
    // The question names the advisory's functions (quoted) and an upgrade target, 3.1.4, which is
    // not a version in use: its version facts say 3.1.3.
    const question = doc('q', {
      title: 'pip-audit finding on werkzeug 3.1.3',
      text: 'CVE-2025-66221: safe_join() allows Windows device names, so send_from_directory() can open a device. Is 3.1.3 affected, and is moving to 3.1.4 all we need?',
      packages: pkg('werkzeug', ['3.1.3'], ''),
      functions: ['safe_join', 'send_from_directory'],
      isPublishedIdQuestion: true,
    });
    const ranked = indexWith([...background, original, bypass]).query(question);
    expect(ranked[0]?.id).toBe('original');
    expect(ranked[0]?.isStrong).toBe(true);
    // The bypass shares the quoted function but not the version in use: the question rule does
    // not hold for it (the upgrade target 3.1.4 does not count).
    const bypassEvidence = ranked.find((candidate) => candidate.id === 'bypass')?.evidence ?? [];
    expect(bypassEvidence.some((line) => line.startsWith('a question about a published id'))).toBe(
      false,
    );
  });

  it('keeps a bypass of a released fix apart from the report of the bug the fix was for', () => {
    const original = doc('original', {
      title: 'safe_join accepts Windows device names',
      text: 'On 3.1.3 safe_join() returns a path for CON or NUL, so opening it reads from the device and the worker hangs.',
      packages: pkg('werkzeug', ['3.1.3'], ''),
      functions: ['safe_join'],
    });
    const bypass = doc('q', {
      title: 'safe_join still accepts Windows device names with an extension',
      text: 'A gap left by the fix released in 3.1.4: on 3.1.4 safe_join() returns a path for NUL.txt or CON, so opening it reads from the device and the worker hangs.',
      packages: pkg('werkzeug', ['3.1.4'], ''),
      functions: ['safe_join'],
    });
    const top = indexWith([...background, original]).query(bypass)[0];
    expect(top?.id).toBe('original');
    expect(top?.isStrong).toBe(false);
    expect(top?.isDistinctBug).toBe(true);
    // A second finder on the same version as the original is still matched.
    const second = doc('s', {
      ...bypass,
      text: bypass.text.replace(/3\.1\.4/g, '3.1.3'),
      packages: pkg('werkzeug', ['3.1.3'], ''),
    });
    expect(indexWith([...background, original]).query(second)[0]?.isStrong).toBe(true);
  });

  it('does not tie a question to a report by the patched release a scanner names', () => {
    const bypass = doc('bypass', {
      title: 'xmlattr accepts keys with a solidus or an equals sign, injecting attributes',
      text: 'Since 3.1.3 do_xmlattr() rejects keys with spaces, but on 3.1.3 a key such as data-x/onclick=alert(1) still injects an attribute, with autoescaping on.',
      packages: pkg('jinja', ['3.1.3'], ''),
      functions: ['do_xmlattr'],
    });
    // Its version in use is 2.11.3; 3.1.3 is the scanner's patched version, not a version in use.
    const question = doc('q', {
      title: 'Dependabot alert on jinja 2.11.3: CVE-2024-22195 (xmlattr accepts keys with spaces)',
      text: 'Dependabot says: the xmlattr filter accepts keys containing spaces, so keys injecting attributes give XSS. Patched version: 3.1.3. Is there a fix for 2.11?',
      packages: pkg('jinja', ['2.11.3'], ''),
      isPublishedIdQuestion: true,
    });
    const top = indexWith([...background, bypass]).query(question)[0];
    expect(top?.id).toBe('bypass');
    expect(top?.isStrong).toBe(false);
    // On the version the located report names, the same question is about its bug.
    const onSameVersion = doc('q2', {
      ...question,
      id: 'q2',
      text: question.text.replace('Is there a fix for 2.11?', 'We run 3.1.3; are we affected?'),
      packages: pkg('jinja', ['3.1.3'], ''),
    });
    expect(indexWith([...background, bypass]).query(onSameVersion)[0]?.isStrong).toBe(true);
  });

  it('never makes two questions about one published id duplicates of each other, even with a shared alias', () => {
    const first = doc('first', {
      title: 'Question about CVE-2023-46136',
      text: 'Is version 2.2.3 affected by CVE-2023-46136? Dependabot raised it.',
      aliases: ['CVE-2023-46136'],
      packages: pkg('werkzeug', ['2.2.3'], ''),
      isPublishedIdQuestion: true,
    });
    const second = doc('q', {
      title: 'Werkzeug 2.3.7 - CVE-2023-46136 - still affected?',
      text: 'See the subject line. Is there a backport?',
      aliases: ['CVE-2023-46136'],
      packages: pkg('werkzeug', ['2.3.7'], ''),
      isPublishedIdQuestion: true,
    });
    const top = indexWith([...background, first]).query(second)[0];
    expect(top?.id).toBe('first');
    expect(top?.isStrong).toBe(false);
    expect(top?.evidence).toContain('both ask about a published id; neither reports a bug');
    // Without the question flag, the shared alias still decides.
    const plain = doc('p', { ...second, isPublishedIdQuestion: false });
    expect(indexWith([...background, first]).query(plain)[0]?.isStrong).toBe(true);
  });

  it('matches a second finder who names the titled function only in passing, at the same file and version', () => {
    const original = doc('original', {
      title: 'Stack buffer overflow in the Lua `bit.tohex()` function',
      text: 'bit_tohex() negates a negative digit count; `bit.tohex(65535, -2147483648)` writes past buf in deps/lua/src/lua_bit.c on 7.4.0.',
      packages: pkg('redis', ['7.4.0'], ''),
      paths: ['deps/lua/src/lua_bit.c'],
      functions: ['bit.tohex', 'bit_tohex'],
    });
    const second = doc('q', {
      title: 'redis-server dies when a script asks for a huge negative hex width',
      text: 'The hex helper of the bundled module keeps writing into a small array on 7.4.0. The code is in lua_bit.c, bit.tohex.',
      packages: pkg('redis', ['7.4.0'], ''),
      paths: ['lua_bit.c'],
    });
    const [top] = indexWith([...background, original]).query(second);
    expect(top?.id).toBe('original');
    expect(top?.isStrong).toBe(true);
    expect(top?.evidence).toContain('one title names `bit.tohex` and the other text names it too');
  });

  it('does not match a report that leads with its own function and calls the titled one in its PoC', () => {
    const gadget = doc('gadget', {
      title:
        "Prototype-pollution gadget in ejs.renderFile(): settings['view options'] read through the prototype",
      text: "ejs.renderFile() in lib/esm/ejs.js copies data.settings['view options'] without an own-property check on 6.0.1, so a polluted prototype sets root and delimiter.",
      packages: pkg('ejs', ['6.0.1'], 'npm'),
      paths: ['lib/esm/ejs.js'],
      functions: ['ejs.renderFile'],
    });
    const comment = doc('q', {
      title: 'Code injection through the sourceURL comment: a line separator in the file name',
      text: "Template.prototype.compile in lib/esm/ejs.js appends the file name after a // comment on 6.0.1; a line separator ends the comment. PoC: ejs.renderFile(name, { who: 'x' }, cb) with the separator in name.",
      packages: pkg('ejs', ['6.0.1'], 'npm'),
      paths: ['lib/esm/ejs.js'],
      functions: ['Template.prototype.compile'],
    });
    const [top] = indexWith([...background, gadget]).query(comment);
    expect(top?.isStrong ?? false).toBe(false);
    expect(top?.evidence ?? []).not.toContain(
      'one title names `ejs.renderfile` and the other text names it too',
    );
  });

  it('matches a second finder who names the function the first report leads with, when no title names it (rule 3g)', () => {
    const original = doc('original', {
      title: 'Unauthenticated memory exhaustion through ping messages during key exchange',
      text: 'In `ssh_packet_read_poll_seqnr()` (packet.c) every ping gets a pong reply queued while the key exchange is stalled, so memory grows without limit on 9.9. A client that never finishes the key exchange keeps sending pings.',
      packages: pkg('openssh', ['9.9'], ''),
      paths: ['packet.c'],
      functions: ['ssh_packet_read_poll_seqnr', 'sshpkt_send'],
    });
    const second = doc('q', {
      title: 'sshd-session balloons when a client keeps asking for echo replies',
      text: 'The client stalls the handshake and keeps sending echo requests; the answers are parked in the outgoing buffer of packet.c, in the switch of ssh_packet_read_poll_seqnr, on 9.9. Memory grows while the key exchange never completes.',
      packages: pkg('openssh', ['9.9'], ''),
      paths: ['packet.c'],
    });
    const [top] = indexWith([...background, original]).query(second);
    expect(top?.id).toBe('original');
    expect(top?.isStrong).toBe(true);
    expect(top?.evidence).toContain(
      'one report puts the bug in `ssh_packet_read_poll_seqnr` and the other names it too',
    );
    // A deeper function the report cites later (a callee, a stack frame) is not where it puts the bug.
    const aboutCallee = doc('q2', {
      ...second,
      id: 'q2',
      text: second.text.replace(/ssh_packet_read_poll_seqnr/g, 'sshpkt_send'),
    });
    expect(indexWith([...background, original]).query(aboutCallee)[0]?.isStrong).toBe(false);
    // A report that leads with its own function and names the first report's only in passing puts
    // its bug elsewhere: a different bug reached through the same entry point.
    const leadsElsewhere = doc('q3', {
      ...second,
      id: 'q3',
      functions: ['ssh_packet_send_debug', 'ssh_packet_read_poll_seqnr'],
    });
    expect(indexWith([...background, original]).query(leadsElsewhere)[0]?.isStrong).toBe(false);
  });

  it('does not match on the lead function a report sets itself apart from', () => {
    const original = doc('original', {
      title: 'use-after-free when a field expires during HGETALL',
      text: 'hashTypeGetValue() returns a pointer into a freed listpack in t_hash.c on 7.4.1.',
      packages: pkg('redis', ['7.4.1'], ''),
      paths: ['t_hash.c'],
      functions: ['lpGetWithSize', 'hashTypeGetValue'],
    });
    const other = doc('q', {
      title: 'use-after-free in HRANDFIELD with expiring fields',
      text: 'hrandfieldWithCountCommand() in t_hash.c reads freed memory through lpGetWithSize() on 7.4.1. This is related to but distinct from the hashTypeGetValue() report.',
      packages: pkg('redis', ['7.4.1'], ''),
      paths: ['t_hash.c'],
      functions: ['hrandfieldWithCountCommand', 'hashTypeGetValue', 'lpGetWithSize'],
    });
    const [top] = indexWith([...background, original]).query(other);
    expect(top?.evidence).toContain('contrasts itself with `hashtypegetvalue`');
    expect(top?.evidence.some((line) => line.includes('puts the bug in'))).toBe(false);
  });

  it('matches a second finder who cites no code by the mechanism words only the two share (rule 3h)', () => {
    const original = doc('original', {
      title: 'Spool rotation in rotate_spool() follows a planted symlink',
      text: 'rotate_spool() in src/mailq/spool.py renames the queue spool into /var/tmp/mailq.old without checking for a symlink, so a local user who plants mailq.old pointing at a victim file gets it truncated and chowned on every nightly rotation. Seen on mailq 4.2.1 with the default cron job.',
      packages: pkg('mailq', ['4.2.1']),
      paths: ['src/mailq/spool.py'],
      functions: ['rotate_spool'],
    });
    const otherBug = doc('other', {
      title: 'Header folding in parse_headers() drops the second Subject line',
      text: 'parse_headers() in src/mailq/headers.py keeps only the first folded Subject, so a filter sees a harmless subject on mailq 4.2.1.',
      packages: pkg('mailq', ['4.2.1']),
      paths: ['src/mailq/headers.py'],
      functions: ['parse_headers'],
    });
    const second = doc('q', {
      title: 'nightly queue job clobbers a file another user points it at',
      text: 'If a local account drops a symlink called mailq.old in /var/tmp, the nightly rotation of the spool truncates whatever the link points at and chowns it to the queue user. Found on mailq 4.2.1 with the stock cron job.',
      packages: pkg('mailq', ['4.2.1']),
    });
    const index = indexWith([...background, original, otherBug]);
    const [top, next] = index.query(second);
    expect(top?.id).toBe('original');
    expect(top?.isStrong).toBe(true);
    expect(top?.evidence.some((line) => line.startsWith('one report cites no code;'))).toBe(true);
    expect(next?.isStrong ?? false).toBe(false);
    // A report that names a class or a snake_case identifier points at code: other rules read it.
    const namesClass = doc('q2', {
      ...second,
      id: 'q2',
      text: `${second.text} SpoolRotator is involved.`,
    });
    expect(
      index
        .query(namesClass)[0]
        ?.evidence.some((line) => line.startsWith('one report cites no code;')),
    ).toBe(false);
    // A class the located report names too is where both start from, not a place of its own.
    const originalWithClass = doc('original', {
      ...original,
      text: `${original.text} The rotation is run by SpoolRotator.`,
    });
    expect(
      indexWith([...background, originalWithClass, otherBug])
        .query(namesClass)[0]
        ?.evidence.some((line) => line.startsWith('one report cites no code;')),
    ).toBe(true);
    // A method call the located report names too (`queue.rotate()`) is the public API both
    // finders call, not a place of the second finder's own; one no other report names is.
    const callsApi = doc('q4', {
      ...second,
      id: 'q4',
      text: `${second.text} Our cron script only calls queue.rotate() once a night.`,
      functions: ['queue.rotate'],
    });
    const originalWithApi = doc('original', {
      ...original,
      text: `${original.text} Applications start it with queue.rotate().`,
      functions: ['rotate_spool', 'queue.rotate'],
    });
    expect(
      indexWith([...background, originalWithApi, otherBug])
        .query(callsApi)[0]
        ?.evidence.some((line) => line.startsWith('one report cites no code;')),
    ).toBe(true);
    expect(
      index
        .query(callsApi)[0]
        ?.evidence.some((line) => line.startsWith('one report cites no code;')),
    ).toBe(false);
    // Without a shared version the two may be one mechanism broken twice.
    const otherVersion = doc('q3', {
      ...second,
      id: 'q3',
      text: second.text.replace('4.2.1', '5.0.0'),
      packages: pkg('mailq', ['5.0.0']),
    });
    expect(index.query(otherVersion)[0]?.isStrong).toBe(false);
  });

  it('matches a shared alias strongly, even with no shared words', () => {
    const index = indexWith([
      ...background,
      doc('adv', { kind: 'advisory', title: 'Buffer overflow', aliases: ['CVE-2024-1234'] }),
    ]);
    const [top] = index.query(
      doc('q', { text: 'Crash when reading input.', aliases: ['cve-2024-1234'] }),
    );
    expect(top?.id).toBe('adv');
    expect(top?.isStrong).toBe(true);
    expect(top?.score).toBeGreaterThanOrEqual(0.9);
    expect(top?.evidence).toContain('same alias CVE-2024-1234');
  });

  it('finds an id the text only mentions, but never calls it the same bug on that alone', () => {
    const index = indexWith([
      ...background,
      doc('adv', { kind: 'advisory', title: 'Buffer overflow', aliases: ['CVE-2024-1234'] }),
    ]);
    const [top] = index.query(
      doc('q', { text: 'An incomplete fix for CVE-2024-1234 leaves a second crash.' }),
    );
    expect(top?.id).toBe('adv');
    expect(top?.isStrong).toBe(false);
    expect(top?.evidence).toContain('both cite CVE-2024-1234 (a related id, not an alias)');
  });

  it('prefers the same package, normalised across PyPI spellings', () => {
    const index = indexWith([
      ...background,
      doc('pa', { text: 'Unsafe deserialisation of files', packages: pkg('Py_Arrow') }),
      doc('other', { text: 'Unsafe deserialisation of files', packages: pkg('numpy') }),
    ]);
    const result = index.query(
      doc('q', { text: 'Unsafe deserialisation of files', packages: pkg('py-arrow') }),
    );
    expect(result[0]?.id).toBe('pa');
    expect(result[0]?.evidence).toContain('same package PyPI/Py_Arrow');
  });

  it('relates a Go module path to the bare product name', () => {
    const index = indexWith([
      ...background,
      doc('bitnami', {
        text: 'Token leak in secrets engine',
        packages: pkg('vault', [], 'Bitnami'),
      }),
    ]);
    const [top] = index.query(
      doc('q', {
        text: 'Token leak in secrets engine',
        packages: pkg('github.com/hashicorp/vault', [], 'Go'),
      }),
    );
    expect(top?.id).toBe('bitnami');
    expect(top?.evidence).toContain('related package name vault');
  });

  it('uses an identical fix version to pick the right advisory of a busy package', () => {
    const advisories = [1, 2, 3, 4, 5].map((n) =>
      doc(`web-${n}`, {
        text: 'Issue in webserver request handling',
        packages: pkg('webserver', [`introduced 0, fixed 2.${n}.${n}`]),
      }),
    );
    const index = indexWith([...background, ...advisories]);
    const [top] = index.query(
      doc('q', {
        text: 'Problem in webserver request handling',
        packages: pkg('webserver', ['introduced 0, fixed 2.3.3']),
      }),
    );
    expect(top?.id).toBe('web-3');
    expect(top?.evidence).toContain('overlapping versions (fixed 2.3.3)');
  });

  it('matches functions and paths', () => {
    const index = indexWith([
      ...background,
      doc('fn', {
        text: 'Overflow when parsing',
        packages: pkg('httpkit'),
        functions: ['parse_header'],
        paths: ['src/http/parser.c'],
      }),
    ]);
    const [top] = index.query(
      doc('q', {
        text: 'Overflow when parsing',
        packages: pkg('httpkit'),
        functions: ['parse_header()'],
        paths: ['./src/http/parser.c:120'],
      }),
    );
    expect(top?.id).toBe('fn');
    expect(top?.evidence).toEqual(
      expect.arrayContaining(['same function `parse_header`', 'same file src/http/parser.c']),
    );
    expect(top?.isStrong).toBe(true);
  });

  it('matches CWEs', () => {
    const index = indexWith([
      ...background,
      doc('cwe-a', { text: 'memory corruption', cwes: ['CWE-787'] }),
      doc('cwe-b', { text: 'memory corruption', cwes: ['CWE-79'] }),
    ]);
    const result = index.query(doc('q', { text: 'memory corruption', cwes: ['cwe-787'] }));
    expect(result[0]?.id).toBe('cwe-a');
    expect(result[0]?.evidence).toContain('same CWE-787');
    expect(result.find((c) => c.id === 'cwe-b')?.evidence).toContain('different CWEs');
  });

  it('ranks by text similarity, including split and whole identifiers', () => {
    const index = indexWith([
      ...background,
      doc('txt', {
        text: 'The readChunkHeader function trusts the length field of chunked bodies.',
      }),
    ]);
    const [top] = index.query(doc('q', { title: 'read chunk header trusts length', text: '' }));
    expect(top?.id).toBe('txt');
    expect(top?.evidence.some((e) => e.startsWith('text '))).toBe(true);
  });

  it('calls a pasted copy strong and the same package with a different bug not strong', () => {
    const original =
      'When the decoder receives a frame whose declared length exceeds the remaining buffer it copies past the end of the heap allocation and corrupts adjacent memory which an attacker can use to execute code.';
    const index = indexWith([
      ...background,
      doc('orig', { text: original, packages: pkg('imagelib') }),
    ]);
    const [copy] = index.query(
      doc('q', { text: `Hello maintainers! ${original} Thanks.`, packages: pkg('imagelib') }),
    );
    expect(copy?.id).toBe('orig');
    expect(copy?.isStrong).toBe(true);
    expect(copy?.evidence.some((e) => e.startsWith('near-copy ('))).toBe(true);
    const [other] = index.query(
      doc('q2', {
        title: 'Use after free in palette handling',
        text: 'Freeing the palette twice crashes the process.',
        packages: pkg('imagelib', ['fixed 3.9.0']),
      }),
    );
    expect(other?.isStrong).toBe(false);
  });

  // A second finder describes the mechanism in its own words and cites no code.
  const quarantineReport = doc('first', {
    title: 'Spool rename lets a DKIM selector escape the quarantine folder',
    text: 'Version 4.2.1. A DKIM selector containing ../ is used when the spool renames a held message, so the message leaves the quarantine folder and is delivered. Send a message signed with selector ../../outbox and watch it arrive.',
    packages: pkg('mailrelay', ['4.2.1'], 'other'),
  });
  const otherReports = [
    doc('other-1', {
      title: 'Server crashes with memory exhaustion on large attachments',
      text: 'Version 4.2.1. Attachments over 2 GB make the server allocate until it is killed.',
      packages: pkg('mailrelay', ['4.2.1'], 'other'),
    }),
    doc('other-2', {
      title: 'Greylisting database grows without limit',
      text: 'Version 4.2.1. Every new sender adds a row that is never expired.',
      packages: pkg('mailrelay', ['4.2.1'], 'other'),
    }),
  ];

  it('calls two reports strong when their titles agree on distinctive words', () => {
    const index = indexWith([...background, ...otherReports, quarantineReport]);
    const [match] = index.query(
      doc('second', {
        title: 'Quarantine bypass: DKIM selector with dots moves held mail out during spool rename',
        text: 'On mailrelay 4.2.1 a signed message whose DKIM selector has ../ in it is moved out of the quarantine folder when the spool renames held messages. It gets delivered.',
        packages: pkg('mailrelay', ['4.2.1'], 'other'),
      }),
    );
    expect(match?.id).toBe('first');
    expect(match?.isStrong).toBe(true);
    expect(match?.evidence.some((e) => e.startsWith('the titles agree on'))).toBe(true);
  });

  it('keeps reports apart whose titles share only common words', () => {
    const index = indexWith([...background, ...otherReports, quarantineReport]);
    const candidates = index.query(
      doc('third', {
        title: 'Server memory exhaustion when the spool holds many messages',
        text: 'On mailrelay 4.2.1 the server keeps every held message in memory; a large spool exhausts memory and the server crashes.',
        packages: pkg('mailrelay', ['4.2.1'], 'other'),
      }),
    );
    expect(candidates.some((candidate) => candidate.isStrong)).toBe(false);
  });

  it('does not count the package name as a distinctive title word', () => {
    const index = indexWith([...background, quarantineReport]);
    const candidates = index.query(
      doc('fourth', {
        title: 'mailrelay mailrelay mailrelay: open relay with SMTP AUTH PLAIN',
        text: 'mailrelay 4.2.1 relays mail for anyone who sends AUTH PLAIN with an empty password.',
        packages: pkg('mailrelay', ['4.2.1'], 'other'),
      }),
    );
    expect(candidates.some((candidate) => candidate.isStrong)).toBe(false);
  });

  it('does not treat two advisories of one database as the same bug', () => {
    const first = doc('a1', {
      kind: 'advisory',
      source: 'go',
      text: 'Denial of service in request parsing of webserver',
      packages: pkg('webserver'),
    });
    const index = indexWith([first]);
    const same = index.query(
      doc('a2', { kind: 'advisory', source: 'go', text: first.text, packages: pkg('webserver') }),
    );
    const other = index.query(
      doc('a3', { kind: 'advisory', source: 'pypa', text: first.text, packages: pkg('webserver') }),
    );
    expect(same[0]?.isStrong).toBe(false);
    expect(same[0]!.score).toBeLessThan(other[0]!.score);
  });
});

describe('createDuplicateIndex maintenance', () => {
  const docs = [
    ...background,
    doc('x1', {
      title: 'Heap overflow in header parsing',
      text: 'Long header lines overflow the buffer in parse_header.',
      packages: pkg('httpkit', ['fixed 0.9.2']),
      functions: ['parse_header'],
    }),
    doc('x2', {
      title: 'Overflow in header parser',
      text: 'parse_header copies too much.',
      packages: pkg('httpkit', ['fixed 0.9.1']),
    }),
  ];
  const probe = doc('probe', {
    title: 'header overflow',
    text: 'parse_header overflows on long lines',
    packages: pkg('httpkit', ['fixed 0.9.1']),
  });

  it('gives identical results after adds, replacements and removals as a fresh build', () => {
    const incremental = createDuplicateIndex();
    for (const d of docs) incremental.add(d);
    incremental.add(
      doc('temp', { text: 'parse_header header overflow temporary', packages: pkg('httpkit') }),
    );
    incremental.add({ ...docs[0]!, text: 'replaced text' });
    incremental.add(docs[0]!);
    expect(incremental.remove('temp')).toBe(true);
    expect(incremental.remove('temp')).toBe(false);
    expect(incremental.remove('bg-3')).toBe(true);
    const fresh = indexWith([...docs].reverse().filter((d) => d.id !== 'bg-3'));
    expect(incremental.size).toBe(fresh.size);
    expect(incremental.query(probe, { limit: 100 })).toEqual(fresh.query(probe, { limit: 100 }));
  });

  it('keeps results identical over random add/remove sequences', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.nat(docs.length - 1)), { maxLength: 40 }),
        (ops) => {
          const incremental = createDuplicateIndex();
          const present = new Map<string, DuplicateDocument>();
          for (const [isAdd, i] of ops) {
            const d = docs[i]!;
            if (isAdd) {
              incremental.add(d);
              present.set(d.id, d);
            } else {
              expect(incremental.remove(d.id)).toBe(present.delete(d.id));
            }
            // The first document of an empty index waits unanalysed: every view must see it.
            expect(incremental.size).toBe(present.size);
            expect(incremental.has(d.id)).toBe(present.has(d.id));
          }
          const fresh = indexWith([...present.values()].sort((a, b) => (a.id < b.id ? -1 : 1)));
          expect(incremental.query(probe, { limit: 100 })).toEqual(
            fresh.query(probe, { limit: 100 }),
          );
          expect(new Set([...incremental.documents()].map((d) => d.id))).toEqual(
            new Set(present.keys()),
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('honours limit, exclude and never returns the query itself', () => {
    const index = indexWith(docs);
    expect(index.query(probe, { limit: 2 })).toHaveLength(2);
    expect(index.query(probe, { exclude: (id) => id === 'x2' }).map((c) => c.id)).not.toContain(
      'x2',
    );
    expect(index.query(docs[6]!).map((c) => c.id)).not.toContain('x1');
    expect(index.has('x1')).toBe(true);
    expect(createDuplicateIndex().query(probe)).toEqual([]);
  });

  it('finds, lists and replaces the first document added to an empty index', () => {
    const index = createDuplicateIndex();
    index.add(docs[6]!);
    expect(index.size).toBe(1);
    expect(index.has('x1')).toBe(true);
    expect(index.query(probe).map((c) => c.id)).toEqual(['x1']);
    expect(index.query(probe)).toEqual(indexWith([docs[6]!]).query(probe));

    const replaced = createDuplicateIndex();
    replaced.add({ ...docs[6]!, text: 'replaced text' });
    replaced.add(docs[6]!);
    expect(replaced.size).toBe(1);
    expect([...replaced.documents()]).toEqual([docs[6]!]);
    expect(replaced.query(probe)).toEqual(indexWith([docs[6]!]).query(probe));
    expect(replaced.remove('x1')).toBe(true);
    expect(replaced.size).toBe(0);
    expect(replaced.query(probe)).toEqual([]);
  });
});

describe('createDuplicateIndex hostile input', () => {
  it('copes with empty, huge and repetitive text', () => {
    const index = indexWith([
      ...background,
      doc('empty'),
      doc('huge', { text: 'overflow '.repeat(130_000) }),
      doc('rep', { text: Array(10_000).fill('parse_header').join(' ') }),
    ]);
    expect(() => index.query(doc('q'))).not.toThrow();
    const result = index.query(doc('q', { text: 'parse_header overflow '.repeat(60_000) }));
    expect(result.map((c) => c.id)).toEqual(expect.arrayContaining(['huge', 'rep']));
  });

  it('sees through confusables and zero-width characters', () => {
    const index = indexWith([
      ...background,
      doc('real', {
        text: 'Overflow in parse_header of the chunk reader',
        functions: ['parse_header'],
      }),
    ]);
    const cyrillic = 'Overflow in \u0440\u0430rse_header of the chunk reader';
    const zeroWidth = 'Overflow in parse\u200B_head\u200Der of the chunk reader';
    for (const text of [cyrillic, zeroWidth]) {
      const [top] = index.query(doc('q', { text, functions: ['\u0440\u0430rse_he\u200Bader'] }));
      expect(top?.id).toBe('real');
      expect(top?.evidence).toContain('same function `parse_header`');
    }
  });

  const arbitraryDoc = fc.record({
    id: fc.string({ maxLength: 6 }),
    kind: fc.constantFrom<'report' | 'advisory'>('report', 'advisory'),
    title: fc.string({ maxLength: 40 }),
    text: fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.constantFrom('parse_header overflow', 'CVE-2024-1234 heap'),
    ),
    packages: fc.array(
      fc.record({
        ecosystem: fc.constantFrom('', 'PyPI', 'npm', 'Go'),
        name: fc.string({ maxLength: 20 }),
        versions: fc.array(fc.string({ maxLength: 30 }), { maxLength: 2 }),
      }),
      { maxLength: 2 },
    ),
    aliases: fc.array(fc.constantFrom('CVE-2024-1234', 'GHSA-aaaa-bbbb-cccc', 'x'), {
      maxLength: 2,
    }),
    cwes: fc.array(fc.string({ maxLength: 8 }), { maxLength: 2 }),
    paths: fc.array(fc.string({ maxLength: 20 }), { maxLength: 2 }),
    functions: fc.array(fc.string({ maxLength: 12 }), { maxLength: 2 }),
    published: fc.option(fc.constantFrom('2024-01-01', 'not a date', '2023-06-30T12:00:00Z'), {
      nil: null,
    }),
  });

  it('never throws and returns sorted, in-range candidates from the index', () => {
    fc.assert(
      fc.property(fc.array(arbitraryDoc, { maxLength: 12 }), arbitraryDoc, (docs, q) => {
        const index = indexWith(docs);
        const result = index.query(q, { limit: 100 });
        for (let i = 0; i < result.length; i++) {
          const c = result[i]!;
          expect(c.score).toBeGreaterThanOrEqual(0);
          expect(c.score).toBeLessThanOrEqual(1);
          expect(index.has(c.id)).toBe(true);
          expect(c.id).not.toBe(q.id);
          if (i > 0) expect(result[i - 1]!.score).toBeGreaterThanOrEqual(c.score);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('createDuplicateIndex cost', () => {
  // Every report of a batch shares the project's package and its boilerplate: a query must not
  // walk all of them, or a batch of n reports costs n^2.
  function batchCost(size: number): number {
    const index = createDuplicateIndex();
    for (let number = 0; number < size; number += 1) {
      const document = doc(`report-${number}`, {
        title: `Report ${number}: crash in the server`,
        text: `The server crashes when a client sends request ${number}; memory grows in parse_request.`,
        packages: pkg('tinyhttpd', [], ''),
        functions: ['parse_request'],
        paths: ['src/http/parser.c'],
      });
      index.query(document, { limit: 5 });
      index.add(document);
    }
    return index.postingsVisited;
  }

  it('walks a bounded number of postings per query, however many reports share them', () => {
    const small = batchCost(2_000);
    const large = batchCost(8_000);
    // Linear growth is 4x the reports; walking every shared posting would be about 16x.
    expect(large / small).toBeLessThan(5);
  });
});
