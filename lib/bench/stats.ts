/** The benchmarks' one statistic: the median of repeated runs (the upper middle for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('no values to take the median of');
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}
