// Maintainers' password hashes with node's scrypt (memory-hard: N=2^15, r=8, p=1, 32 MiB per hash),
// stored as `scrypt$N$r$p$salt$hash` so the cost can be raised later without breaking old hashes.

import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { PasswordHasher } from '../../services/ports.js';

const defaultCost = { N: 2 ** 15, r: 8, p: 1 };
const keyLength = 32;

function deriveKey(password: string, salt: Buffer, cost: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password,
      salt,
      keyLength,
      { ...cost, maxmem: 128 * cost.N! * cost.r! * 2 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

export function createScryptPasswordHasher(cost = defaultCost): PasswordHasher {
  return {
    async hash(password) {
      const salt = randomBytes(16);
      const key = await deriveKey(password, salt, cost);
      return [
        'scrypt',
        cost.N,
        cost.r,
        cost.p,
        salt.toString('base64url'),
        key.toString('base64url'),
      ].join('$');
    },
    async verify(password, passwordHash) {
      const parts = passwordHash.split('$');
      if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
      const [N, r, p] = parts.slice(1, 4).map(Number);
      if (!Number.isSafeInteger(N) || !Number.isSafeInteger(r) || !Number.isSafeInteger(p))
        return false;
      const expected = Buffer.from(parts[5]!, 'base64url');
      if (expected.length !== keyLength) return false;
      const key = await deriveKey(password, Buffer.from(parts[4]!, 'base64url'), {
        N: N!,
        r: r!,
        p: p!,
      });
      return timingSafeEqual(key, expected);
    },
    createPassword() {
      return randomBytes(18).toString('base64url');
    },
  };
}
