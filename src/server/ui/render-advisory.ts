// The draft advisory as the maintainer's page shows it: every field of the model as text (the
// `html` template escapes each value; the details are Markdown shown as written, never rendered).

import { html } from 'hono/html';
import type { Advisory, AdvisoryRangeEvent } from '../../core/index.js';
import type { Markup } from './render-page.js';

function describeEvent(event: AdvisoryRangeEvent): string {
  const [kind, value] = Object.entries(event)[0] ?? ['', ''];
  return `${kind === 'lastAffected' ? 'last affected' : kind} ${String(value)}`;
}

function listOrNone(values: readonly string[]): string {
  return values.length > 0 ? values.join(', ') : 'none';
}

export function renderAdvisory(advisory: Advisory, now: string): Markup {
  const { severity, timeline } = advisory;
  const isEmbargoed = advisory.embargoUntil !== null && advisory.embargoUntil > now;
  return html`<section id="advisory">
    <p>
      <b>Id</b> <code id="advisory-id">${advisory.id}</code> · aliases
      ${listOrNone(advisory.aliases)} · modified ${advisory.modified}
    </p>
    <h3>Summary</h3>
    <p id="advisory-summary">${advisory.summary}</p>
    <h3>Details</h3>
    <pre id="advisory-details">${advisory.details}</pre>
    <h3>Affected</h3>
    <table id="advisory-affected">
      <thead>
        <tr>
          <th>Package</th>
          <th>Ranges</th>
          <th>Versions</th>
          <th>Fixed in</th>
          <th>Where</th>
        </tr>
      </thead>
      <tbody>
        ${advisory.affected.map(
          (affected) =>
            html`<tr>
              <td>
                ${affected.package.ecosystem ? `${affected.package.ecosystem}: ` : ''}
                ${affected.package.name}${affected.package.purl ? html` (${affected.package.purl})` : ''}
              </td>
              <td>
                ${affected.ranges.map(
                  (range) =>
                    html`<div>
                      ${range.type}${range.repo ? html` ${range.repo}` : ''}:
                      ${range.events.map(describeEvent).join(', ')}
                    </div>`,
                )}
              </td>
              <td>${listOrNone(affected.versions)}</td>
              <td>${listOrNone(affected.fixedVersions)}</td>
              <td>
                ${listOrNone([...affected.components, ...affected.functions, ...affected.files])}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
    <h3>Severity</h3>
    <p id="advisory-severity">
      CVSS: ${listOrNone(severity.cvss)} · rating:
      ${severity.rating ?? 'none'}${severity.text ? html` · ${severity.text}` : ''}
    </p>
    <p id="advisory-cwes">CWE: ${listOrNone(advisory.cwes)}</p>
    <h3>Credits</h3>
    <ul id="advisory-credits">
      ${advisory.credits.map(
        (credit) =>
          html`<li>
            ${credit.name}
            (${credit.type.toLowerCase().replace(/_/g, ' ')})${
              credit.contact.length > 0 ? html` · ${credit.contact.join(', ')}` : ''
            }
          </li>`,
      )}
    </ul>
    <h3>References</h3>
    <ul id="advisory-references">
      ${advisory.references.map((reference) => html`<li>${reference.type}: ${reference.url}</li>`)}
    </ul>
    <h3>Timeline</h3>
    <p id="advisory-timeline">
      reported ${timeline.reported ?? '–'} · acknowledged ${timeline.acknowledged ?? '–'} · fixed
      ${timeline.fixed ?? '–'} · published ${timeline.published ?? '–'}
    </p>
    <h3>Embargo</h3>
    <p id="advisory-embargo">
      ${
        advisory.embargoUntil === null
          ? 'No embargo: every export is public.'
          : isEmbargoed
            ? html`Embargoed until <b>${advisory.embargoUntil}</b>: exports are refused until then,
                unless forced (for the CNA or other parties under the embargo).`
            : html`The embargo ended at ${advisory.embargoUntil}.`
      }
    </p>
    <p>
      Publisher:
      ${advisory.publisher.name}${
        advisory.publisher.url ? html` (${advisory.publisher.url})` : ''
      }${advisory.cna ? html` · CNA ${advisory.cna.shortName ?? advisory.cna.orgId}` : ''}
    </p>
  </section>`;
}
