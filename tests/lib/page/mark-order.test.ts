import { describe, expect, it } from 'vitest';
import { mergeIntoOrder } from '../../../lib/page/mark-order';

describe('marks kept in reading order as content arrives', () => {
  it('keeps the order of marks placed before and places new ones among them', () => {
    const placed = [10, 20, 30, 40];
    const items = [40, 25, 10, 5, 30, 45, 20];
    let compared = 0;
    const ordered = mergeIntoOrder(
      items,
      (n) => (placed.includes(n) ? placed.indexOf(n) : undefined),
      (a, b) => {
        compared++;
        return a - b;
      },
    );
    expect(ordered).toEqual([5, 10, 20, 25, 30, 40, 45]);
    // Three new marks among four: a handful of comparisons, not a sort of everything.
    expect(compared).toBeLessThanOrEqual(3 * 3 + 3);
  });

  it('compares nothing when nothing is new', () => {
    const ordered = mergeIntoOrder(
      ['b', 'a'],
      (s) => (s === 'a' ? 0 : 1),
      () => {
        throw new Error('compared');
      },
    );
    expect(ordered).toEqual(['a', 'b']);
  });

  it('places marks appended after the last ones with a comparison per new mark, not a search each', () => {
    const placed = Array.from({ length: 1_000 }, (_, i) => i);
    const fresh = Array.from({ length: 200 }, (_, i) => 1_000 + i);
    let compared = 0;
    const ordered = mergeIntoOrder(
      [...placed, ...fresh],
      (n) => (n < 1_000 ? n : undefined),
      (a, b) => {
        compared++;
        return a - b;
      },
    );
    expect(ordered).toEqual([...placed, ...fresh]);
    // 199 to see the new ones are in order, one to see they come after the last placed one.
    expect(compared).toBeLessThanOrEqual(200);
  });
});
