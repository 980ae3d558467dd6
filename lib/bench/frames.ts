/** What the frames of a scroll say: from the times between animation frames, how many ran late. */

export interface FrameStats {
  frames: number;
  /** Frames that took longer than a 60 Hz frame (over 16.7 ms, with 0.5 ms for timer jitter). */
  over16ms: number;
  /** Frames at least one whole frame late (over 25 ms: the next vsync was missed). */
  missed: number;
  p95Ms: number;
  maxMs: number;
}

/** Statistics of animation-frame timestamps (milliseconds, in order). */
export function frameStats(timestamps: readonly number[]): FrameStats {
  const intervals: number[] = [];
  for (let i = 1; i < timestamps.length; i++) intervals.push(timestamps[i]! - timestamps[i - 1]!);
  if (intervals.length === 0) return { frames: 0, over16ms: 0, missed: 0, p95Ms: 0, maxMs: 0 };
  const sorted = [...intervals].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    frames: intervals.length,
    over16ms: intervals.filter((ms) => ms > 17.2).length,
    missed: intervals.filter((ms) => ms > 25).length,
    p95Ms: round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!),
    maxMs: round(sorted[sorted.length - 1]!),
  };
}
