// Logistic regression with an L2 penalty (not on the bias), fitted by Newton's method: exact and
// reproducible (no seed, no learning rate), and fast for the few dozen features of the learned
// models' training scripts: the duplicate pair model (scripts/train-duplicate-pair-model.ts) and
// the rule matcher (scripts/train-rule-matcher.ts). Weights are [bias, ...one per feature].

/** The weights minimising the log loss plus `penalty` times half the squared weights. */
export function fitLogisticRegression(
  rows: readonly number[][],
  labels: readonly number[],
  penalty: number,
): number[] {
  const width = rows[0]!.length + 1;
  const weights = new Array<number>(width).fill(0);
  for (let iteration = 0; iteration < 50; iteration += 1) {
    const gradient = new Array<number>(width).fill(0);
    const hessian = Array.from({ length: width }, () => new Array<number>(width).fill(0));
    for (const [at, row] of rows.entries()) {
      const x = [1, ...row];
      const p = 1 / (1 + Math.exp(-x.reduce((sum, value, i) => sum + value * weights[i]!, 0)));
      const error = p - labels[at]!;
      const curvature = Math.max(p * (1 - p), 1e-9);
      for (let i = 0; i < width; i += 1) {
        gradient[i]! += error * x[i]!;
        if (x[i] === 0) continue;
        for (let j = 0; j < width; j += 1) hessian[i]![j]! += curvature * x[i]! * x[j]!;
      }
    }
    for (let i = 1; i < width; i += 1) {
      gradient[i]! += penalty * weights[i]!;
      hessian[i]![i]! += penalty;
    }
    hessian[0]![0]! += 1e-6;
    const step = solveLinear(hessian, gradient);
    let largest = 0;
    for (let i = 0; i < width; i += 1) {
      weights[i]! -= step[i]!;
      largest = Math.max(largest, Math.abs(step[i]!));
    }
    if (largest < 1e-8) break;
  }
  return weights;
}

/** Gaussian elimination with partial pivoting. */
function solveLinear(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i]!]);
  for (let column = 0; column < n; column += 1) {
    let pivot = column;
    for (let row = column + 1; row < n; row += 1) {
      if (Math.abs(a[row]![column]!) > Math.abs(a[pivot]![column]!)) pivot = row;
    }
    [a[column], a[pivot]] = [a[pivot]!, a[column]!];
    const divisor = a[column]![column]!;
    for (let row = 0; row < n; row += 1) {
      if (row === column) continue;
      const factor = a[row]![column]! / divisor;
      if (factor === 0) continue;
      for (let k = column; k <= n; k += 1) a[row]![k]! -= factor * a[column]![k]!;
    }
  }
  return a.map((row, i) => row[n]! / row[i]!);
}

export function predictLogistic(weights: readonly number[], features: readonly number[]): number {
  let z = weights[0]!;
  for (const [i, value] of features.entries()) z += value * weights[i + 1]!;
  return 1 / (1 + Math.exp(-z));
}
