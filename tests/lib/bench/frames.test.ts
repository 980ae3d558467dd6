import { describe, expect, it } from 'vitest';
import { frameStats } from '../../../lib/bench/frames';

describe('frame statistics of a scroll', () => {
  it('counts the frames that ran late and the ones that missed a vsync', () => {
    // 60 Hz, with one frame of 20 ms and one of 40 ms (a missed frame).
    const times = [0, 16.7, 33.4, 53.4, 70.1, 110.1, 126.8];
    expect(frameStats(times)).toEqual({ frames: 6, over16ms: 2, missed: 1, p95Ms: 40, maxMs: 40 });
  });

  it('says nothing was late when every frame kept time, jitter included', () => {
    const times = Array.from({ length: 61 }, (_, i) => i * 16.67 + (i % 2 ? 0.3 : 0));
    expect(frameStats(times)).toMatchObject({ frames: 60, over16ms: 0, missed: 0 });
  });

  it('has nothing to say about fewer than two frames', () => {
    expect(frameStats([5])).toEqual({ frames: 0, over16ms: 0, missed: 0, p95Ms: 0, maxMs: 0 });
  });
});
