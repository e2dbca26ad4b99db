// Random ids and access tokens, and the hash under which a token is stored. Tokens carry 256
// random bits, so one SHA-256 suffices (no salt or stretching: nothing to guess), and a stolen
// database gives no usable token.

import { createHash, randomBytes } from 'node:crypto';

export function createId(prefix: string): string {
  return `${prefix}_${randomBytes(10).toString('hex')}`;
}

/** `thr_<kind>_` then 43 base64url characters; the prefix lets secret scanners find leaks. */
export function createToken(kind: 'report' | 'api' | 'session'): string {
  return `thr_${kind}_${randomBytes(32).toString('base64url')}`;
}

export function hashText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
