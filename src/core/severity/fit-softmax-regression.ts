// Multinomial logistic regression on sparse rows, fitted by L-BFGS (deterministic, no step size to
// tune): the classifier behind each metric of the severity model.

/** Rows in compressed sparse row form. */
export interface SparseRows {
  rowStart: Int32Array;
  columns: Int32Array;
  values: Float64Array;
  columnCount: number;
}

export interface SoftmaxFit {
  /** Column-major by feature: weights[feature * classCount + class]. */
  weights: Float64Array;
  bias: Float64Array;
  classCount: number;
}

export interface SoftmaxOptions {
  classCount: number;
  /** L2 penalty on the weights (not the bias), per mean example. */
  l2: number;
  maxIterations: number;
  /** Weight of each class in the loss (1 for all = plain likelihood). */
  classWeights?: readonly number[];
  /** Per row, a factor its loss is multiplied by (absent: every row weighs 1). */
  rowWeights?: Float64Array;
  /**
   * Per feature and class (laid out like the weights), a factor the fitted parameter is multiplied
   * by to give the weight; the L2 penalty applies to the parameter, so a feature with a small
   * factor is held close to zero (naive-Bayes-scaled logistic regression). Absent: all 1.
   */
  featureScales?: Float64Array;
}

/** Logits of row `row` into `out`. */
export function computeRowLogits(
  rows: SparseRows,
  row: number,
  fit: Pick<SoftmaxFit, 'weights' | 'bias' | 'classCount'>,
  out: Float64Array,
): void {
  const classCount = fit.classCount;
  for (let k = 0; k < classCount; k += 1) out[k] = fit.bias[k]!;
  for (let entry = rows.rowStart[row]!; entry < rows.rowStart[row + 1]!; entry += 1) {
    const base = rows.columns[entry]! * classCount;
    const value = rows.values[entry]!;
    for (let k = 0; k < classCount; k += 1) out[k] = out[k]! + value * fit.weights[base + k]!;
  }
}

export function softmaxInPlace(logits: Float64Array, temperature = 1): void {
  let max = -Infinity;
  for (const value of logits) max = Math.max(max, value / temperature);
  let sum = 0;
  for (let k = 0; k < logits.length; k += 1) {
    logits[k] = Math.exp(logits[k]! / temperature - max);
    sum += logits[k]!;
  }
  for (let k = 0; k < logits.length; k += 1) logits[k] = logits[k]! / sum;
}

interface Problem {
  rows: SparseRows;
  labels: Int32Array;
  options: SoftmaxOptions;
  weightCount: number;
}

/** Loss and gradient at `point` = [weights..., bias...]. */
function evaluate(problem: Problem, point: Float64Array, gradient: Float64Array): number {
  const { rows, labels, options, weightCount } = problem;
  const { rowStart, columns, values } = rows;
  const classCount = options.classCount;
  const classWeights = options.classWeights;
  const scales = options.featureScales;
  gradient.fill(0);
  const probabilities = new Float64Array(classCount);
  let loss = 0;
  let totalWeight = 0;
  for (let row = 0; row < labels.length; row += 1) {
    const label = labels[row]!;
    const weight =
      (classWeights ? (classWeights[label] ?? 1) : 1) * (options.rowWeights?.[row] ?? 1);
    totalWeight += weight;
    const first = rowStart[row]!;
    const last = rowStart[row + 1]!;
    for (let k = 0; k < classCount; k += 1) probabilities[k] = point[weightCount + k]!;
    for (let entry = first; entry < last; entry += 1) {
      const base = columns[entry]! * classCount;
      const value = values[entry]!;
      for (let k = 0; k < classCount; k += 1) {
        const factor = scales ? scales[base + k]! : 1;
        probabilities[k] = probabilities[k]! + value * factor * point[base + k]!;
      }
    }
    softmaxInPlace(probabilities);
    loss -= weight * Math.log(Math.max(probabilities[label]!, 1e-300));
    probabilities[label] = probabilities[label]! - 1;
    for (let k = 0; k < classCount; k += 1) {
      probabilities[k] = weight * probabilities[k]!;
      gradient[weightCount + k] = gradient[weightCount + k]! + probabilities[k]!;
    }
    for (let entry = first; entry < last; entry += 1) {
      const base = columns[entry]! * classCount;
      const value = values[entry]!;
      for (let k = 0; k < classCount; k += 1) {
        gradient[base + k] = gradient[base + k]! + value * probabilities[k]!;
      }
    }
  }
  const scale = 1 / Math.max(totalWeight, 1e-12);
  loss *= scale;
  const l2 = options.l2;
  for (let index = 0; index < gradient.length; index += 1) {
    gradient[index] = gradient[index]! * scale;
  }
  if (scales) {
    for (let index = 0; index < weightCount; index += 1) {
      gradient[index] = gradient[index]! * scales[index]!;
    }
  }
  for (let index = 0; index < weightCount; index += 1) {
    const parameter = point[index]!;
    loss += 0.5 * l2 * parameter * parameter;
    gradient[index] = gradient[index]! + l2 * parameter;
  }
  return loss;
}

function dot(left: Float64Array, right: Float64Array): number {
  let sum = 0;
  for (let index = 0; index < left.length; index += 1) sum += left[index]! * right[index]!;
  return sum;
}

/** The L-BFGS direction -H·g from the stored pairs (two-loop recursion). */
function findDirection(
  gradient: Float64Array,
  steps: Float64Array[],
  changes: Float64Array[],
): Float64Array {
  const direction = new Float64Array(gradient.length);
  for (let j = 0; j < direction.length; j += 1) direction[j] = -gradient[j]!;
  const alphas: number[] = [];
  for (let index = steps.length - 1; index >= 0; index -= 1) {
    const rho = 1 / dot(changes[index]!, steps[index]!);
    const alpha = rho * dot(steps[index]!, direction);
    alphas[index] = alpha;
    const change = changes[index]!;
    for (let j = 0; j < direction.length; j += 1) direction[j] = direction[j]! - alpha * change[j]!;
  }
  if (steps.length > 0) {
    const last = steps.length - 1;
    const gamma = dot(steps[last]!, changes[last]!) / dot(changes[last]!, changes[last]!);
    for (let j = 0; j < direction.length; j += 1) direction[j] = direction[j]! * gamma;
  }
  for (let index = 0; index < steps.length; index += 1) {
    const rho = 1 / dot(changes[index]!, steps[index]!);
    const beta = rho * dot(changes[index]!, direction);
    const step = steps[index]!;
    for (let j = 0; j < direction.length; j += 1) {
      direction[j] = direction[j]! + (alphas[index]! - beta) * step[j]!;
    }
  }
  return direction;
}

const memory = 8;

/** `target = left + factor × right`, in place. */
function addScaled(
  target: Float64Array,
  left: Float64Array,
  factor: number,
  right: Float64Array,
): void {
  for (let index = 0; index < target.length; index += 1) {
    target[index] = left[index]! + factor * right[index]!;
  }
}

/** Fits the weights; deterministic for the same rows, labels and options. */
export function fitSoftmaxRegression(
  rows: SparseRows,
  labels: Int32Array,
  options: SoftmaxOptions,
): SoftmaxFit {
  const weightCount = rows.columnCount * options.classCount;
  const problem: Problem = { rows, labels, options, weightCount };
  const size = weightCount + options.classCount;
  let point = new Float64Array(size);
  let gradient = new Float64Array(size);
  let nextPoint = new Float64Array(size);
  let nextGradient = new Float64Array(size);
  let loss = evaluate(problem, point, gradient);
  const steps: Float64Array[] = [];
  const changes: Float64Array[] = [];
  for (let iteration = 0; iteration < options.maxIterations; iteration += 1) {
    let direction = findDirection(gradient, steps, changes);
    let slope = dot(direction, gradient);
    if (slope >= 0) {
      // Not a descent direction: start over from the gradient.
      steps.length = 0;
      changes.length = 0;
      direction = findDirection(gradient, steps, changes);
      slope = dot(direction, gradient);
    }
    let stepSize = iteration === 0 ? 1 / Math.sqrt(dot(gradient, gradient)) : 1;
    let nextLoss = Infinity;
    for (let attempt = 0; attempt < 30; attempt += 1) {
      addScaled(nextPoint, point, stepSize, direction);
      nextLoss = evaluate(problem, nextPoint, nextGradient);
      if (nextLoss <= loss + 1e-4 * stepSize * slope) break;
      stepSize *= 0.5;
    }
    if (!(nextLoss < loss)) break;
    // Reuse the oldest pair's arrays once memory is full.
    const isFull = steps.length >= memory;
    const step = (isFull ? steps.shift() : undefined) ?? new Float64Array(size);
    const change = (isFull ? changes.shift() : undefined) ?? new Float64Array(size);
    addScaled(step, nextPoint, -1, point);
    addScaled(change, nextGradient, -1, gradient);
    if (dot(step, change) > 1e-12) {
      steps.push(step);
      changes.push(change);
    }
    const improvement = loss - nextLoss;
    const previousPoint = point;
    point = nextPoint;
    nextPoint = previousPoint;
    const previousGradient = gradient;
    gradient = nextGradient;
    nextGradient = previousGradient;
    loss = nextLoss;
    if (improvement < 1e-7 * Math.max(1, Math.abs(loss))) break;
  }
  const weights = point.slice(0, weightCount);
  const scales = options.featureScales;
  if (scales) {
    for (let index = 0; index < weightCount; index += 1) {
      weights[index] = weights[index]! * scales[index]!;
    }
  }
  return {
    weights,
    bias: point.slice(weightCount),
    classCount: options.classCount,
  };
}
