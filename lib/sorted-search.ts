/** Binary search over sorted numbers, shared by the code that maps text positions to nodes and blocks. */

/** How many values of `sorted` (ascending) are at most `value`: the index of the first one above it. */
export function countAtOrBelow(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
