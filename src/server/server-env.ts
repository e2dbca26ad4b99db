// The Hono environment of the inbox's app: what @hono/node-server puts in `c.env` (the incoming
// request, for the client's address), absent when tests call `app.request()`.

import type { IncomingMessage } from 'node:http';

export interface ServerEnv {
  Bindings: { incoming?: IncomingMessage };
}
