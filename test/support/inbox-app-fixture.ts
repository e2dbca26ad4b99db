// The inbox's app in process (`app.request()`) over a real SQLite store, for the server's tests:
// a fresh data folder with two projects and a maintainer (password and API token), submissions
// through the API, and a log-in through the form.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createDefaultConfig } from '../../src/config/load-config.js';
import { createServices } from '../../src/create-services.js';
import { createApp } from '../../src/server/create-app.js';
import type { InboxService } from '../../src/services/create-inbox-service.js';

export const profileYaml = readFileSync(
  join(import.meta.dirname, '../../examples/security-profile.yml'),
  'utf8',
);

export const reportBody = `Affected version: 1.9.0

The function parse_header in src/http/parse.c reads past the end of its buffer when a header
line has no colon.

Steps to reproduce:
1. Build with ASan.
2. Send "GET / HTTP/1.1\\r\\nX\\r\\n\\r\\n".

Impact: a heap out-of-bounds read crashes the worker.`;

export interface Fixture {
  dir: string;
  inbox: InboxService;
  app: ReturnType<typeof createApp>;
  apiToken: string;
  password: string;
  email: string;
}

export async function createFixture(options: { submissionsPerMinute?: number | null } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'thresher-app-'));
  const inbox = await createServices(createDefaultConfig()).openInbox({ dataDir: dir });
  await inbox.addProject({ name: 'demo', profileYaml });
  await inbox.addProject({ name: 'other', profileYaml });
  const { user, password } = await inbox.addMaintainer('lead@example.org');
  const apiToken = await inbox.createApiToken('tests');
  const app = createApp({
    inbox,
    submissionsPerMinute: options.submissionsPerMinute ?? null,
    maxBodyBytes: 256 * 1024,
  });
  return { dir, inbox, app, apiToken, password, email: user.email } satisfies Fixture;
}

export async function submit(
  fixture: Fixture,
  report: { title: string; body: string; reporter?: { name?: string; email?: string } },
  project = 'demo',
) {
  const response = await fixture.app.request(`/api/v1/projects/${project}/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(report),
  });
  return { status: response.status, json: (await response.json()) as Record<string, string> };
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

export function readCookie(response: Response, name: string): string | null {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const [key, value] = pair!.split('=');
    if (key === name) return value ?? null;
  }
  return null;
}

export function readHiddenCsrf(html: string): string {
  const match = /name="csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF field in the page');
  return match[1]!;
}

/** Logs in through the form; returns the session cookie and the page's CSRF token. */
export async function logIn(fixture: Fixture): Promise<{ cookie: string; csrf: string }> {
  const form = await fixture.app.request('/login');
  const loginCsrf = readCookie(form, 'thr_login_csrf')!;
  const response = await fixture.app.request('/login', {
    method: 'POST',
    headers: { cookie: `thr_login_csrf=${loginCsrf}` },
    body: new URLSearchParams({
      csrf: readHiddenCsrf(await form.text()),
      email: fixture.email,
      password: fixture.password,
    }),
  });
  expect(response.status).toBe(303);
  const setCookie = response.headers.getSetCookie().find((line) => line.startsWith('thr_session='));
  expect(setCookie).toMatch(/HttpOnly/);
  expect(setCookie).toMatch(/SameSite=Strict/);
  const cookie = `thr_session=${readCookie(response, 'thr_session')}`;
  const home = await fixture.app.request('/', { headers: { cookie } });
  return { cookie, csrf: readHiddenCsrf(await home.text()) };
}
