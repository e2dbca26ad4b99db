import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readinessRules } from '../core/index.js';
import { auditChecksDocPath, renderAuditChecksDoc } from './render-audit-checks-doc.js';

describe('renderAuditChecksDoc', () => {
  it('matches the committed docs/audit-checks.md (run `npm run docs:audit` after changing a rule)', async () => {
    const committed = await readFile(
      new URL(`../../${auditChecksDocPath}`, import.meta.url),
      'utf8',
    );
    expect(committed).toBe(renderAuditChecksDoc());
  });

  it('documents every check with a pass rule, a fix and a unique id', () => {
    const doc = renderAuditChecksDoc();
    const ids = readinessRules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of readinessRules) {
      expect(rule.rule.pass, rule.id).toBeTruthy();
      expect(rule.rule.fail ?? rule.rule.warn, rule.id).toBeTruthy();
      expect(doc).toContain(`### ${rule.id}\n`);
      expect(doc).toContain(`Fix: ${rule.fix}`);
    }
  });
});
