// Keeps the best `capacity` of a stream of candidates in a binary min-heap whose root is the
// weakest one kept, so choosing a few hundred among many thousands costs O(n log capacity).

/** The kept candidates, in heap order (not sorted). */
export function keepBestCandidates(
  candidates: Iterable<number>,
  capacity: number,
  isWorse: (first: number, second: number) => boolean,
): number[] {
  const heap: number[] = [];
  for (const candidate of candidates) {
    if (heap.length < capacity) {
      heap.push(candidate);
      siftUp(heap, heap.length - 1, isWorse);
    } else if (isWorse(heap[0]!, candidate)) {
      heap[0] = candidate;
      siftDown(heap, 0, isWorse);
    }
  }
  return heap;
}

function siftUp(heap: number[], index: number, isWorse: (x: number, y: number) => boolean): void {
  let at = index;
  while (at > 0) {
    const parent = (at - 1) >> 1;
    if (!isWorse(heap[at]!, heap[parent]!)) break;
    [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
    at = parent;
  }
}

function siftDown(heap: number[], index: number, isWorse: (x: number, y: number) => boolean): void {
  let at = index;
  for (;;) {
    const left = 2 * at + 1;
    const right = left + 1;
    let weakest = at;
    if (left < heap.length && isWorse(heap[left]!, heap[weakest]!)) weakest = left;
    if (right < heap.length && isWorse(heap[right]!, heap[weakest]!)) weakest = right;
    if (weakest === at) return;
    [heap[at], heap[weakest]] = [heap[weakest]!, heap[at]!];
    at = weakest;
  }
}
