// Bar charts for the dashboard as inline SVG built with hono's `html` template: labels are
// escaped like every other value, there is no script and nothing is loaded from elsewhere.

import { html } from 'hono/html';
import type { Markup } from './render-page.js';

interface Bar {
  label: string;
  /** Null draws no bar (no data), unlike 0. */
  value: number | null;
}

const barWidth = 36;
const gap = 8;
const plotHeight = 120;
const labelHeight = 44;

/** A vertical bar chart with each bar's value above it and its label below. */
export function renderBarChart(options: {
  title: string;
  bars: readonly Bar[];
  unit?: string;
}): Markup {
  const { bars, title, unit = '' } = options;
  const largest = Math.max(1, ...bars.map((bar) => bar.value ?? 0));
  const width = bars.length * (barWidth + gap) + gap;
  const height = plotHeight + labelHeight + 16;
  return html`<figure class="chart">
    <svg
      xmlns="http://www.w3.org/2000/svg"
      role="img"
      aria-label="${title}"
      viewBox="0 0 ${width} ${height}"
      width="${width}"
      height="${height}"
    >
      <title>${title}</title>
      ${bars.map((bar, index) => {
        const x = gap + index * (barWidth + gap);
        const barHeight = bar.value === null ? 0 : Math.round((bar.value / largest) * plotHeight);
        const top = 16 + plotHeight - barHeight;
        return html`<g>
          ${
            bar.value === null
              ? ''
              : html`<rect
                    x="${x}"
                    y="${top}"
                    width="${barWidth}"
                    height="${barHeight}"
                    fill="#3b6ea5"
                  ></rect>
                  <text x="${x + barWidth / 2}" y="${top - 3}" font-size="11" text-anchor="middle">
                    ${bar.value}${unit}
                  </text>`
          }
          <text
            x="${x + barWidth / 2}"
            y="${16 + plotHeight + 14}"
            font-size="10"
            text-anchor="middle"
          >
            ${bar.label}
          </text>
        </g>`;
      })}
    </svg>
    <figcaption>${title}</figcaption>
  </figure>`;
}
