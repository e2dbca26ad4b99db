// End to end through a real browser: the compiled binary serves the inbox on a free port and
// Debian's Chromium (driven by playwright-core) submits a report as a reporter, logs in as a
// maintainer, finds it in the queue, triages it, replies, invites a guest (who never sees the team
// note), and carries it through the workflow (accepted, fixing, fixed) to disclosed, held back by
// an embargo until it is lifted; the reporter follows every step on their private page. Then a
// maintainer drafts the advisory of a report, edits its summary, and downloads it as OSV.

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStandardValidator } from '../../src/adapters/standards/create-standard-validator.js';
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
    // The form checks the draft against the policy before it is sent: the step is not concrete
    // and there is no statement on AI use. The reporter completes the draft kept in the form.
    await reporter.waitForSelector('.missing');
    const missing = await reporter.textContent('.missing');
    expect(missing).toContain('ai-disclosure');
    expect(missing).toContain('reproduction');
    expect(await reporter.inputValue('input[name=email]')).toBe('ada@example.org');
    const draft = await reporter.inputValue('textarea[name=body]');
    await reporter.fill(
      'textarea[name=body]',
      draft.replace(
        '1. send a header without a colon',
        '1. Build with ASan.\n2. Send "GET / HTTP/1.1\\r\\nX\\r\\n\\r\\n".',
      ) + '\n\nAI use: none.',
    );
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
    const reportPath = new URL(maintainer.url()).pathname;
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

    // A guest invited to this report sees it and the reporter thread, never the team notes.
    await maintainer.fill('form[action$="/note"] textarea[name=body]', 'Team only: check 1.8 too.');
    await maintainer.click('form[action$="/note"] button[type=submit]');
    await maintainer.waitForSelector('text=Team only: check 1.8 too.');
    await maintainer.click('form[action$="/guests"] button[type=submit]');
    const guestLink = (await maintainer.getAttribute('#guest-link', 'href'))!;
    const guest = await browser.newPage();
    await guest.goto(`${server.url}${guestLink}`);
    expect(await guest.textContent('#guest-notice')).toContain('guest');
    expect(await guest.textContent('.thread')).toContain('We are looking into it.');
    expect(await guest.content()).not.toContain('Team only');

    const moveTo = async (state: string) => {
      await maintainer.selectOption('select[name=status]', state);
      await maintainer.fill('form[action$="/status"] textarea[name=message]', `Now ${state}.`);
      await maintainer.click('form[action$="/status"] button[type=submit]');
    };
    for (const state of ['accepted', 'fixing', 'fixed']) {
      await moveTo(state);
      await maintainer.waitForSelector(`#status:text("${state}")`);
      await reporter.goto(`${server.url}${privateLink}`);
      expect(await reporter.textContent('#status')).toBe(state);
      expect(await reporter.textContent('.thread')).toContain(`Now ${state}.`);
    }

    // An embargo holds disclosure back until its date; lifting it lets the report out.
    await maintainer.fill('form[action$="/embargo"] input[name=until]', '2999-01-31');
    await maintainer.click('form[action$="/embargo"] button[type=submit]');
    await maintainer.waitForSelector('#embargo:text("2999-01-31")');
    await moveTo('disclosed');
    await maintainer.waitForSelector('text=under embargo until 2999-01-31');
    await maintainer.goto(`${server.url}${reportPath}`);
    expect(await maintainer.textContent('#status')).toBe('fixed');
    await maintainer.fill('form[action$="/embargo"] input[name=until]', '');
    await maintainer.click('form[action$="/embargo"] button[type=submit]');
    await maintainer.waitForSelector('#embargo:text("No embargo.")');
    await moveTo('disclosed');
    await maintainer.waitForSelector('#status:text("disclosed")');
    await reporter.goto(`${server.url}${privateLink}`);
    expect(await reporter.textContent('#status')).toBe('disclosed');
    expect(await reporter.textContent('.thread')).toContain('Now disclosed.');
    // Disclosed is final: the page offers no further move.
    expect(await maintainer.locator('select[name=status] option').count()).toBe(0);
  }, 60_000);

  it('drafts the advisory of a report, edits its summary and downloads it as OSV', async () => {
    const submitted = await fetch(`${server.url}/api/v1/projects/demo/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Out-of-bounds read in chunked decoding',
        body: 'Affected version: 1.9.0\n\nparse_chunk in src/http/chunked.c reads past its buffer.\n\nSteps to reproduce:\n1. Build with ASan.\n2. Send a chunk size of ffffffff.\n\nImpact: crash.\n\nAI use: none.',
        reporter: { name: 'Grace', email: 'grace@example.org' },
      }),
    });
    expect(submitted.status).toBe(201);
    const { id } = (await submitted.json()) as { id: string };

    const maintainer = await browser.newPage();
    await maintainer.goto(`${server.url}/login`);
    await maintainer.fill('input[name=email]', 'lead@example.org');
    await maintainer.fill('input[name=password]', password);
    await maintainer.click('button[type=submit]');
    await maintainer.goto(`${server.url}/reports/${id}`);
    await maintainer.click('#advisory-link');
    await maintainer.waitForSelector('#no-advisory');
    await maintainer.click('#create-advisory');
    await maintainer.waitForSelector('#advisory-notice:text("Drafted.")');
    expect(await maintainer.textContent('#advisory-notes')).toContain('fixedVersions');
    expect(await maintainer.textContent('#advisory-credits')).toContain('Grace');
    // The profile's disclosure deadline embargoes the draft: a public export is refused.
    expect(await maintainer.textContent('#advisory-embargo')).toContain('Embargoed until');
    await maintainer.click('#export-osv');
    await maintainer.waitForSelector('#advisory-error');
    expect(await maintainer.textContent('#advisory-error')).toMatch(
      /Not exported: the advisory is embargoed until .*; it may be exported from then on/,
    );

    await maintainer.fill(
      '#advisory-fields input[name=summary]',
      'Out-of-bounds read in parse_chunk <i>1.9</i>',
    );
    await maintainer.fill('#advisory-fields input[name=embargoUntil]', '');
    await maintainer.click('#save-fields');
    await maintainer.waitForSelector('#advisory-notice:text("Saved.")');
    expect(await maintainer.textContent('#advisory-summary')).toBe(
      'Out-of-bounds read in parse_chunk <i>1.9</i>',
    );
    expect(await maintainer.textContent('#advisory-version')).toBe('2');

    const [download] = await Promise.all([
      maintainer.waitForEvent('download'),
      maintainer.click('#export-osv'),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.osv\.json$/);
    const document = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
      summary: string;
      credits: { name: string }[];
    };
    expect(document.summary).toBe('Out-of-bounds read in parse_chunk <i>1.9</i>');
    expect(document.credits.map((credit) => credit.name)).toContain('Grace');
    expect(await createStandardValidator().validate('osv', document)).toEqual([]);
  }, 60_000);
});
