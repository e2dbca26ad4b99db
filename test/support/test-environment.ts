// The one place tests read the process environment, as src/ reads it only in its entry points:
// the PostgreSQL the storage suites run against (set by .ci/run), and the environment git runs in.
import type { ProcessEnvironment } from '../../src/adapters/git/create-git-repo-reader.js';

/** Unset: the PostgreSQL suites are skipped, saying why. */
export const testDatabaseUrl: string | undefined = process.env.THRESHER_TEST_DATABASE_URL;

/** What a git reader in a test runs with: the test process's own environment. */
export const testProcessEnvironment: ProcessEnvironment = process.env;
