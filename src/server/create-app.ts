// The inbox's HTTP app (API and UI) without a listener, so tests drive it with `app.request()`;
// serve.ts listens. Security headers, body limits, submission rate limits and the one error
// mapping live here.

import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { html } from 'hono/html';
import type { InboxService } from '../services/create-inbox-service.js';
import { createRateLimiter } from './limit-rate.js';
import { mapError } from './map-error.js';
import { createApiRoutes, UnauthorizedError } from './routes/api-routes.js';
import type { ServerEnv } from './server-env.js';
import { renderPage } from './ui/render-page.js';
import { createUiRoutes } from './ui/ui-routes.js';

export interface AppOptions {
  inbox: InboxService;
  /** Report submissions per client address per minute; null turns the limit off. */
  submissionsPerMinute?: number | null;
  /** Largest request body in bytes (413 past it). */
  maxBodyBytes?: number;
  /** Mark cookies Secure even when the request URL is http (behind a TLS-terminating proxy). */
  secureCookies?: boolean;
}

const contentSecurityPolicy =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

function readClientAddress(c: Context<ServerEnv>): string {
  return c.env?.incoming?.socket?.remoteAddress ?? 'local';
}

function isApiRequest(c: Context<ServerEnv>): boolean {
  return new URL(c.req.url).pathname.startsWith('/api/');
}

export function createApp(options: AppOptions): Hono<ServerEnv> {
  const { inbox } = options;
  const limit = options.submissionsPerMinute === undefined ? 10 : options.submissionsPerMinute;
  const limiter = limit === null ? null : createRateLimiter({ limit, windowMs: 60_000 });
  const takeSubmission = (c: Context<ServerEnv>) =>
    limiter === null || limiter.take(readClientAddress(c));
  const app = new Hono<ServerEnv>();

  app.use(async (c, next) => {
    await next();
    c.header('content-security-policy', contentSecurityPolicy);
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'no-referrer');
    c.header('x-frame-options', 'DENY');
    c.header('cache-control', 'no-store');
  });

  app.use(
    bodyLimit({
      maxSize: options.maxBodyBytes ?? 2 * 1024 * 1024,
      onError: (c) =>
        c.json({ error: { code: 'too-large', message: 'the request body is too large' } }, 413),
    }),
  );

  app.route('/api/v1', createApiRoutes({ inbox, takeSubmission }));
  app.route(
    '/',
    createUiRoutes({ inbox, takeSubmission, secureCookies: options.secureCookies ?? false }),
  );

  app.notFound((c) =>
    isApiRequest(c)
      ? c.json({ error: { code: 'not-found', message: 'no such resource' } }, 404)
      : c.html(renderPage({ title: 'Not found', body: html`<p>There is nothing here.</p>` }), 404),
  );

  app.onError((error, c) => {
    const mapped =
      error instanceof UnauthorizedError
        ? { status: 401 as const, code: 'unauthorized', message: error.message }
        : mapError(error);
    if (isApiRequest(c)) {
      if (mapped.status === 401) c.header('www-authenticate', 'Bearer');
      return c.json({ error: { code: mapped.code, message: mapped.message } }, mapped.status);
    }
    return c.html(
      renderPage({ title: 'Error', body: html`<p class="error">${mapped.message}</p>` }),
      mapped.status,
    );
  });

  return app;
}
