/**
 * Draws marks with the CSS Custom Highlight API: no change to the page's DOM, only highlight
 * registrations. Their palette (entrypoints/spotter.content/highlights.css) is registered with the
 * content script (lib/page/spotter-registration.ts): groups, other actors and incidents differ in
 * line style as well as colour, and the same palette reads on light and dark pages.
 */

export type NoteStyle =
  'note-highlight' | 'note-claim' | 'note-official' | 'note-disputed' | 'note-follow-up';
export type MarkStyle = 'group' | 'actor' | 'incident' | NoteStyle | 'active';

export const HIGHLIGHT_NAMES: Record<MarkStyle, string> = {
  group: 'claimlens-group',
  actor: 'claimlens-actor',
  incident: 'claimlens-incident',
  'note-highlight': 'claimlens-note-highlight',
  'note-claim': 'claimlens-note-claim',
  'note-official': 'claimlens-note-official',
  'note-disputed': 'claimlens-note-disputed',
  'note-follow-up': 'claimlens-note-follow-up',
  active: 'claimlens-active',
};

/** Painting order, lowest first: saved passages above the entity marks, the focused mark on top. */
const ORDER: MarkStyle[] = [
  'actor',
  'group',
  'incident',
  'note-highlight',
  'note-claim',
  'note-official',
  'note-disputed',
  'note-follow-up',
  'active',
];

/** Whether the highlight API is there (Chromium 105+, Firefox 140+, Safari 17.2+). */
export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/**
 * Highlights by style. The API is first touched when the first mark is drawn: a page with nothing to
 * mark never pays for making its objects in the content script's world. Where the browser lacks it,
 * nothing is drawn.
 */
export class MarkLayer {
  private readonly highlights = new Map<MarkStyle, Highlight>();
  private supported?: boolean;

  /** Whether marks can be drawn here; asked only once there is something to draw. */
  canDraw(): boolean {
    return (this.supported ??= highlightsSupported());
  }

  /** The highlight of one style, registered the first time it is used (most pages use two or three). */
  private highlight(style: MarkStyle): Highlight | undefined {
    let highlight = this.highlights.get(style);
    if (!highlight) {
      if (!this.canDraw()) return undefined;
      highlight = new Highlight();
      highlight.priority = ORDER.indexOf(style);
      this.highlights.set(style, highlight);
      CSS.highlights.set(HIGHLIGHT_NAMES[style], highlight);
    }
    return highlight;
  }

  add(style: MarkStyle, range: Range): void {
    this.highlight(style)?.add(range);
  }

  delete(style: MarkStyle, range: Range): void {
    this.highlights.get(style)?.delete(range);
  }

  /** Shows one range as the mark in focus (keyboard stepping, open tooltip), or none. */
  setActive(range: Range | null): void {
    if (!range && !this.highlights.has('active')) return;
    const active = this.highlight('active');
    active?.clear();
    if (range) active?.add(range);
  }

  /** Removes every highlight (the extension was reloaded or paused); the palette then paints nothing. */
  destroy(): void {
    for (const style of this.highlights.keys()) CSS.highlights.delete(HIGHLIGHT_NAMES[style]);
    this.highlights.clear();
  }
}
