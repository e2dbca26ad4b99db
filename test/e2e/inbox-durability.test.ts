// No acknowledged report is lost: the compiled server takes a burst of submissions over HTTP, is
// killed with SIGKILL in the middle, and every report that got a 201 is in the store after.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createServices } from '../../src/create-services.js';
import { createDefaultConfig } from '../../src/config/load-config.js';
import { runThresher } from './run-thresher.js';
import { startInboxServer } from './start-inbox-server.js';

describe('the inbox under SIGKILL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'thresher-kill-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps every report it acknowledged with 201', async () => {
    const added = runThresher([
      'project',
      'add',
      '--name',
      'demo',
      '--profile',
      'examples/security-profile.yml',
      '--data',
      dataDir,
    ]);
    expect(added.status, added.stderr).toBe(0);
    const server = await startInboxServer(dataDir);
    const acknowledged: string[] = [];
    let isKilled = false;
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    async function submitUntilKilled(worker: number): Promise<void> {
      for (let index = 0; !isKilled; index += 1) {
        try {
          const response = await fetch(`${server.url}/api/v1/projects/demo/reports`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              title: `Burst ${worker}-${index}`,
              body: `Affected version: 1.9.0\n\nparse_header overflows (${worker}-${index}).`,
            }),
          });
          if (response.status === 201) {
            acknowledged.push(((await response.json()) as { id: string }).id);
          }
        } catch {
          return; // The connection died with the server: not acknowledged.
        }
      }
    }
    const workers = Array.from({ length: 6 }, (_, worker) => submitUntilKilled(worker));
    while (acknowledged.length < 40) await new Promise((resolve) => setTimeout(resolve, 5));
    server.child.kill('SIGKILL');
    isKilled = true;
    await Promise.all(workers);
    await exited;
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);

    const inbox = await createServices(createDefaultConfig()).openInbox({ dataDir });
    try {
      await inbox.addMaintainer('check@example.org');
      const token = await inbox.createApiToken('check');
      const viewer = await inbox.identifyToken(token);
      const missing: string[] = [];
      for (const id of acknowledged) {
        try {
          await inbox.getReport(viewer, id);
        } catch {
          missing.push(id);
        }
      }
      expect(missing).toEqual([]);
      const stored = await inbox.listQueue({ project: 'demo', limit: 1000 });
      expect(stored.reports.length).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      await inbox.close();
    }
  }, 120_000);
});
