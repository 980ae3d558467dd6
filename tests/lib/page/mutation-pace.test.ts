import { describe, expect, it } from 'vitest';
import {
  EDIT_MS,
  MAX_GAP_MS,
  MAX_WAIT_MS,
  MIN_GAP_MS,
  MutationPace,
  SETTLE_MS,
} from '../../../lib/page/mutation-pace';

describe('how soon the spotter reads what a page changed', () => {
  it('reads an edit in place within a frame, and added content once it settles, but within a second', () => {
    const pace = new MutationPace();
    expect(pace.delay(10_000, true)).toBe(EDIT_MS);
    // More edits do not put it off.
    expect(pace.delay(10_010, true)).toBe(EDIT_MS - 10);
    pace.passStarted(10_016);
    pace.passEnded(10_020, false);

    const later = new MutationPace();
    expect(later.delay(50_000, false)).toBe(SETTLE_MS);
    expect(later.delay(50_200, false)).toBe(SETTLE_MS);
    // A page that keeps adding is still read once MAX_WAIT_MS after its first change.
    expect(later.delay(50_900, false)).toBe(MAX_WAIT_MS - 900);
  });

  it('reads a page that never stops changing less and less often, up to MAX_GAP_MS apart, and at once when calm again', () => {
    const pace = new MutationPace();
    let now = 0;
    const gaps: number[] = [];
    for (let pass = 0; pass < 8; pass++) {
      const wait = pace.delay(now, true);
      now += wait;
      pace.passStarted(now);
      now += 5;
      pace.passEnded(now, true);
      gaps.push(wait);
    }
    expect(gaps.slice(1, 5)).toEqual([MIN_GAP_MS, MIN_GAP_MS * 2, MIN_GAP_MS * 4, MAX_GAP_MS]);
    expect(Math.max(...gaps)).toBe(MAX_GAP_MS);
    // Quiet for a while: the next edit is read at once again.
    now += 10_000;
    pace.passStarted(now);
    pace.passEnded(now + 5, false);
    expect(pace.delay(now + 20_000, true)).toBe(EDIT_MS);
  });
});
