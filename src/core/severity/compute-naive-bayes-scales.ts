// Naive-Bayes feature scales for the softmax regression (NB-LR, after Wang & Manning 2012): per
// feature and class, the absolute log-ratio of how often the feature is present in that class's
// texts against the other classes' texts. Features that tell the classes apart get large scales,
// so the L2 penalty holds uninformative ones near zero.

import type { SparseRows } from './fit-softmax-regression.js';

/** Present-feature counts per class: counts[feature * classCount + class]. */
function countPresence(rows: SparseRows, labels: Int32Array, classCount: number): Float64Array {
  const counts = new Float64Array(rows.columnCount * classCount);
  for (let row = 0; row < labels.length; row += 1) {
    const label = labels[row]!;
    for (let entry = rows.rowStart[row]!; entry < rows.rowStart[row + 1]!; entry += 1) {
      const index = rows.columns[entry]! * classCount + label;
      counts[index] = counts[index]! + 1;
    }
  }
  return counts;
}

/**
 * |ln((p_k / |p_k|) / (q_k / |q_k|))| per feature and class, where p_k counts the feature's presence
 * in class k's texts and q_k in the others', each plus `smoothing`. Laid out like the weights.
 */
export function computeNaiveBayesScales(
  rows: SparseRows,
  labels: Int32Array,
  classCount: number,
  smoothing: number,
): Float64Array {
  const counts = countPresence(rows, labels, classCount);
  const featureCount = rows.columnCount;
  const totals = new Float64Array(classCount);
  for (let feature = 0; feature < featureCount; feature += 1) {
    for (let k = 0; k < classCount; k += 1)
      totals[k] = totals[k]! + counts[feature * classCount + k]!;
  }
  const grandTotal = totals.reduce((sum, value) => sum + value, 0);
  const scales = new Float64Array(featureCount * classCount);
  for (let feature = 0; feature < featureCount; feature += 1) {
    let featureTotal = 0;
    for (let k = 0; k < classCount; k += 1) featureTotal += counts[feature * classCount + k]!;
    for (let k = 0; k < classCount; k += 1) {
      const inClass = counts[feature * classCount + k]!;
      const inClassNorm = totals[k]! + smoothing * featureCount;
      const othersNorm = grandTotal - totals[k]! + smoothing * featureCount;
      const ratio =
        (smoothing + inClass) / inClassNorm / ((smoothing + featureTotal - inClass) / othersNorm);
      scales[feature * classCount + k] = Math.abs(Math.log(ratio));
    }
  }
  return scales;
}
