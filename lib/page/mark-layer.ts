/**
 * Draws marks with the CSS Custom Highlight API: no change to the page's DOM, only highlight
 * registrations and one adopted style sheet. Groups, other actors and incidents differ in line
 * style as well as colour; the same palette reads on light and dark pages.
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

// One palette for light and dark pages alike: the underlines take the text's own colour (so they are
// as readable as the text), the tints are translucent, and the kinds differ by line style too.
// Reading the page's colours instead would force a style recalculation on every page.
const PALETTE = `
::highlight(claimlens-group){background-color:rgba(255,184,0,.28);text-decoration:underline solid 2px currentColor}
::highlight(claimlens-actor){text-decoration:underline dotted 2px currentColor}
::highlight(claimlens-incident){background-color:rgba(40,140,255,.24);text-decoration:underline double 2px currentColor}
::highlight(claimlens-note-highlight){background-color:rgba(255,235,59,.55)}
::highlight(claimlens-note-claim){background-color:rgba(255,112,67,.42);text-decoration:underline solid 1px currentColor}
::highlight(claimlens-note-official){background-color:rgba(66,165,245,.42);text-decoration:overline solid 1px currentColor}
::highlight(claimlens-note-disputed){background-color:rgba(171,71,188,.38);text-decoration:underline wavy 1px currentColor}
::highlight(claimlens-note-follow-up){background-color:rgba(102,187,106,.42);text-decoration:underline dashed 1px currentColor}
::highlight(claimlens-active){background-color:rgba(255,120,0,.55)}`;

/** Whether the highlight API is there (Chromium 105+, Firefox 140+, Safari 17.2+). */
export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export class MarkLayer {
  private readonly highlights = new Map<MarkStyle, Highlight>();
  private sheet?: CSSStyleSheet;

  constructor(private readonly doc: Document) {}

  private ensure(): void {
    if (this.sheet) return;
    this.sheet = new CSSStyleSheet();
    this.sheet.replaceSync(PALETTE);
    this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, this.sheet];
  }

  /** The highlight of one style, registered the first time it is used (most pages use two or three). */
  private highlight(style: MarkStyle): Highlight {
    this.ensure();
    let highlight = this.highlights.get(style);
    if (!highlight) {
      highlight = new Highlight();
      highlight.priority = ORDER.indexOf(style);
      this.highlights.set(style, highlight);
      CSS.highlights.set(HIGHLIGHT_NAMES[style], highlight);
    }
    return highlight;
  }

  add(style: MarkStyle, range: Range): void {
    this.highlight(style).add(range);
  }

  delete(style: MarkStyle, range: Range): void {
    this.highlights.get(style)?.delete(range);
  }

  /** Shows one range as the mark in focus (keyboard stepping, open tooltip), or none. */
  setActive(range: Range | null): void {
    if (!range && !this.highlights.has('active')) return;
    const active = this.highlight('active');
    active.clear();
    if (range) active.add(range);
  }

  /** Removes every highlight and the style sheet (the extension was reloaded or paused). */
  destroy(): void {
    for (const style of this.highlights.keys()) CSS.highlights.delete(HIGHLIGHT_NAMES[style]);
    this.highlights.clear();
    if (this.sheet) this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== this.sheet);
    this.sheet = undefined;
  }
}
