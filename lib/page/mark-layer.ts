/**
 * Draws marks with the CSS Custom Highlight API: no change to the page's DOM, only highlight
 * registrations and one adopted style sheet. Groups, other actors and incidents differ in line
 * style as well as colour; the palette follows the page's own background, light or dark.
 */

export type MarkStyle = 'group' | 'actor' | 'incident' | 'active';

export const HIGHLIGHT_NAMES: Record<MarkStyle, string> = {
  group: 'claimlens-group',
  actor: 'claimlens-actor',
  incident: 'claimlens-incident',
  active: 'claimlens-active',
};

const LIGHT = `
::highlight(claimlens-group){background-color:rgba(255,190,0,.26);text-decoration:underline solid 2px rgba(150,95,0,.95)}
::highlight(claimlens-actor){text-decoration:underline dotted 2px rgba(90,90,90,.9)}
::highlight(claimlens-incident){background-color:rgba(0,130,255,.16);text-decoration:underline double 2px rgba(0,80,190,.95)}
::highlight(claimlens-active){background-color:rgba(255,120,0,.5);color:#000}`;

const DARK = `
::highlight(claimlens-group){background-color:rgba(255,200,60,.24);text-decoration:underline solid 2px rgba(255,210,90,.95)}
::highlight(claimlens-actor){text-decoration:underline dotted 2px rgba(220,220,220,.9)}
::highlight(claimlens-incident){background-color:rgba(90,170,255,.24);text-decoration:underline double 2px rgba(140,200,255,.95)}
::highlight(claimlens-active){background-color:rgba(255,150,40,.55);color:#fff}`;

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
    this.sheet.replaceSync(isDarkPage(this.doc) ? DARK : LIGHT);
    this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, this.sheet];
    const order: MarkStyle[] = ['actor', 'group', 'incident', 'active'];
    order.forEach((style, priority) => {
      const highlight = new Highlight();
      highlight.priority = priority;
      this.highlights.set(style, highlight);
      CSS.highlights.set(HIGHLIGHT_NAMES[style], highlight);
    });
  }

  add(style: MarkStyle, range: Range): void {
    this.ensure();
    this.highlights.get(style)!.add(range);
  }

  delete(style: MarkStyle, range: Range): void {
    this.highlights.get(style)?.delete(range);
  }

  /** Shows one range as the mark in focus (keyboard stepping, open tooltip), or none. */
  setActive(range: Range | null): void {
    this.ensure();
    const active = this.highlights.get('active')!;
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

/** Whether the page paints light text on a dark background, whatever the system theme says. */
export function isDarkPage(doc: Document): boolean {
  const view = doc.defaultView;
  if (!view) return false;
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const rgb = parseRgb(view.getComputedStyle(el).backgroundColor);
    if (rgb && rgb[3] > 0.5) return luminance(rgb) < 0.4;
  }
  // Transparent all the way up: the browser's canvas, which follows color-scheme.
  const scheme = view.getComputedStyle(doc.documentElement).colorScheme;
  return scheme.includes('dark') && !scheme.includes('light');
}

function parseRgb(value: string): [number, number, number, number] | undefined {
  const m = /rgba?\(([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:[ ,/]+([\d.]+))?\)/.exec(value);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : undefined;
}

function luminance([r, g, b]: [number, number, number, number]): number {
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}
