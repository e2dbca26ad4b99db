// Listens: serves the inbox's app on a port with @hono/node-server until closed. The one entry
// point of the server that the command line (`thresher serve`) uses.

import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Hono } from 'hono';
import type { InboxService } from '../services/create-inbox-service.js';
import { createApp, type AppOptions } from './create-app.js';
import type { ServerEnv } from './server-env.js';

export interface RunningServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

function startServer(options: {
  app: Hono<ServerEnv>;
  port: number;
  hostname?: string;
}): Promise<RunningServer> {
  const hostname = options.hostname ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: options.app.fetch, port: options.port, hostname },
      (info: AddressInfo) => {
        const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
        resolve({
          port: info.port,
          url: `http://${host}:${info.port}`,
          close: () =>
            new Promise((done, fail) => server.close((error) => (error ? fail(error) : done()))),
        });
      },
    );
    server.once('error', reject);
  });
}

/** Builds the app over an open inbox and listens (port 0: any free port). */
export function serveInbox(
  inbox: InboxService,
  options: Omit<AppOptions, 'inbox'> & { port: number; hostname?: string },
): Promise<RunningServer> {
  const { port, hostname, ...appOptions } = options;
  return startServer({
    app: createApp({ inbox, ...appOptions }),
    port,
    ...(hostname !== undefined ? { hostname } : {}),
  });
}
