// Reads a file the user named only when it is a regular file, and never more than a limit: a FIFO
// or a device (`/dev/zero` behind a symlink) is refused before a byte is read, and a file that
// grows while it is read stops at the limit. Opened non-blocking, so a FIFO cannot hang the open.

import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

export type RegularFileRead =
  | { ok: true; bytes: Uint8Array }
  | {
      ok: false;
      reason: 'not-found' | 'not-a-file' | 'too-large' | 'unreadable';
      message: string;
      /** Bytes seen when the file was too large. */
      size: number;
    };

export async function readRegularFile(path: string, maxBytes: number): Promise<RegularFileRead> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return failure('not-found', 'no such file');
    return failure('unreadable', `cannot read: ${describe(error)}`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return failure('not-a-file', 'not a regular file');
    if (info.size > maxBytes) return tooLarge(info.size, maxBytes);
    const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) return tooLarge(length, maxBytes);
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) return tooLarge(length, maxBytes);
    }
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch (error) {
    return failure('unreadable', `cannot read: ${describe(error)}`);
  } finally {
    await handle.close();
  }
}

function failure(
  reason: 'not-found' | 'not-a-file' | 'unreadable',
  message: string,
): RegularFileRead {
  return { ok: false, reason, message, size: 0 };
}

function tooLarge(size: number, maxBytes: number): RegularFileRead {
  return {
    ok: false,
    reason: 'too-large',
    message: `too large (${size} bytes; the limit is ${maxBytes})`,
    size,
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
