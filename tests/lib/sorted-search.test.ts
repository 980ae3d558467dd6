import { describe, expect, it } from 'vitest';
import { countAtOrBelow } from '../../lib/sorted-search';

describe('countAtOrBelow', () => {
  it('counts the values at or below, equal values included', () => {
    const sorted = [0, 10, 10, 25];
    expect([-1, 0, 9, 10, 24, 25, 99].map((v) => countAtOrBelow(sorted, v))).toEqual([0, 1, 1, 3, 3, 4, 4]);
    expect(countAtOrBelow([], 5)).toBe(0);
  });
});
