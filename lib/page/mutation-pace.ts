/**
 * How soon the spotter reads what a page changed. A page that changes now and then is read soon
 * after (text edited in place within a frame or two, added content once it settles); a page that
 * never stops changing (a ticker, a live feed) is read less and less often, up to a few seconds
 * apart, so that what it costs stays a small share of the page's own work.
 */

/** Added or removed content: read once the page is quiet this long, but never later than MAX_WAIT_MS. */
export const SETTLE_MS = 300;
export const MAX_WAIT_MS = 1000;
/** Text edited in place (a framework's re-render, a ticker): read after this long. */
export const EDIT_MS = 16;
/** Between two passes on a page that keeps changing, the gap doubles from MIN_GAP_MS up to MAX_GAP_MS. */
export const MIN_GAP_MS = 250;
export const MAX_GAP_MS = 2000;
/** Quiet this long after a pass, and the page counts as calm again. */
export const CALM_MS = 2000;

export class MutationPace {
  private gap = 0;
  private lastPassEnd = -Infinity;
  private pendingSince?: number;
  /** Whether all that waits is small edits of text in place. */
  private editsOnly = true;
  /** Whether the pass under way began soon after the one before. */
  private busy = false;

  /**
   * A change arrived at `now` (`edit`: a small edit of text in place). Returns how long to wait
   * before reading what waits, counted from `now`.
   */
  delay(now: number, edit: boolean): number {
    if (this.pendingSince === undefined) {
      this.pendingSince = now;
      this.editsOnly = true;
    }
    if (!edit) this.editsOnly = false;
    const settled = this.editsOnly
      ? this.pendingSince + EDIT_MS
      : Math.min(now + SETTLE_MS, this.pendingSince + MAX_WAIT_MS);
    return Math.max(0, Math.max(settled, this.lastPassEnd + this.gap) - now);
  }

  /** A pass began at `now`: the changes waiting until then are in it. */
  passStarted(now: number): void {
    this.pendingSince = undefined;
    this.busy = now - this.lastPassEnd < CALM_MS;
  }

  /**
   * A pass ended at `now`; `pending`: the page changed again while it ran. A page that changed soon
   * after the last pass, or while this one ran, keeps changing: the next pass waits longer. A calm
   * page is read again at once.
   */
  passEnded(now: number, pending: boolean): void {
    this.gap = this.busy || pending ? Math.min(MAX_GAP_MS, Math.max(MIN_GAP_MS, this.gap * 2)) : 0;
    this.lastPassEnd = now;
  }
}
