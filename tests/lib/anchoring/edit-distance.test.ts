// Edit distances used to verify approximate matches, with their bounds.
import { describe, expect, it } from 'vitest';
import { alignToEnd, alignToStart, editDistance } from '../../../lib/anchoring/edit-distance';

describe('edit distances', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('claimed', 'claimed')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('twogroups', 'threegroups')).toBe(4);
  });

  it('only tells "more than the bound" once the distance exceeds it', () => {
    expect(editDistance('abcdef', 'uvwxyz', 4)).toBeGreaterThan(4);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('kitten', 'sitting', 2)).toBeGreaterThan(2);
    expect(alignToStart('police', 'xxxxxxsaid', 2).errors).toBeGreaterThan(2);
  });

  it('gives an upper bound, never less, when the strings are too long to compare', () => {
    expect(editDistance('abcdef', 'uvwxyz', Infinity, 4)).toBe(6);
    expect(editDistance('xabcx', 'yabcy', Infinity, 4)).toBeGreaterThanOrEqual(
      editDistance('xabcx', 'yabcy'),
    );
    // What the strings share at either end costs nothing, so a local edit stays exact.
    expect(editDistance('police said two', 'police said three', Infinity, 8)).toBe(4);
  });

  it('aligns a pattern with the start or the end of a text', () => {
    expect(alignToStart('police', 'policesaid')).toEqual({ errors: 0, end: 6 });
    expect(alignToStart('police', 'polisesaid')).toEqual({ errors: 1, end: 6 });
    expect(alignToEnd('market', 'thevegetablemarket')).toEqual({ errors: 0, start: 12 });
    expect(alignToEnd('market', 'thevegetablemarkat')).toEqual({ errors: 1, start: 12 });
    expect(alignToEnd('abc', 'xyz', Infinity, 2)).toEqual({ errors: 3, start: 3 });
  });
});
