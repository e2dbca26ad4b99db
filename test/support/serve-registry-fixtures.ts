// A loopback stand-in for the npm registry: serves the hand-written packuments in
// test/fixtures/deps/registry (`{{daysAgo:N}}` becomes a date N days before now), answers 404 for
// other names, and the bulk advisory endpoint from advisories-bulk.json. Records every request.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const folder = join(import.meta.dirname, '../fixtures/deps/registry');

export interface RecordedRequest {
  method: string;
  path: string;
  body: string;
}

export interface FixtureRegistry {
  url: string;
  requests: RecordedRequest[];
  /** Most requests the server held at once. */
  peakConcurrency(): number;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function fillDates(text: string): string {
  return text.replace(/\{\{daysAgo:(\d+)\}\}/g, (_match, days: string) =>
    new Date(Date.now() - Number(days) * 24 * 3600 * 1000).toISOString(),
  );
}

/** `failures`: how many requests answer 503 first (to exercise retries). */
export async function serveRegistryFixtures(
  options: { failures?: number; delayMs?: number } = {},
): Promise<FixtureRegistry> {
  const requests: RecordedRequest[] = [];
  let failuresLeft = options.failures ?? 0;
  let inFlight = 0;
  let peak = 0;
  const server = createServer((request, response) => {
    void (async () => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      const body = await readBody(request);
      const path = decodeURIComponent((request.url ?? '/').split('?')[0]!);
      requests.push({ method: request.method ?? 'GET', path, body });
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      inFlight -= 1;
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        response.writeHead(503).end('busy');
        return;
      }
      response.setHeader('content-type', 'application/json');
      if (request.method === 'POST' && path === '/-/npm/v1/security/advisories/bulk') {
        const asked = JSON.parse(body) as Record<string, string[]>;
        const known = JSON.parse(
          readFileSync(join(folder, 'advisories-bulk.json'), 'utf8'),
        ) as Record<string, unknown>;
        response.end(
          JSON.stringify(
            Object.fromEntries(
              Object.keys(asked)
                .filter((name) => name in known)
                .map((name) => [name, known[name]]),
            ),
          ),
        );
        return;
      }
      const name = path.slice(1);
      const file = join(folder, `${name.replace('/', '__')}.json`);
      if (
        request.method !== 'GET' ||
        name.includes('..') ||
        name.startsWith('-') ||
        !existsSync(file)
      ) {
        response.writeHead(404).end('{"error":"Not found"}');
        return;
      }
      response.end(fillDates(readFileSync(file, 'utf8')));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    peakConcurrency: () => peak,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
