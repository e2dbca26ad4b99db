// Deterministic k-fold assignment from a seed, shared by training (calibration folds) and the
// benchmark (cross-validation), so the same seed always splits the same way.

/** mulberry32: a small seeded generator; the same seed gives the same sequence everywhere. */
function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** The fold (0..folds-1) of each of `count` items: a seeded shuffle dealt round-robin. */
export function assignFolds(count: number, folds: number, seed: number): Int32Array {
  const random = createSeededRandom(seed);
  const order = Array.from({ length: count }, (_, index) => index);
  for (let index = count - 1; index > 0; index -= 1) {
    const swap = Math.floor(random() * (index + 1));
    [order[index], order[swap]] = [order[swap]!, order[index]!];
  }
  const assignment = new Int32Array(count);
  order.forEach((item, position) => {
    assignment[item] = position % folds;
  });
  return assignment;
}
