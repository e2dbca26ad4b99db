// End to end through a real browser: the compiled binary serves the inbox on a free port and
// Debian's Chromium (driven by playwright-core) submits a report as a reporter, logs in as a
// maintainer, finds it in the queue, triages it, replies, and carries it through the workflow
// (accepted, fixing, fixed) to disclosed; the reporter follows every step on their private page.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runThresher } from './run-thresher.js';
import { startInboxServer, type StartedInbox } from './start-inbox-server.js';

const chromiumPath = '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
if (!hasChromium) {
  console.warn(
    `inbox browser test skipped: ${chromiumPath} is absent (apt-get install chromium; CI installs it)`,
  );
}

describe.skipIf(!hasChromium)('the inbox in a browser', () => {
  let dataDir: string;
  let server: StartedInbox;
  let browser: Browser;
  let password: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'thresher-browser-'));
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
    const user = runThresher([
      'user',
      'add',
      '--maintainer',
      'lead@example.org',
      '--data',
      dataDir,
    ]);
    expect(user.status, user.stderr).toBe(0);
    password = /one-time password: (\S+)/.exec(user.stdout)![1]!;
    server = await startInboxServer(dataDir);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    server?.child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('carries a report from the form through triage and a reply to disclosed', async () => {
    const reporter = await browser.newPage();
    await reporter.goto(`${server.url}/projects/demo/report`);
    expect(await reporter.textContent('.policy')).toContain('Policy of');
    await reporter.fill('input[name=title]', 'Heap over-read in parse_header <b>bold</b>');
    await reporter.fill(
      'textarea[name=body]',
      'Affected version: 1.9.0\n\nparse_header in src/http/parse.c reads past its buffer.\n\nSteps to reproduce:\n1. send a header without a colon\n\nImpact: crash.',
    );
    await reporter.fill('input[name=name]', 'Ada');
    await reporter.fill('input[name=email]', 'ada@example.org');
    await reporter.click('button[type=submit]');
    await reporter.waitForSelector('#private-link');
    const privateLink = (await reporter.getAttribute('#private-link', 'href'))!;

    const maintainer = await browser.newPage();
    await maintainer.goto(`${server.url}/login`);
    await maintainer.fill('input[name=email]', 'lead@example.org');
    await maintainer.fill('input[name=password]', password);
    await maintainer.click('button[type=submit]');
    await maintainer.goto(`${server.url}/projects/demo/queue`);
    await maintainer.click('text=Heap over-read in parse_header <b>bold</b>');
    expect(await maintainer.textContent('#status')).toBe('new');
    expect(await maintainer.textContent('#verdict')).not.toBe('not triaged');

    await maintainer.selectOption('select[name=status]', 'triaged');
    await maintainer.fill(
      'form[action$="/status"] textarea[name=message]',
      'We are looking into it.',
    );
    await maintainer.click('form[action$="/status"] button[type=submit]');
    await maintainer.waitForSelector('#status:text("triaged")');
    await maintainer.fill(
      'form[action$="/reply"] textarea[name=body]',
      'Confirmed; a fix is coming.',
    );
    await maintainer.click('form[action$="/reply"] button[type=submit]');
    await maintainer.waitForSelector('text=Confirmed; a fix is coming.');

    await reporter.goto(`${server.url}${privateLink}`);
    expect(await reporter.textContent('#status')).toBe('triaged');
    const thread = await reporter.textContent('.thread');
    expect(thread).toContain('We are looking into it.');
    expect(thread).toContain('Confirmed; a fix is coming.');

    for (const state of ['accepted', 'fixing', 'fixed', 'disclosed']) {
      await maintainer.selectOption('select[name=status]', state);
      await maintainer.fill('form[action$="/status"] textarea[name=message]', `Now ${state}.`);
      await maintainer.click('form[action$="/status"] button[type=submit]');
      await maintainer.waitForSelector(`#status:text("${state}")`);
      await reporter.goto(`${server.url}${privateLink}`);
      expect(await reporter.textContent('#status')).toBe(state);
      expect(await reporter.textContent('.thread')).toContain(`Now ${state}.`);
    }
    // Disclosed is final: the page offers no further move.
    expect(await maintainer.locator('select[name=status] option').count()).toBe(0);
  }, 60_000);
});
