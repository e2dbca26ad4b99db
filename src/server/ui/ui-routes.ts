// The server-rendered UI: the submission form with the project's policy, the reporter's private
// page, the maintainer's log-in, queue and report page. No script; forms post back. Maintainers'
// forms carry a CSRF token derived from their session; the log-in form a double-submit cookie.

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { html } from 'hono/html';
import {
  isReportStatus,
  reportStatuses,
  statusTransitions,
  summarizeInboxActivity,
  type ReportStatus,
} from '../../core/index.js';
import type { InboxService, Viewer } from '../../services/create-inbox-service.js';
import type { ReportEvent, ReportRecord } from '../../services/ports.js';
import { mapError } from '../map-error.js';
import type { ServerEnv } from '../server-env.js';
import { addAdvisoryRoutes } from './advisory-routes.js';
import { readField } from './read-form-field.js';
import { renderBarChart } from './render-bar-chart.js';
import { renderPage, styleSheet, type Markup } from './render-page.js';

const sessionCookie = 'thr_session';
const loginCsrfCookie = 'thr_login_csrf';
const csrfKey = randomBytes(32);

/** A session's CSRF token: only someone who holds the session cookie can compute it. */
function deriveCsrf(sessionToken: string): string {
  return createHmac('sha256', csrfKey).update(sessionToken).digest('base64url');
}

function isSameSecret(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function isSecureRequest(c: Context<ServerEnv>, secureCookies: boolean): boolean {
  return secureCookies || new URL(c.req.url).protocol === 'https:';
}

function readObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function readStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
}

function describeValue(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : 'none';
}

export interface Maintainer {
  email: string;
  csrf: string;
  viewer: Viewer;
}

export function createUiRoutes(options: {
  inbox: InboxService;
  takeSubmission: (c: Context<ServerEnv>) => boolean;
  secureCookies: boolean;
}): Hono<ServerEnv> {
  const { inbox } = options;
  const ui = new Hono<ServerEnv>();

  async function findMaintainer(c: Context<ServerEnv>): Promise<Maintainer | null> {
    const token = getCookie(c, sessionCookie);
    if (!token) return null;
    const viewer = await inbox.identifySession(token);
    if (viewer.kind !== 'maintainer') return null;
    return { email: viewer.user.email, csrf: deriveCsrf(token), viewer };
  }

  /** The maintainer behind a form post with the right CSRF token; null otherwise. */
  async function checkMaintainerForm(
    c: Context<ServerEnv>,
  ): Promise<{ maintainer: Maintainer; form: Record<string, unknown> } | null> {
    const maintainer = await findMaintainer(c);
    const form = (await c.req.parseBody()) as Record<string, unknown>;
    if (!maintainer || !isSameSecret(form.csrf, maintainer.csrf)) return null;
    return { maintainer, form };
  }

  function refuseForm(c: Context<ServerEnv>) {
    return c.html(
      renderPage({
        title: 'Refused',
        body: html`<p class="error">
          This form was not sent from your session (log in again and retry).
        </p>`,
      }),
      403,
    );
  }

  ui.get('/static/style.css', (c) => {
    c.header('content-type', 'text/css; charset=utf-8');
    return c.body(styleSheet);
  });

  ui.get('/', async (c) => {
    const projects = await inbox.listProjects();
    const maintainer = await findMaintainer(c);
    return c.html(
      renderPage({
        title: 'Report a vulnerability',
        user: maintainer,
        body: html`<ul>
          ${projects.map(
            (project) =>
              html`<li>
                <a href="/projects/${encodeURIComponent(project.name)}/report">${project.name}</a>${
                  maintainer
                    ? html` ·
                        <a href="/projects/${encodeURIComponent(project.name)}/queue">queue</a>`
                    : ''
                }
              </li>`,
          )}
        </ul>`,
      }),
    );
  });

  function renderSubmissionForm(
    projectName: string,
    policy: Markup,
    values: Record<string, string>,
    error: string | null,
    missing: readonly { name: string; reason: string }[] = [],
  ): Markup {
    return html`${policy} ${error ? html`<p class="error">${error}</p>` : ''}
      ${
        missing.length > 0
          ? html`<section class="missing">
              <p>The policy asks every report for these, and yours seems to lack them:</p>
              <ul>
                ${missing.map((item) => html`<li><b>${item.name}</b>: ${item.reason}</li>`)}
              </ul>
              <p>
                Add them below and send, or send the report as it is (the maintainers will ask).
              </p>
            </section>`
          : ''
      }
      <form
        method="post"
        action="/projects/${encodeURIComponent(projectName)}/report"
        enctype="multipart/form-data"
      >
        <label
          >Title <input type="text" name="title" maxlength="1000" value="${values.title ?? ''}"
        /></label>
        <label
          >Report (affected version, component, steps to reproduce, impact)
          <textarea name="body">${values.body ?? ''}</textarea>
        </label>
        <label
          >Or a report file (Markdown, text, e-mail, GitHub advisory, HackerOne or OSV JSON)
          <input type="file" name="file"
        /></label>
        <label
          >Your name <input type="text" name="name" maxlength="320" value="${values.name ?? ''}"
        /></label>
        <label
          >Your e-mail
          <input type="email" name="email" maxlength="320" value="${values.email ?? ''}"
        /></label>
        ${
          missing.length > 0
            ? html`<label
                ><input type="checkbox" name="send-anyway" value="1" /> Send it as it is</label
              >`
            : ''
        }
        <p><button type="submit">Send report</button></p>
      </form>`;
  }

  async function renderPolicy(projectName: string): Promise<Markup> {
    const project = await inbox.getProject(projectName);
    const profile = inbox.readProfile(project);
    const { policy, reportRequirements, threatModel } = profile;
    const versions = Array.isArray(policy.supportedVersions)
      ? policy.supportedVersions.join(', ') || 'all'
      : policy.supportedVersions;
    return html`<section class="policy">
      <h2>Policy of ${profile.project.name}</h2>
      <p>
        Supported versions:
        ${versions}.${
          policy.response.acknowledgeDays !== undefined
            ? html` We acknowledge within ${policy.response.acknowledgeDays} days.`
            : ''
        }
      </p>
      <p>
        A report must include:
        ${reportRequirements.required.join(', ') || 'nothing in particular'}${
          reportRequirements.recommended.length > 0
            ? html`; it should include: ${reportRequirements.recommended.join(', ')}`
            : ''
        }.
      </p>
      ${
        threatModel.outOfScope.length > 0
          ? html`<p>Out of scope:</p>
              <ul>
                ${threatModel.outOfScope.map((rule) => html`<li>${rule.statement}</li>`)}
              </ul>`
          : ''
      }
    </section>`;
  }

  ui.get('/projects/:project/report', async (c) => {
    const name = c.req.param('project');
    const policy = await renderPolicy(name);
    const { settings } = await inbox.getProject(name);
    if (settings.intakePausedMessage !== null) {
      return c.html(
        renderPage({
          title: `Report a vulnerability in ${name}`,
          body: html`${policy}
            <p class="error" id="intake-paused">
              This project is not taking reports now: ${settings.intakePausedMessage}
            </p>`,
        }),
        503,
      );
    }
    return c.html(
      renderPage({
        title: `Report a vulnerability in ${name}`,
        body: renderSubmissionForm(name, policy, {}, null),
      }),
    );
  });

  ui.post('/projects/:project/report', async (c) => {
    const name = c.req.param('project');
    const policy = await renderPolicy(name);
    const form = (await c.req.parseBody()) as Record<string, unknown>;
    const values = {
      title: readField(form, 'title'),
      body: readField(form, 'body'),
      name: readField(form, 'name'),
      email: readField(form, 'email'),
    };
    const file = form.file instanceof File && form.file.size > 0 ? form.file : null;
    const refuse = (message: string, status: 400 | 404 | 409 | 413 | 429 | 503) =>
      c.html(
        renderPage({
          title: `Report a vulnerability in ${name}`,
          body: renderSubmissionForm(name, policy, values, message),
        }),
        status,
      );
    if (!options.takeSubmission(c)) {
      return refuse('Too many reports from your address; try again later.', 429);
    }
    if (file === null && (values.title.trim() === '' || values.body.trim() === '')) {
      return refuse('A title and a report (or a report file) are required.', 400);
    }
    // Completeness is checked before sending (the same checks triage applies); nothing is stored
    // until the reporter has added what is missing or chosen to send it as it is.
    if (file === null && readField(form, 'send-anyway') !== '1') {
      let missing;
      try {
        missing = await inbox.checkSubmission({
          project: name,
          title: values.title,
          body: values.body,
          reporterEmail: values.email === '' ? null : values.email,
        });
      } catch (error) {
        const mapped = mapError(error);
        if (mapped.status === 500) throw error;
        return refuse(mapped.message, mapped.status);
      }
      if (missing.length > 0) {
        return c.html(
          renderPage({
            title: `Report a vulnerability in ${name}`,
            body: renderSubmissionForm(name, policy, values, null, missing),
          }),
          200,
        );
      }
    }
    const reporter = { name: values.name, email: values.email };
    let receipt;
    try {
      receipt =
        file === null
          ? await inbox.submitReport({
              project: name,
              title: values.title,
              body: values.body,
              reporter,
              channel: 'web',
            })
          : await inbox.submitReportFile({
              project: name,
              file: {
                name: file.name || 'report',
                content: new Uint8Array(await file.arrayBuffer()),
              },
              title: values.title.trim() === '' ? null : values.title,
              reporter,
              channel: 'web',
            });
    } catch (error) {
      const mapped = mapError(error);
      if (mapped.status === 500) throw error;
      return refuse(mapped.message, mapped.status);
    }
    const link = receipt.token ? `/track/${receipt.token}` : null;
    return c.html(
      renderPage({
        title: 'Report received',
        body: html`<p>Thank you. Your report <code>${receipt.id}</code> is stored.</p>
          ${
            link
              ? html`<p>
                  Follow it and talk with the maintainers through this private link (keep it secret;
                  it is shown once):
                  <a id="private-link" href="${link}">${new URL(link, c.req.url).href}</a>
                </p>`
              : html`<p>We had already received this exact report.</p>`
          }`,
      }),
      201,
    );
  });

  ui.get('/projects/:project/published', async (c) => {
    const name = c.req.param('project');
    const published = await inbox.listPublishedReports(name);
    return c.html(
      renderPage({
        title: `Disclosed reports of ${name}`,
        body:
          published.length === 0
            ? html`<p>No report has been disclosed yet.</p>`
            : html`${published.map(
                (record) =>
                  html`<article class="published">
                    <h2>${record.title}</h2>
                    <p>
                      <small>received ${record.receivedAt} · disclosed ${record.updatedAt}</small>
                    </p>
                    <pre>${record.body}</pre>
                  </article>`,
              )}`,
      }),
    );
  });

  function renderThread(events: ReportEvent[]): Markup {
    const shown = events.filter((event) => event.body !== null || event.kind === 'status-changed');
    return html`<ol class="thread">
      ${shown.map(
        (event) =>
          html`<li>
            <small
              >${event.at} ·
              ${event.actor}${
                event.visibility === 'team' ? ' · team note' : ''
              }${event.toStatus ? html` · status ${event.fromStatus ?? ''} → ${event.toStatus}` : ''}</small
            >${event.body !== null ? html`<pre>${event.body}</pre>` : ''}
          </li>`,
      )}
    </ol>`;
  }

  ui.get('/track/:token', async (c) => {
    const viewer = await inbox.identifyToken(c.req.param('token'));
    if (viewer.kind !== 'reporter' && viewer.kind !== 'guest') return c.notFound();
    const record = await inbox.getReport(viewer, viewer.reportId);
    const events = await inbox.listMessages(viewer, record.id);
    return c.html(
      renderPage({
        title: record.title,
        body: html`${
            viewer.kind === 'guest'
              ? html`<p id="guest-notice">
                  You are a guest on this report: you see the report and its thread with the
                  reporter.
                </p>`
              : ''
          }
          <p>
            Status: <strong id="status">${record.status}</strong> · received
            ${record.receivedAt}${
              record.embargoUntil ? html` · embargoed until ${record.embargoUntil}` : ''
            }
          </p>
          <pre>${record.body}</pre>
          <h2>Messages</h2>
          ${renderThread(events)}
          <form method="post" action="/track/${c.req.param('token')}/messages">
            <label>Message to the maintainers <textarea name="body" required></textarea></label>
            <button type="submit">Send</button>
          </form>`,
      }),
    );
  });

  // No cookie is involved: the token in the path is the credential, so no CSRF token is needed.
  ui.post('/track/:token/messages', async (c) => {
    const token = c.req.param('token');
    const viewer = await inbox.identifyToken(token);
    if (viewer.kind !== 'reporter' && viewer.kind !== 'guest') return c.notFound();
    const form = (await c.req.parseBody()) as Record<string, unknown>;
    await inbox.addMessage(viewer, viewer.reportId, {
      body: readField(form, 'body'),
      visibility: 'reporter',
    });
    return c.redirect(`/track/${token}`, 303);
  });

  function renderLogin(csrf: string, error: string | null): Markup {
    return renderPage({
      title: 'Maintainer log in',
      body: html`${error ? html`<p class="error">${error}</p>` : ''}
        <form method="post" action="/login">
          <input type="hidden" name="csrf" value="${csrf}" />
          <label>E-mail <input type="email" name="email" required /></label>
          <label>Password <input type="password" name="password" required /></label>
          <p><button type="submit">Log in</button></p>
        </form>`,
    });
  }

  ui.get('/login', (c) => {
    const csrf = randomBytes(24).toString('base64url');
    setCookie(c, loginCsrfCookie, csrf, {
      httpOnly: true,
      sameSite: 'Strict',
      secure: isSecureRequest(c, options.secureCookies),
      path: '/login',
    });
    return c.html(renderLogin(csrf, null));
  });

  ui.post('/login', async (c) => {
    const form = (await c.req.parseBody()) as Record<string, unknown>;
    const expected = getCookie(c, loginCsrfCookie);
    if (!expected || !isSameSecret(form.csrf, expected)) return refuseForm(c);
    const session = await inbox.logIn(readField(form, 'email'), readField(form, 'password'));
    if (!session) return c.html(renderLogin(expected, 'Wrong e-mail or password.'), 401);
    deleteCookie(c, loginCsrfCookie, { path: '/login' });
    setCookie(c, sessionCookie, session.token, {
      httpOnly: true,
      sameSite: 'Strict',
      secure: isSecureRequest(c, options.secureCookies),
      path: '/',
    });
    return c.redirect('/', 303);
  });

  ui.post('/logout', async (c) => {
    const checked = await checkMaintainerForm(c);
    if (!checked) return refuseForm(c);
    await inbox.logOut(getCookie(c, sessionCookie)!);
    deleteCookie(c, sessionCookie, { path: '/' });
    return c.redirect('/', 303);
  });

  ui.get('/projects/:project/queue', async (c) => {
    const maintainer = await findMaintainer(c);
    if (!maintainer) return c.redirect('/login', 303);
    const project = c.req.param('project');
    const statusParameter = c.req.query('status');
    const status: ReportStatus | null = isReportStatus(statusParameter) ? statusParameter : null;
    const counts = await inbox.countByStatus(project);
    const page = await inbox.listQueue({
      project,
      statuses: status ? [status] : [],
      limit: 200,
      cursor: c.req.query('cursor') ?? null,
    });
    const base = `/projects/${encodeURIComponent(project)}/queue`;
    return c.html(
      renderPage({
        title: `Queue of ${project}`,
        user: maintainer,
        body: html`<p>
            <a href="/projects/${encodeURIComponent(project)}/dashboard">dashboard</a> ·
            <a href="/projects/${encodeURIComponent(project)}/settings">intake settings</a>
          </p>
          <p class="counts">
            <a href="${base}">all</a>${reportStatuses.map(
              (state) => html`<a href="${base}?status=${state}">${state} (${counts[state]})</a>`,
            )}
          </p>
          <table>
            <thead>
              <tr>
                <th>Priority</th>
                <th>Title</th>
                <th>Status</th>
                <th>Verdict</th>
                <th>Rules</th>
                <th>Received</th>
              </tr>
            </thead>
            <tbody>
              ${page.reports.map(
                (entry) =>
                  html`<tr>
                    <td>${entry.priority}</td>
                    <td><a href="/reports/${encodeURIComponent(entry.id)}">${entry.title}</a></td>
                    <td>${entry.status}</td>
                    <td>${entry.disposition ?? ''}</td>
                    <td>${entry.rules.join(', ')}</td>
                    <td>${entry.receivedAt}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
          ${
            page.next
              ? html`<p>
                  <a
                    href="${base}?${new URLSearchParams({ ...(status ? { status } : {}), cursor: page.next }).toString()}"
                    >next page</a
                  >
                </p>`
              : ''
          }`,
      }),
    );
  });

  function renderAssessment(record: ReportRecord): Markup {
    const assessment = readObject(record.assessment);
    const severity = readObject(assessment.severity);
    const claimed = readObject(severity.claimed);
    const assessed = readObject(severity.assessed);
    const duplicates = Array.isArray(assessment.duplicates)
      ? assessment.duplicates.map(readObject)
      : [];
    return html`<section>
      <h2>Verdict</h2>
      <p>
        Verdict: <strong id="verdict">${record.disposition ?? 'not triaged'}</strong> · priority
        ${record.priority}
      </p>
      <p>Rules: ${record.rules.join(', ') || 'none'}</p>
      <p>Missing: ${readStrings(assessment.missing).join(', ') || 'nothing'}</p>
      <p>
        Severity claimed: ${describeValue(claimed.rating)} · assessed:
        ${describeValue(assessed.rating)} (${describeValue(severity.comparison)})
      </p>
      <h3>Duplicate candidates</h3>
      ${
        duplicates.length > 0
          ? html`<ul>
              ${duplicates.map(
                (candidate) =>
                  html`<li>
                    ${describeValue(candidate.id)}: ${describeValue(candidate.title)} (score
                    ${describeValue(candidate.score)})
                  </li>`,
              )}
            </ul>`
          : html`<p>None.</p>`
      }
    </section>`;
  }

  ui.get('/reports/:id', async (c) => {
    const maintainer = await findMaintainer(c);
    if (!maintainer) return c.redirect('/login', 303);
    const record = await inbox.getReport(maintainer.viewer, c.req.param('id'));
    const events = await inbox.listMessages(maintainer.viewer, record.id);
    const finders = await inbox.listFinders(maintainer.viewer, record.id);
    const advisoryDraft = await inbox.getAdvisoryDraft(maintainer.viewer, record.id);
    const guestLink = c.req.query('guest');
    const draft = describeValue(readObject(record.assessment).reply);
    const action = `/reports/${encodeURIComponent(record.id)}`;
    const csrfField = html`<input type="hidden" name="csrf" value="${maintainer.csrf}" />`;
    return c.html(
      renderPage({
        title: record.title,
        user: maintainer,
        body: html`<p>
            Project
            <a href="/projects/${encodeURIComponent(record.project)}/queue">${record.project}</a> ·
            status <strong id="status">${record.status}</strong> · from
            ${record.reporter.name ?? 'anonymous'} &lt;${record.reporter.email ?? ''}&gt; · received
            ${record.receivedAt}
          </p>
          <h2>Report</h2>
          <pre id="report-body">${record.body}</pre>
          ${renderAssessment(record)}
          <h2>Finders</h2>
          ${
            record.duplicateOf
              ? html`<p id="duplicate-of">
                  Duplicate of
                  <a href="/reports/${encodeURIComponent(record.duplicateOf)}"
                    >${record.duplicateOf}</a
                  >
                </p>`
              : ''
          }
          <ol id="finders">
            ${finders.map(
              (finder) =>
                html`<li>
                  ${finder.reporter.name ?? finder.reporter.email ?? 'anonymous'} (<a
                    href="/reports/${encodeURIComponent(finder.reportId)}"
                    >${finder.reportId}</a
                  >, ${finder.receivedAt})
                </li>`,
            )}
          </ol>
          <form method="post" action="${action}/duplicate">
            ${csrfField}
            <input type="hidden" name="version" value="${record.version}" />
            <label
              >Mark as a duplicate of report (id)
              <input type="text" name="originalId" required maxlength="200"
            /></label>
            <button type="submit">Mark duplicate</button>
          </form>
          <h2>Advisory draft</h2>
          <p id="advisory-draft">
            ${
              advisoryDraft
                ? html`<a id="advisory-link" href="${action}/advisory"
                      >${advisoryDraft.advisory.summary}</a
                    >
                    (version ${advisoryDraft.version}): show, edit, export OSV, CVE JSON 5 or CSAF`
                : html`None yet.
                    <a id="advisory-link" href="${action}/advisory">Draft the advisory</a> from this
                    report and its duplicates.`
            }
          </p>
          <h2>Embargo</h2>
          <p id="embargo">
            ${
              record.embargoUntil
                ? html`Not to be disclosed before ${record.embargoUntil}.`
                : 'No embargo.'
            }
          </p>
          <form method="post" action="${action}/embargo">
            ${csrfField}
            <input type="hidden" name="version" value="${record.version}" />
            <label
              >Embargo until (YYYY-MM-DD, UTC; empty to lift)
              <input
                type="text"
                name="until"
                maxlength="40"
                value="${record.embargoUntil?.slice(0, 10) ?? ''}"
            /></label>
            <button type="submit">Set embargo</button>
          </form>
          <h2>Guests</h2>
          ${
            guestLink
              ? html`<p>
                  Guest link (shown once; it opens this report and its reporter thread only):
                  <a id="guest-link" href="/track/${guestLink}"
                    >${new URL(`/track/${guestLink}`, c.req.url).href}</a
                  >
                </p>`
              : ''
          }
          <form method="post" action="${action}/guests">
            ${csrfField}
            <button type="submit">Invite a guest</button>
          </form>
          <form method="post" action="${action}/guests/revoke">
            ${csrfField}
            <button type="submit">End every guest invitation</button>
          </form>
          <h2>Change status</h2>
          <form method="post" action="${action}/status">
            ${csrfField}
            <input type="hidden" name="version" value="${record.version}" />
            <label
              >New status
              <select name="status">
                ${statusTransitions[record.status].map(
                  (state) => html`<option value="${state}">${state}</option>`,
                )}
              </select></label
            >
            <label>Message to the reporter (optional) <textarea name="message"></textarea></label>
            <button type="submit">Change status</button>
          </form>
          <h2>Reply to the reporter</h2>
          <form method="post" action="${action}/reply">
            ${csrfField}
            <label
              >Reply (the draft from triage)
              <textarea name="body" required>${draft === 'none' ? '' : draft}</textarea>
            </label>
            <button type="submit">Send reply</button>
          </form>
          <h2>Team note</h2>
          <form method="post" action="${action}/note">
            ${csrfField}
            <label
              >Note (never shown to the reporter) <textarea name="body" required></textarea>
            </label>
            <button type="submit">Add note</button>
          </form>
          <h2>Thread</h2>
          ${renderThread(events)}`,
      }),
    );
  });

  ui.post('/reports/:id/status', async (c) => {
    const checked = await checkMaintainerForm(c);
    if (!checked) return refuseForm(c);
    const status = readField(checked.form, 'status');
    const message = readField(checked.form, 'message');
    if (!isReportStatus(status)) return c.text('unknown status', 400);
    await inbox.changeStatus(checked.maintainer.viewer, c.req.param('id'), {
      status,
      version: Number(readField(checked.form, 'version')),
      ...(message.trim() !== '' ? { message } : {}),
    });
    return c.redirect(`/reports/${encodeURIComponent(c.req.param('id'))}`, 303);
  });

  ui.post('/reports/:id/duplicate', async (c) => {
    const checked = await checkMaintainerForm(c);
    if (!checked) return refuseForm(c);
    await inbox.markDuplicate(checked.maintainer.viewer, c.req.param('id'), {
      originalId: readField(checked.form, 'originalId').trim(),
      version: Number(readField(checked.form, 'version')),
    });
    return c.redirect(`/reports/${encodeURIComponent(c.req.param('id'))}`, 303);
  });

  ui.post('/reports/:id/embargo', async (c) => {
    const checked = await checkMaintainerForm(c);
    if (!checked) return refuseForm(c);
    const until = readField(checked.form, 'until').trim();
    await inbox.setEmbargo(checked.maintainer.viewer, c.req.param('id'), {
      until: until === '' ? null : until,
      version: Number(readField(checked.form, 'version')),
    });
    return c.redirect(`/reports/${encodeURIComponent(c.req.param('id'))}`, 303);
  });

  ui.post('/reports/:id/guests', async (c) => {
    const checked = await checkMaintainerForm(c);
    if (!checked) return refuseForm(c);
    const token = await inbox.inviteGuest(checked.maintainer.viewer, c.req.param('id'));
    // The page shows the link once; the token travels in this redirect only (no-referrer, no-store).
    return c.redirect(
      `/reports/${encodeURIComponent(c.req.param('id'))}?guest=${encodeURIComponent(token)}`,
      303,
    );
  });

  ui.post('/reports/:id/guests/revoke', async (c) => {
    const checked = await checkMaintainerForm(c);
    if (!checked) return refuseForm(c);
    await inbox.revokeGuests(checked.maintainer.viewer, c.req.param('id'));
    return c.redirect(`/reports/${encodeURIComponent(c.req.param('id'))}`, 303);
  });

  ui.get('/projects/:project/dashboard', async (c) => {
    const maintainer = await findMaintainer(c);
    if (!maintainer) return c.redirect('/login', 303);
    const project = c.req.param('project');
    const summary = summarizeInboxActivity(
      await inbox.listActivity(project),
      new Date().toISOString(),
    );
    const { firstResponse } = summary;
    return c.html(
      renderPage({
        title: `Dashboard of ${project}`,
        user: maintainer,
        body: html`<p><a href="/projects/${encodeURIComponent(project)}/queue">queue</a></p>
          ${renderBarChart({
            title: 'Reports per week (weeks start on Monday, UTC)',
            bars: summary.reportsPerWeek.map((week) => ({
              label: week.week.slice(5),
              value: week.count,
            })),
          })}
          ${renderBarChart({
            title: 'Verdict mix',
            bars: summary.verdicts.map((verdict) => ({
              label: verdict.verdict,
              value: verdict.count,
            })),
          })}
          <table id="verdicts">
            <tbody>
              ${summary.verdicts.map(
                (verdict) =>
                  html`<tr>
                    <td>${verdict.verdict}</td>
                    <td>${verdict.count}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
          ${renderBarChart({
            title: 'Median hours to first response, by week of arrival',
            unit: 'h',
            bars: firstResponse.medianHoursPerWeek.map((week) => ({
              label: week.week.slice(5),
              value: week.medianHours,
            })),
          })}
          <p id="first-response">
            First response: ${firstResponse.answered} answered, ${firstResponse.unanswered} waiting;
            median ${firstResponse.medianHours ?? '–'} h, 90th percentile
            ${firstResponse.p90Hours ?? '–'} h.
          </p>`,
      }),
    );
  });

  function renderSettingsForm(
    project: string,
    settings: Awaited<ReturnType<InboxService['getProject']>>['settings'],
    csrf: string,
    notice: string | null,
  ): Markup {
    const csrfField = html`<input type="hidden" name="csrf" value="${csrf}" />`;
    const action = `/projects/${encodeURIComponent(project)}`;
    return html`${notice ? html`<p id="notice">${notice}</p>` : ''}
      <form method="post" action="${action}/settings">
        ${csrfField}
        <label
          >Pause intake with this message (empty: taking reports)
          <input
            type="text"
            name="intakePausedMessage"
            maxlength="2000"
            value="${settings.intakePausedMessage ?? ''}"
        /></label>
        <label
          >Work-in-progress limit (open reports; empty: none)
          <input
            type="text"
            name="workInProgressLimit"
            value="${settings.workInProgressLimit ?? ''}"
        /></label>
        <label
          >Reports per reporter per day (empty: no limit)
          <input
            type="text"
            name="reportsPerReporterPerDay"
            value="${settings.reportsPerReporterPerDay ?? ''}"
        /></label>
        <label
          ><input
            type="checkbox"
            name="requireReproductionFromNewReporters"
            value="on"
            ${settings.requireReproductionFromNewReporters ? 'checked' : ''}
          />
          New reporters' reports without steps to reproduce wait in needs-info</label
        >
        <label
          ><input
            type="checkbox"
            name="publishDisclosedReports"
            value="on"
            ${settings.publishDisclosedReports ? 'checked' : ''}
          />
          Publish disclosed reports at <a href="${action}/published">${action}/published</a></label
        >
        <p><button type="submit">Save settings</button></p>
      </form>
      <h2>Triage again</h2>
      <form method="post" action="${action}/triage">
        ${csrfField}
        <p>
          Triage every open report again with the current profile (done by itself when the profile
          changes).
        </p>
        <button type="submit">Triage open reports again</button>
      </form>`;
  }

  ui.get('/projects/:project/settings', async (c) => {
    const maintainer = await findMaintainer(c);
    if (!maintainer) return c.redirect('/login', 303);
    const project = await inbox.getProject(c.req.param('project'));
    // Only numbers come from the address bar, so a crafted link cannot put words on this page.
    const retriaged = Number(c.req.query('retriaged'));
    const failed = Number(c.req.query('failed') ?? 0);
    const notice =
      c.req.query('saved') === '1'
        ? 'Saved.'
        : Number.isSafeInteger(retriaged) && c.req.query('retriaged') !== undefined
          ? `Triaged ${retriaged} open reports again${Number.isSafeInteger(failed) && failed > 0 ? `; ${failed} failed` : ''}.`
          : null;
    return c.html(
      renderPage({
        title: `Intake settings of ${project.name}`,
        user: maintainer,
        body: renderSettingsForm(project.name, project.settings, maintainer.csrf, notice),
      }),
    );
  });

  function readOptionalCount(form: Record<string, unknown>, name: string): number | null {
    const text = readField(form, name).trim();
    return text === '' ? null : Number(text);
  }

  ui.post('/projects/:project/settings', async (c) => {
    const checked = await checkMaintainerForm(c);
    if (!checked) return refuseForm(c);
    const { form } = checked;
    const message = readField(form, 'intakePausedMessage').trim();
    await inbox.updateProject(c.req.param('project'), {
      settings: {
        intakePausedMessage: message === '' ? null : message,
        workInProgressLimit: readOptionalCount(form, 'workInProgressLimit'),
        reportsPerReporterPerDay: readOptionalCount(form, 'reportsPerReporterPerDay'),
        requireReproductionFromNewReporters: form.requireReproductionFromNewReporters === 'on',
        publishDisclosedReports: form.publishDisclosedReports === 'on',
      },
    });
    return c.redirect(
      `/projects/${encodeURIComponent(c.req.param('project'))}/settings?saved=1`,
      303,
    );
  });

  ui.post('/projects/:project/triage', async (c) => {
    const checked = await checkMaintainerForm(c);
    if (!checked) return refuseForm(c);
    const { retriaged, failed } = await inbox.retriageProject(c.req.param('project'));
    return c.redirect(
      `/projects/${encodeURIComponent(c.req.param('project'))}/settings?retriaged=${retriaged}&failed=${failed}`,
      303,
    );
  });

  addAdvisoryRoutes(ui, { inbox, findMaintainer, checkMaintainerForm, refuseForm });

  for (const [path, visibility] of [
    ['/reports/:id/reply', 'reporter'],
    ['/reports/:id/note', 'team'],
  ] as const) {
    ui.post(path, async (c) => {
      const checked = await checkMaintainerForm(c);
      if (!checked) return refuseForm(c);
      await inbox.addMessage(checked.maintainer.viewer, c.req.param('id'), {
        body: readField(checked.form, 'body'),
        visibility,
      });
      return c.redirect(`/reports/${encodeURIComponent(c.req.param('id'))}`, 303);
    });
  }

  return ui;
}
