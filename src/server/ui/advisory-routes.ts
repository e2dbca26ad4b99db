// The maintainer's advisory page of a report (issue 15): draft the advisory from the report and
// its duplicates, read it, edit the key fields or the whole JSON (saved only when the model's
// checks pass, from the version read), and download OSV, CVE JSON 5 or CSAF once validated, or
// see why not. Forms post back with the session's CSRF token, like every maintainer form.

import type { Context, Hono } from 'hono';
import { html } from 'hono/html';
import type { AdvisoryFormat } from '../../core/index.js';
import type { InboxService } from '../../services/create-inbox-service.js';
import type { InboxAdvisoryDraft } from '../../services/manage-inbox-advisories.js';
import type { ReportRecord } from '../../services/ports.js';
import { mapError } from '../map-error.js';
import { describeExportRefusal, readAdvisoryFormat } from '../read-advisory-export.js';
import type { ServerEnv } from '../server-env.js';
import { renderAdvisory } from './render-advisory.js';
import { renderPage } from './render-page.js';
import { readField } from './read-form-field.js';
import type { Maintainer } from './ui-routes.js';

interface MaintainerForms {
  inbox: InboxService;
  findMaintainer(c: Context<ServerEnv>): Promise<Maintainer | null>;
  checkMaintainerForm(
    c: Context<ServerEnv>,
  ): Promise<{ maintainer: Maintainer; form: Record<string, unknown> } | null>;
  refuseForm(c: Context<ServerEnv>): Response | Promise<Response>;
}

type PageStatus = 200 | 201 | 400 | 404 | 409 | 423;

interface PageState {
  error?: string | null;
  notice?: string | null;
  /** What the drafting says to check or complete, shown once after drafting. */
  notes?: readonly string[];
  /** What the maintainer sent, kept in the editors when it was refused. */
  sent?: { summary?: string; details?: string; embargo?: string; json?: string };
}

/** `2027-01-31` is the start of that day, UTC; anything else goes to the model's check as written. */
function readEmbargoField(text: string): string | null {
  const value = text.trim();
  if (value === '') return null;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
}

/** A file name from the advisory id: letters, digits, dot, dash and underscore only. */
function toFileName(id: string, format: AdvisoryFormat): string {
  const base = id.replace(/[^\w.-]/g, '_').replace(/^\.+/, '') || 'advisory';
  return `${base.slice(0, 100)}.${format}.json`;
}

export function addAdvisoryRoutes(ui: Hono<ServerEnv>, forms: MaintainerForms): void {
  const { inbox } = forms;
  const pathOf = (id: string) => `/reports/${encodeURIComponent(id)}/advisory`;

  async function renderAdvisoryPage(
    c: Context<ServerEnv>,
    maintainer: Maintainer,
    record: ReportRecord,
    draft: InboxAdvisoryDraft | null,
    state: PageState,
    status: PageStatus,
  ) {
    const action = pathOf(record.id);
    const csrfField = html`<input type="hidden" name="csrf" value="${maintainer.csrf}" />`;
    const sent = state.sent ?? {};
    const intro = html`<p>
        <a href="/reports/${encodeURIComponent(record.id)}">back to the report</a>${
          draft !== null && draft.reportId !== record.id
            ? html` · this report is a duplicate: the draft belongs to its original
                <a href="/reports/${encodeURIComponent(draft.reportId)}">${draft.reportId}</a>`
            : ''
        }
      </p>
      ${state.error ? html`<p class="error" id="advisory-error">${state.error}</p>` : ''}
      ${state.notice ? html`<p id="advisory-notice">${state.notice}</p>` : ''}
      ${
        state.notes && state.notes.length > 0
          ? html`<ul id="advisory-notes">
              ${state.notes.map((note) => html`<li>${note}</li>`)}
            </ul>`
          : ''
      }`;
    if (draft === null) {
      return c.html(
        renderPage({
          title: `Advisory draft: ${record.title}`,
          user: maintainer,
          body: html`${intro}
            <p id="no-advisory">
              No advisory draft yet. Drafting reads this report and every duplicate linked to it
              (each finder credited, the earliest report date kept).
            </p>
            <form method="post" action="${action}">
              ${csrfField}
              <label
                >CVE id, when one is assigned (optional)
                <input type="text" name="cveId" maxlength="40"
              /></label>
              <label
                >OSV ecosystem of the package (npm, PyPI, Go...; optional)
                <input type="text" name="ecosystem" maxlength="100"
              /></label>
              <button type="submit" id="create-advisory">Draft the advisory</button>
            </form>`,
        }),
        status,
      );
    }
    const { advisory } = draft;
    const versionField = html`<input type="hidden" name="version" value="${draft.version}" />`;
    return c.html(
      renderPage({
        title: `Advisory draft: ${record.title}`,
        user: maintainer,
        body: html`${intro}
          <p>
            Draft version <span id="advisory-version">${draft.version}</span>, saved
            ${draft.updatedAt}
          </p>
          ${renderAdvisory(advisory, new Date().toISOString())}
          <h2>Export</h2>
          <form method="post" action="${action}/export">
            ${csrfField}
            <p>
              The document is validated against the format's official schema before it is given.
            </p>
            <label
              ><input type="checkbox" name="force" value="on" /> Export during the embargo (for the
              CNA or other parties under it)</label
            >
            <button type="submit" name="format" value="osv" id="export-osv">OSV</button>
            <button type="submit" name="format" value="cve5" id="export-cve5">CVE JSON 5</button>
            <button type="submit" name="format" value="csaf" id="export-csaf">CSAF 2.0</button>
          </form>
          <h2>Edit</h2>
          <form method="post" action="${action}/fields" id="advisory-fields">
            ${csrfField} ${versionField}
            <label
              >Summary (one line)
              <input
                type="text"
                name="summary"
                maxlength="256"
                value="${sent.summary ?? advisory.summary}"
            /></label>
            <label
              >Details (Markdown)
              <textarea name="details">${sent.details ?? advisory.details}</textarea>
            </label>
            <label
              >Embargo until (YYYY-MM-DD, UTC, or an ISO 8601 time; empty: none)
              <input
                type="text"
                name="embargoUntil"
                maxlength="40"
                value="${sent.embargo ?? advisory.embargoUntil ?? ''}"
            /></label>
            <button type="submit" id="save-fields">Save these fields</button>
          </form>
          <h3>The whole advisory (JSON)</h3>
          <form method="post" action="${action}/json" id="advisory-json">
            ${csrfField} ${versionField}
            <label
              >Affected versions, severity, CWEs, credits, references, timeline: every field of the
              model (docs/advisories.md)
              <textarea name="advisory" rows="30" spellcheck="false">
${sent.json ?? JSON.stringify(advisory, null, 2)}</textarea>
            </label>
            <button type="submit" id="save-json">Save the advisory</button>
          </form>`,
      }),
      status,
    );
  }

  /** Renders a refused write as the page with the error, keeping what was sent. */
  async function answerRefusal(
    c: Context<ServerEnv>,
    maintainer: Maintainer,
    error: unknown,
    sent: PageState['sent'],
  ) {
    const mapped = mapError(error);
    if (mapped.status !== 400 && mapped.status !== 409) throw error;
    const id = c.req.param('id')!;
    const record = await inbox.getReport(maintainer.viewer, id);
    const draft = await inbox.getAdvisoryDraft(maintainer.viewer, id);
    const message =
      mapped.status === 409 && draft !== null
        ? `${mapped.message}. Your text is kept below: saving it again replaces the version ${draft.version} shown above.`
        : mapped.message;
    return renderAdvisoryPage(
      c,
      maintainer,
      record,
      draft,
      { error: message, sent },
      mapped.status,
    );
  }

  ui.get('/reports/:id/advisory', async (c) => {
    const maintainer = await forms.findMaintainer(c);
    if (!maintainer) return c.redirect('/login', 303);
    const record = await inbox.getReport(maintainer.viewer, c.req.param('id'));
    const draft = await inbox.getAdvisoryDraft(maintainer.viewer, record.id);
    // Only fixed words come from the address bar, so a crafted link cannot put text on this page.
    const notice = c.req.query('saved') === '1' ? 'Saved.' : null;
    return renderAdvisoryPage(c, maintainer, record, draft, { notice }, 200);
  });

  ui.post('/reports/:id/advisory', async (c) => {
    const checked = await forms.checkMaintainerForm(c);
    if (!checked) return forms.refuseForm(c);
    const cveId = readField(checked.form, 'cveId').trim();
    const ecosystem = readField(checked.form, 'ecosystem').trim();
    const { maintainer } = checked;
    let created;
    try {
      created = await inbox.createAdvisoryDraft(maintainer.viewer, c.req.param('id'), {
        ...(cveId !== '' ? { cveId } : {}),
        ...(ecosystem !== '' ? { ecosystem } : {}),
      });
    } catch (error) {
      return answerRefusal(c, maintainer, error, {});
    }
    // Shown here rather than after a redirect: the notes are not kept.
    const record = await inbox.getReport(maintainer.viewer, c.req.param('id'));
    const notice =
      'Drafted. Check the affected versions, credits, severity and embargo before exporting:';
    return renderAdvisoryPage(
      c,
      maintainer,
      record,
      created.draft,
      { notice, notes: created.notes },
      201,
    );
  });

  ui.post('/reports/:id/advisory/fields', async (c) => {
    const checked = await forms.checkMaintainerForm(c);
    if (!checked) return forms.refuseForm(c);
    const { form, maintainer } = checked;
    const sent = {
      summary: readField(form, 'summary'),
      details: readField(form, 'details'),
      embargo: readField(form, 'embargoUntil'),
    };
    try {
      const draft = await inbox.getAdvisoryDraft(maintainer.viewer, c.req.param('id'));
      if (draft === null) return c.redirect(pathOf(c.req.param('id')), 303);
      await inbox.saveAdvisoryDraft(maintainer.viewer, c.req.param('id'), {
        version: Number(readField(form, 'version')),
        text: JSON.stringify({
          ...draft.advisory,
          summary: sent.summary,
          details: sent.details,
          embargoUntil: readEmbargoField(sent.embargo),
        }),
      });
    } catch (error) {
      return answerRefusal(c, maintainer, error, sent);
    }
    return c.redirect(`${pathOf(c.req.param('id'))}?saved=1`, 303);
  });

  ui.post('/reports/:id/advisory/json', async (c) => {
    const checked = await forms.checkMaintainerForm(c);
    if (!checked) return forms.refuseForm(c);
    const { form, maintainer } = checked;
    const text = readField(form, 'advisory');
    try {
      await inbox.saveAdvisoryDraft(maintainer.viewer, c.req.param('id'), {
        version: Number(readField(form, 'version')),
        text,
      });
    } catch (error) {
      return answerRefusal(c, maintainer, error, { json: text });
    }
    return c.redirect(`${pathOf(c.req.param('id'))}?saved=1`, 303);
  });

  ui.post('/reports/:id/advisory/export', async (c) => {
    const checked = await forms.checkMaintainerForm(c);
    if (!checked) return forms.refuseForm(c);
    const { form, maintainer } = checked;
    const id = c.req.param('id');
    let format: AdvisoryFormat;
    let outcome;
    try {
      format = readAdvisoryFormat(readField(form, 'format'));
      outcome = await inbox.exportAdvisoryDraft(maintainer.viewer, id, {
        format,
        force: form.force === 'on',
      });
    } catch (error) {
      return answerRefusal(c, maintainer, error, {});
    }
    if (outcome.kind !== 'exported') {
      const refusal = describeExportRefusal(outcome, format);
      const record = await inbox.getReport(maintainer.viewer, id);
      const draft = await inbox.getAdvisoryDraft(maintainer.viewer, id);
      return renderAdvisoryPage(
        c,
        maintainer,
        record,
        draft,
        { error: `Not exported: ${refusal.error.message}` },
        refusal.status,
      );
    }
    const draft = await inbox.getAdvisoryDraft(maintainer.viewer, id);
    c.header('content-type', 'application/json; charset=utf-8');
    c.header(
      'content-disposition',
      `attachment; filename="${toFileName(draft?.advisory.id ?? 'advisory', format)}"`,
    );
    return c.body(`${JSON.stringify(outcome.document, null, 2)}\n`);
  });
}
