/**
 * Draws the public marks (groups, other actors, incidents: what the packs say) with the CSS Custom
 * Highlight API: no change to the page's DOM, only highlight registrations, under names made anew on
 * each page (a page finds no fixed name to look for), styled by a constructed style sheet with those
 * names. The registry is the page's too: when the page clears it or takes our entries or palette away,
 * the layer notices (when it draws, and in a check every few seconds) and puts them back. Saved
 * passages never go here: lib/page/passage-overlay.ts draws them where the page cannot list them.
 */

export type NoteStyle =
  'note-highlight' | 'note-claim' | 'note-official' | 'note-disputed' | 'note-follow-up';
export type EntityStyle = 'group' | 'actor' | 'incident';
export type MarkStyle = EntityStyle | NoteStyle;
type LayerStyle = EntityStyle | 'active' | 'hover';

/**
 * Painting order, lowest first, and the palette: groups, other actors and incidents differ in line
 * style as well as colour; the underlines take the text's own colour, the tints are translucent, so
 * the same palette reads on light and dark pages.
 */
export const PALETTE: [LayerStyle, string][] = [
  ['actor', 'text-decoration: underline dotted 2px currentColor'],
  ['group', 'background-color: rgba(255, 184, 0, 0.28); text-decoration: underline solid 2px currentColor'],
  [
    'incident',
    'background-color: rgba(40, 140, 255, 0.24); text-decoration: underline double 2px currentColor',
  ],
  ['active', 'background-color: rgba(255, 120, 0, 0.55)'],
  // The mark under the pointer: a grey wash, readable over any tint on light and dark pages.
  ['hover', 'background-color: rgba(128, 128, 128, 0.32)'],
];
const ORDER = PALETTE.map(([style]) => style);
/** Each style's `Highlight.priority` (its place in the painting order). */
export const HIGHLIGHT_PRIORITY = Object.fromEntries(ORDER.map((style, i) => [style, i])) as Record<
  LayerStyle,
  number
>;

/** How often the layer checks that the page left its highlights and palette alone. */
export const CHECK_INTERVAL_MS = 2000;

/** Whether the highlight API is there (Chromium 105+, Firefox 140+, Safari 17.2+). */
export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** A highlight name no page can predict: a CSS identifier of 12 random letters and digits. */
export function randomHighlightName(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  let name = String.fromCharCode(97 + (bytes[0]! % 26)); // an identifier starts with a letter
  for (const byte of bytes.subarray(1)) name += (byte % 36).toString(36);
  return name;
}

function isLayerStyle(style: MarkStyle | 'active' | 'hover'): style is LayerStyle {
  return !style.startsWith('note-');
}

interface Registered {
  name: string;
  highlight: Highlight;
  /** What the highlight should hold: the page may have emptied it or added to it. */
  ranges: Set<Range>;
}

/**
 * Highlights by style. The API is first touched when the first mark is drawn: a page with nothing to
 * mark never pays for making its objects (or its palette) in the content script's world. Where the
 * browser lacks it, nothing is drawn.
 */
export class MarkLayer {
  private readonly registered = new Map<LayerStyle, Registered>();
  private names?: Record<LayerStyle, string>;
  private palette?: { sheet?: CSSStyleSheet; element?: HTMLStyleElement };
  private supported?: boolean;
  /** The document's highlight registry, as first used (the same object for the page's life). */
  private registry?: HighlightRegistry;
  private checkTimer?: ReturnType<typeof setInterval>;
  private repairQueued = false;

  constructor(private readonly doc: Document = document) {}

  /** Whether marks can be drawn here; asked only once there is something to draw. */
  canDraw(): boolean {
    return (this.supported ??= highlightsSupported());
  }

  /** The highlight of one style, registered the first time it is used (most pages use two or three). */
  private highlight(style: LayerStyle): Registered | undefined {
    let entry = this.registered.get(style);
    if (!entry) {
      if (!this.canDraw()) return undefined;
      this.names ??= this.makePalette();
      const highlight = new Highlight();
      highlight.priority = ORDER.indexOf(style);
      entry = { name: this.names[style], highlight, ranges: new Set() };
      this.registered.set(style, entry);
      this.registry ??= CSS.highlights;
      this.registry.set(entry.name, highlight);
      this.checkTimer ??= setInterval(() => this.repair(), CHECK_INTERVAL_MS);
    }
    return entry;
  }

  /** Draws a public mark. Saved passages are never drawn here (the page could list them). */
  add(style: MarkStyle, range: Range): void {
    if (!isLayerStyle(style)) return;
    const entry = this.highlight(style);
    if (!entry) return;
    this.repairAfterDrawing();
    entry.highlight.add(range);
    entry.ranges.add(range);
  }

  /** Checks the registry once the marks being drawn now are all added (one check per drawing). */
  private repairAfterDrawing(): void {
    if (this.repairQueued) return;
    this.repairQueued = true;
    queueMicrotask(() => {
      this.repairQueued = false;
      if (this.registered.size > 0) this.repair();
    });
  }

  delete(style: MarkStyle, range: Range): void {
    if (!isLayerStyle(style)) return;
    const entry = this.registered.get(style);
    entry?.highlight.delete(range);
    entry?.ranges.delete(range);
  }

  /** Shows one public mark as the mark in focus (keyboard stepping, open tooltip) or under the pointer, or none. */
  setActive(range: Range | null, style: 'active' | 'hover' = 'active'): void {
    if (!range && !this.registered.has(style)) return;
    const active = this.highlight(style);
    if (!active) return;
    this.repair();
    active.highlight.clear();
    active.ranges.clear();
    if (range) {
      active.highlight.add(range);
      active.ranges.add(range);
    }
  }

  /**
   * Puts back what the page took away (`CSS.highlights.clear()`, one of our entries deleted or
   * replaced, a highlight emptied or added to, the palette removed from the document). True when
   * something had to be put back.
   */
  repair(): boolean {
    let repaired = false;
    const registry = this.registry;
    if (!registry) return false;
    for (const entry of this.registered.values()) {
      if (registry.get(entry.name) !== entry.highlight) {
        registry.set(entry.name, entry.highlight);
        repaired = true;
      }
      if (entry.highlight.size !== entry.ranges.size) {
        entry.highlight.clear();
        for (const range of entry.ranges) entry.highlight.add(range);
        repaired = true;
      }
    }
    const sheet = this.palette?.sheet;
    if (sheet && !this.doc.adoptedStyleSheets.includes(sheet)) {
      this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, sheet];
      repaired = true;
    }
    const element = this.palette?.element;
    if (element && !element.isConnected) {
      (this.doc.head ?? this.doc.documentElement).append(element);
      repaired = true;
    }
    return repaired;
  }

  /** The highlight names for this page, and their palette added to the document. */
  private makePalette(): Record<LayerStyle, string> {
    const names = Object.fromEntries(ORDER.map((style) => [style, randomHighlightName()])) as Record<
      LayerStyle,
      string
    >;
    const rules = PALETTE.map(
      ([style, declarations]) => `::highlight(${names[style]}) { ${declarations} }`,
    ).join('\n');
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(rules);
      this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, sheet];
      this.palette = { sheet };
    } catch {
      // A browser that will not adopt a sheet made in the content script's world: a style element.
      const element = this.doc.createElement('style');
      element.textContent = rules;
      (this.doc.head ?? this.doc.documentElement).append(element);
      this.palette = { element };
    }
    return names;
  }

  /** Removes every highlight and the palette (the extension was reloaded or paused). */
  destroy(): void {
    clearInterval(this.checkTimer);
    this.checkTimer = undefined;
    for (const entry of this.registered.values())
      if (this.registry?.get(entry.name) === entry.highlight) this.registry.delete(entry.name);
    this.registered.clear();
    const sheet = this.palette?.sheet;
    if (sheet) this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== sheet);
    this.palette?.element?.remove();
    this.palette = undefined;
    this.names = undefined;
  }
}
