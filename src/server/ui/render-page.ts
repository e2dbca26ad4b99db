// The page frame of the server-rendered UI and its one stylesheet. Every value goes through hono's
// `html` template, which escapes what it interpolates; nothing from a report is ever `raw`.

import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

export type Markup = HtmlEscapedString | Promise<HtmlEscapedString>;

export const styleSheet = `
body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #1b1b1b; }
header { display: flex; gap: 1rem; align-items: baseline; border-bottom: 1px solid #ccc; margin-bottom: 1rem; }
header form { margin-left: auto; }
pre { white-space: pre-wrap; word-break: break-word; background: #f5f5f5; padding: .75rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid #ddd; vertical-align: top; }
label { display: block; margin-top: .75rem; }
input[type=text], input[type=email], input[type=password], textarea, select { width: 100%; box-sizing: border-box; }
textarea { min-height: 8rem; }
.error { color: #a00; }
.counts a { margin-right: .75rem; }
`;

export function renderPage(options: {
  title: string;
  body: Markup;
  /** Shown with a log-out button when a maintainer is logged in. */
  user?: { email: string; csrf: string } | null;
}): Markup {
  const { title, body, user } = options;
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · Thresher</title>
        <link rel="stylesheet" href="/static/style.css" />
      </head>
      <body>
        <header>
          <strong><a href="/">Thresher</a></strong
          >${
            user
              ? html`<span>${user.email}</span>
                  <form method="post" action="/logout">
                    <input type="hidden" name="csrf" value="${user.csrf}" /><button type="submit">
                      Log out
                    </button>
                  </form>`
              : html`<a href="/login">Maintainer log in</a>`
          }
        </header>
        <main>
          <h1>${title}</h1>
          ${body}
        </main>
      </body>
    </html>`;
}
