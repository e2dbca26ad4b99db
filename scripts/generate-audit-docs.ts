// Writes docs/audit-checks.md from the audit rules. Run with `npm run docs:audit` after changing
// a rule in src/core/readiness/rules; a test fails while the file is stale.

import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  auditChecksDocPath,
  renderAuditChecksDoc,
} from '../src/presenters/render-audit-checks-doc.js';

const target = fileURLToPath(new URL(`../${auditChecksDocPath}`, import.meta.url));
await writeFile(target, renderAuditChecksDoc());
console.log(`wrote ${auditChecksDocPath}`);
