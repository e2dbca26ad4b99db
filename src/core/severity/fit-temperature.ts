// Temperature scaling: one number that divides the logits so that held-out probabilities match
// how often the model is right (calibration), without changing which class wins.

import { softmaxInPlace } from './fit-softmax-regression.js';

function meanNegativeLogLikelihood(
  logits: readonly Float64Array[],
  labels: ArrayLike<number>,
  temperature: number,
): number {
  let sum = 0;
  for (let row = 0; row < logits.length; row += 1) {
    const probabilities = Float64Array.from(logits[row]!);
    softmaxInPlace(probabilities, temperature);
    sum -= Math.log(Math.max(probabilities[labels[row]!]!, 1e-300));
  }
  return sum / Math.max(logits.length, 1);
}

/** The temperature in [1/20, 20] that minimises the held-out log loss (golden-section on ln T). */
export function fitTemperature(logits: readonly Float64Array[], labels: ArrayLike<number>): number {
  if (logits.length === 0) return 1;
  const ratio = (Math.sqrt(5) - 1) / 2;
  let low = Math.log(1 / 20);
  let high = Math.log(20);
  let left = high - ratio * (high - low);
  let right = low + ratio * (high - low);
  let leftLoss = meanNegativeLogLikelihood(logits, labels, Math.exp(left));
  let rightLoss = meanNegativeLogLikelihood(logits, labels, Math.exp(right));
  for (let iteration = 0; iteration < 40; iteration += 1) {
    if (leftLoss < rightLoss) {
      high = right;
      right = left;
      rightLoss = leftLoss;
      left = high - ratio * (high - low);
      leftLoss = meanNegativeLogLikelihood(logits, labels, Math.exp(left));
    } else {
      low = left;
      left = right;
      leftLoss = rightLoss;
      right = low + ratio * (high - low);
      rightLoss = meanNegativeLogLikelihood(logits, labels, Math.exp(right));
    }
  }
  return Math.exp((low + high) / 2);
}
