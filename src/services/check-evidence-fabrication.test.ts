// The evidence check against a real git repository whose tags follow `tinyxml-2_4_1`: fabricated
// reports (a real file, invented functions), a genuine report with one typo, names of other
// projects, versions without a tag, and the commit that changed the cited lines.
import { beforeAll, describe, expect, it } from 'vitest';
import type { EvidenceSummary } from '../core/index.js';
import { useEvidenceFixture } from '../../test/support/use-evidence-fixture.js';

const parserSource = `#include <string.h>
#include "tinyxml.h"

#define TX_MAX_DEPTH 64

enum tx_status {
    TX_STATUS_OK,
    TX_STATUS_ERROR
};

static int tx_count_attributes(const char *tag)
{
    int count = 0;
    while (*tag)
        if (*tag++ == '=')
            count++;
    return count;
}

int
tx_parse_element(struct tx_parser *parser, const char *tag, size_t len)
{
    char name[64];
    int attributes = tx_count_attributes(tag);
    memcpy(name, tag, len);
    parser->depth += 1;
    return attributes > 0 ? TX_STATUS_OK : TX_STATUS_ERROR;
}
`;

let fixCommit: string;

const { check } = useEvidenceFixture(async (fixture) => {
  await fixture.writeFiles({
    'src/parser.c': parserSource,
    'src/main.c': 'int main(int argc, char **argv) { return tx_run(argc, argv, "--strict"); }\n',
  });
  await fixture.commit('Initial import');
  await fixture.tag('tinyxml-2_4_0');
  await fixture.writeFiles({ README: 'tinyxml\n' });
  await fixture.commit('Add a README');
  await fixture.tag('tinyxml-2_4_1');
  await fixture.writeFiles({
    'src/parser.c': parserSource.replace(
      '    memcpy(name, tag, len);',
      '    if (len >= sizeof name)\n        return TX_STATUS_ERROR;\n    memcpy(name, tag, len);',
    ),
  });
  fixCommit = await fixture.commit('Reject element names longer than the buffer');
  await fixture.writeFiles({
    'src/parser.c': `/* tinyxml parser */\n${parserSource.replace(
      '    memcpy(name, tag, len);',
      '    if (len >= sizeof name)\n        return TX_STATUS_ERROR;\n    memcpy(name, tag, len);',
    )}`,
  });
  await fixture.commit('Add a file comment');
  await fixture.tag('tinyxml-2_4_2');
});

function claimOf(evidence: EvidenceSummary, text: string) {
  return evidence.claims.find((checked) => checked.claim.text === text);
}

describe('a fabricated report that names a real file', () => {
  let evidence: EvidenceSummary;
  beforeAll(async () => {
    evidence = await check(`# Stack overflow in tx_parse_secure_element()

Affected version: 2.4.1

The vulnerable function \`tx_parse_secure_element()\` in \`src/parser.c\` copies the tag into a
fixed buffer, and \`tx_validate_depth()\` never checks TX_SECURE_LIMIT before recursing.
`);
  });

  it('is graded fabricated, with the proof of what was searched and where', () => {
    expect(evidence.revision).toMatchObject({
      resolved: 'tinyxml-2_4_1',
      tagConvention: 'tinyxml-{major}_{minor}_{patch}',
    });
    expect(claimOf(evidence, 'src/parser.c')?.status).toBe('verified');
    expect(claimOf(evidence, 'tx_parse_secure_element')?.status).toBe('contradicted');
    expect(claimOf(evidence, 'TX_SECURE_LIMIT')?.status).toBe('contradicted');
    expect(evidence.grade).toBe('fabricated');
    expect(evidence.fabrication).toMatchObject({
      revision: 'tinyxml-2_4_1',
      verified: [{ kind: 'file', text: 'src/parser.c', role: 'location' }],
    });
    expect(evidence.fabrication?.contradicted[0]).toEqual({
      kind: 'symbol',
      text: 'tx_parse_secure_element',
      role: 'location',
      searched:
        'tx_parse_secure_element is neither defined nor mentioned anywhere at tinyxml-2_4_1',
    });
  });
});

describe('a genuine report with one typo', () => {
  let evidence: EvidenceSummary;
  beforeAll(async () => {
    evidence = await check(`# Stack buffer overflow in tx_parse_elemnt()

Affected version: 2.4.1

\`tx_parse_elemnt()\` in \`src/parser.c\` copies \`len\` bytes into \`name[64]\` with
\`memcpy(name, tag, len);\` and never compares \`len\` with the buffer; \`tx_count_attributes()\`
runs first. It returns TX_STATUS_OK afterwards.

\`\`\`
==7==ERROR: AddressSanitizer: stack-buffer-overflow
    #0 0x4a in __interceptor_memcpy (/usr/lib/x86_64-linux-gnu/libasan.so.8+0x1)
    #1 0x4b in tx_parse_element src/parser.c:25:5
    #2 0x4c in __libc_start_main (/lib/x86_64-linux-gnu/libc.so.6+0x29d90)
\`\`\`

Run \`./build/tinyxml --strict\` on the input.
`);
  });

  it('is not fabricated, and says which real name it meant', () => {
    expect(evidence.grade).not.toBe('fabricated');
    expect(claimOf(evidence, 'tx_parse_elemnt')?.proof).toMatchObject({
      didYouMean: 'tx_parse_element',
    });
    expect(claimOf(evidence, 'TX_STATUS_OK')?.status).toBe('verified');
    expect(claimOf(evidence, '--strict')?.status).toBe('verified');
  });

  it('does not count other projects’ names or build outputs against the report', () => {
    expect(claimOf(evidence, '__interceptor_memcpy')?.status ?? 'not a claim').not.toBe(
      'contradicted',
    );
    expect(claimOf(evidence, '__libc_start_main')?.status ?? 'not a claim').not.toBe(
      'contradicted',
    );
    expect(evidence.claims.filter((checked) => checked.status === 'contradicted')).toHaveLength(1);
  });

  it('names the commit that changed the cited lines, and the release that shipped it', () => {
    const line = claimOf(evidence, 'src/parser.c:25:5') ?? claimOf(evidence, 'src/parser.c:25');
    expect(line?.status).toBe('verified');
    expect(line?.proof.changedLater?.id).toBe(fixCommit);
    expect(line?.proof.fixedIn).toMatchObject({ tag: 'tinyxml-2_4_2', commit: { id: fixCommit } });
    expect(line?.proof.summary).toContain('already fixed in tinyxml-2_4_2');
  });
});

describe('versions without a tag and lines past the end', () => {
  it('checks the nearest older release and says so, never HEAD silently', async () => {
    const evidence = await check(
      '# Bug in tx_parse_element()\n\nAffected version: 2.4.5\n\nSee `src/parser.c:400`.\n',
    );
    expect(evidence.revision).toMatchObject({
      requested: '2.4.5',
      resolved: 'tinyxml-2_4_2',
      isDefault: false,
      isNearestOlder: true,
    });
    expect(evidence.revision.note).toContain('no tag for 2.4.5');
    expect(claimOf(evidence, 'src/parser.c:400')?.proof.summary).toMatch(
      /^src\/parser\.c has only \d+ lines at tinyxml-2_4_2; line 400 does not exist$/,
    );
  });
});
