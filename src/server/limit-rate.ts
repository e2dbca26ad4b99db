// A fixed-window counter per client address, for report submissions (429 past the limit).
// In memory: one server process; several processes each count their own.

export interface RateLimiter {
  /** True when one more request from `key` is allowed now. */
  take(key: string): boolean;
}

export function createRateLimiter(options: {
  limit: number;
  windowMs: number;
  now?: () => number;
}): RateLimiter {
  const now = options.now ?? Date.now;
  let windowStart = now();
  let counts = new Map<string, number>();
  return {
    take(key) {
      const time = now();
      if (time - windowStart >= options.windowMs) {
        windowStart = time;
        counts = new Map();
      }
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      return count <= options.limit;
    },
  };
}
