// A git repository built once for a test file of the evidence check, with its reader, and the
// check of a Markdown report against it (as `thresher evidence` does); removed after the file's
// tests. Call at the top level of the test file.
import { afterAll, beforeAll } from 'vitest';
import {
  createGitRepoReader,
  type GitRepoReader,
} from '../../src/adapters/git/create-git-repo-reader.js';
import type { EvidenceSummary } from '../../src/core/index.js';
import { checkMarkdownEvidence } from './check-markdown-evidence.js';
import { createGitFixture, type GitFixture } from './create-git-fixture.js';
import { testProcessEnvironment } from './test-environment.js';

export interface EvidenceFixture {
  /** The evidence summary of one Markdown report checked against the repository. */
  check: (markdown: string) => Promise<EvidenceSummary>;
}

export function useEvidenceFixture(build: (fixture: GitFixture) => Promise<void>): EvidenceFixture {
  let fixture: GitFixture | undefined;
  let reader: GitRepoReader | undefined;
  beforeAll(async () => {
    fixture = await createGitFixture();
    await build(fixture);
    reader = await createGitRepoReader(fixture.dir, testProcessEnvironment);
  });
  afterAll(async () => {
    reader?.close();
    await fixture?.cleanup();
  });
  return {
    check: (markdown) => {
      if (reader === undefined) throw new Error('the evidence fixture is not built yet');
      return checkMarkdownEvidence(markdown, reader);
    },
  };
}
