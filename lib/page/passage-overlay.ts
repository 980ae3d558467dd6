/**
 * Draws saved passages as tint boxes inside ClaimLens's own (closed) shadow root, not through
 * `CSS.highlights`, a registry the page shares and can list, clear or fake: the page's scripts cannot
 * see which passages the reader saved. The boxes are placed in document coordinates (they scroll with
 * the page at no cost), recomputed at most once a frame when the page's layout may have moved (body
 * resized, content changed, fonts loaded, a scrolling box scrolled), never catch the pointer, and are
 * translucent tints (lighter on dark pages) so the text stays readable under them.
 */
import { lineBoxes, marginMarker, sameBoxes, textRanges, type Box } from './overlay-geometry';
import type { NoteStyle } from './mark-layer';

export interface Passage {
  id: string;
  style: NoteStyle;
  range: Range;
}

type Theme = 'light' | 'dark';

/**
 * Translucent tints by note colour, lighter on dark pages. Not a blend mode: `mix-blend-mode:
 * multiply` kept the text's colour exactly, but made Chromium repaint the page under the boxes on
 * every scrolled frame (long article, 200 passages: 266 frames of 507 missed, against 4 of 402 with
 * these tints and 14 of 477 with the highlights of before).
 */
export const TINTS: Record<Theme, Record<NoteStyle, string>> = {
  light: {
    'note-highlight': 'rgba(255, 214, 0, 0.35)',
    'note-claim': 'rgba(255, 112, 67, 0.3)',
    'note-official': 'rgba(66, 165, 245, 0.3)',
    'note-disputed': 'rgba(171, 71, 188, 0.28)',
    'note-follow-up': 'rgba(102, 187, 106, 0.32)',
  },
  dark: {
    'note-highlight': 'rgba(255, 235, 59, 0.28)',
    'note-claim': 'rgba(255, 138, 101, 0.28)',
    'note-official': 'rgba(100, 181, 246, 0.28)',
    'note-disputed': 'rgba(206, 147, 216, 0.28)',
    'note-follow-up': 'rgba(129, 199, 132, 0.28)',
  },
};

/** The colours differ by a line as well (claim, official, disputed, follow-up), not by hue alone. */
export const LINES: Record<NoteStyle, string> = {
  'note-highlight': '',
  'note-claim': 'border-bottom:1px solid',
  'note-official': 'border-top:1px solid',
  'note-disputed': 'border-bottom:2px dotted',
  'note-follow-up': 'border-bottom:1px dashed',
};

/**
 * The passage whose note is open keeps its own colour and gains an outline (a fill of its own would hide
 * which colour the reader gave it): dark on light pages, light on dark ones.
 */
export const OPEN_OUTLINE: Record<Theme, string> = {
  light: 'outline-style:solid;outline-width:2px;outline-color:rgba(0, 0, 0, 0.8);outline-offset:1px',
  dark: 'outline-style:solid;outline-width:2px;outline-color:rgba(255, 255, 255, 0.85);outline-offset:1px',
};

/** The line under or over a passage, darker on light pages. */
export const LINE_COLOR: Record<Theme, string> = {
  light: 'rgba(0, 0, 0, 0.6)',
  dark: 'rgba(255, 255, 255, 0.7)',
};

/** The margin marker: the note's colour, solid enough to be seen at three pixels wide. */
export const MARKERS: Record<Theme, Record<NoteStyle, string>> = {
  light: {
    'note-highlight': 'rgb(230, 180, 0)',
    'note-claim': 'rgb(230, 90, 50)',
    'note-official': 'rgb(30, 120, 210)',
    'note-disputed': 'rgb(150, 60, 170)',
    'note-follow-up': 'rgb(60, 150, 70)',
  },
  dark: {
    'note-highlight': 'rgb(255, 235, 59)',
    'note-claim': 'rgb(255, 138, 101)',
    'note-official': 'rgb(100, 181, 246)',
    'note-disputed': 'rgb(206, 147, 216)',
    'note-follow-up': 'rgb(129, 199, 132)',
  },
};

/** The nearest element holding the range's start that is laid out as a block (its left edge is the text's margin). */
function blockOf(range: Range): Element {
  const node: Node = range.startContainer;
  let element = node instanceof Element ? node : node.parentElement;
  const view = range.startContainer.ownerDocument?.defaultView;
  while (element && element.parentElement && view) {
    if (!view.getComputedStyle(element).display.startsWith('inline')) return element;
    element = element.parentElement;
  }
  return element ?? range.startContainer.ownerDocument!.documentElement;
}

/** The closed roots made on overlay elements (a closed root cannot be asked for again). */
const BOX_ROOTS = new WeakMap<HTMLElement, ShadowRoot>();

interface Drawn {
  style: NoteStyle;
  active: boolean;
  boxes: Box[];
  /** The bar in the margin beside the passage's lines (null: nothing to mark). */
  marker: Box | null;
  elements: HTMLElement[];
  range: Range;
  /** The passage's text, one range per text node (again when the range changed or a node went away). */
  parts: Range[];
  /** The block the passage starts in, whose left edge its margin marker follows (found with `parts`). */
  block?: Element;
}

export class PassageOverlay {
  private passages: Passage[] = [];
  private activeId: string | null = null;
  private container?: HTMLElement;
  /** Where the boxes go: a closed shadow root of the container, whatever the host's own root is. */
  private boxes?: ShadowRoot;
  private asking = false;
  private readonly drawn = new Map<string, Drawn>();
  private frame?: number;
  private watching?: () => void;

  /**
   * `host`: the element of ClaimLens's shadow root the overlay draws into (made when first needed);
   * `theme`: whether the page is light or dark.
   */
  constructor(
    private readonly doc: Document,
    private readonly host: () => Promise<HTMLElement>,
    private readonly theme: () => Theme,
  ) {}

  /** The passages to show (all of them: the overlay keeps what did not change). */
  set(passages: readonly Passage[]): void {
    this.passages = [...passages];
    if (this.passages.length > 0) this.watch();
    else this.unwatch();
    // The first passages: the overlay's element is asked for now, so they are drawn in the next frame.
    if (!this.container?.isConnected && this.passages.length > 0) void this.findContainer();
    else this.schedule();
  }

  /** Shows one passage as the one in focus (its note is open), or none. */
  setActive(id: string | null): void {
    if (id === this.activeId) return;
    const before = this.activeId;
    this.activeId = id;
    // Only a colour changes: the two passages are repainted where they are, nothing is laid out.
    for (const which of [before, id]) {
      const drawn = which === null ? undefined : this.drawn.get(which);
      if (!drawn || !this.boxes) continue;
      drawn.active = which === id;
      this.paint(this.boxes, drawn);
    }
  }

  /** Takes every box away and stops watching the page (ClaimLens paused, the extension reloaded). */
  destroy(): void {
    this.passages = [];
    this.unwatch();
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
    for (const drawn of this.drawn.values()) for (const element of drawn.elements) element.remove();
    this.drawn.clear();
  }

  /** Lays the boxes out in the next frame (several changes within one frame cost one layout). */
  private schedule(): void {
    if (this.frame !== undefined) return;
    const view = this.doc.defaultView;
    if (!view) return;
    this.frame = view.requestAnimationFrame(() => {
      this.frame = undefined;
      this.layout();
    });
  }

  private layout(): void {
    const container = this.container;
    if (!container?.isConnected) {
      if (this.passages.length > 0) void this.findContainer();
      return;
    }
    const origin = container.getBoundingClientRect();
    const wanted = new Set<string>();
    const changed: Drawn[] = [];
    for (const passage of this.passages) {
      wanted.add(passage.id);
      let drawn = this.drawn.get(passage.id);
      if (!drawn) {
        drawn = {
          style: passage.style,
          active: false,
          range: passage.range,
          boxes: [],
          marker: null,
          elements: [],
          parts: [],
        };
        this.drawn.set(passage.id, drawn);
      }
      if (
        drawn.range !== passage.range ||
        drawn.parts.length === 0 ||
        drawn.parts.some((part) => !part.startContainer.isConnected) ||
        !drawn.block?.isConnected
      ) {
        drawn.range = passage.range;
        drawn.parts = textRanges(passage.range);
        drawn.block = blockOf(passage.range);
      }
      const rects: DOMRect[] = [];
      for (const part of drawn.parts) for (const rect of part.getClientRects()) rects.push(rect);
      const boxes = lineBoxes(rects, origin);
      const marker = marginMarker(boxes, drawn.block!.getBoundingClientRect().left - origin.left);
      const active = passage.id === this.activeId;
      if (
        sameBoxes(boxes, drawn.boxes) &&
        sameBoxes(marker ? [marker] : [], drawn.marker ? [drawn.marker] : []) &&
        drawn.style === passage.style &&
        drawn.active === active
      )
        continue;
      drawn.style = passage.style;
      drawn.active = active;
      drawn.boxes = boxes;
      drawn.marker = marker;
      changed.push(drawn);
    }
    // Every rectangle is read before any box is written: a write between two reads would make the
    // browser lay the page out again for each passage.
    for (const drawn of changed) this.paint(this.boxes!, drawn);
    for (const [id, drawn] of this.drawn)
      if (!wanted.has(id)) {
        for (const element of drawn.elements) element.remove();
        this.drawn.delete(id);
      }
  }

  /** Gives a passage's boxes their place and colour, reusing its elements. */
  private paint(container: ShadowRoot, drawn: Drawn): void {
    const theme = this.theme();
    const line = LINES[drawn.style];
    const look =
      `position:absolute;box-sizing:border-box;background:${TINTS[theme][drawn.style]};` +
      (line ? `${line} ${LINE_COLOR[theme]};` : '') +
      (drawn.active ? `${OPEN_OUTLINE[theme]};` : '');
    const boxes = drawn.marker ? [...drawn.boxes, drawn.marker] : drawn.boxes;
    while (drawn.elements.length > boxes.length) drawn.elements.pop()!.remove();
    while (drawn.elements.length < boxes.length) {
      const element = this.doc.createElement('div');
      container.append(element);
      drawn.elements.push(element);
    }
    boxes.forEach((box, i) => {
      const element = drawn.elements[i]!;
      const where = `left:${box.left}px;top:${box.top}px;width:${box.width}px;height:${box.height}px`;
      if (box === drawn.marker) {
        element.dataset.marker = '';
        element.style.cssText = `position:absolute;background:${MARKERS[theme][drawn.style]};${where}`;
      } else {
        delete element.dataset.marker;
        element.style.cssText = `${look}${where}`;
      }
    });
  }

  /** Asks for the overlay's element (the host may not exist yet, or the page removed it). */
  private async findContainer(): Promise<void> {
    if (this.asking) return;
    this.asking = true;
    try {
      const found = await this.host();
      if (found === this.container || !found.isConnected) return;
      this.container = found;
      let boxes = BOX_ROOTS.get(found);
      if (!boxes) BOX_ROOTS.set(found, (boxes = found.attachShadow({ mode: 'closed' })));
      this.boxes = boxes;
      this.drawn.clear(); // the old boxes went with the old element
      found.style.cssText =
        'position:absolute;left:0;top:0;width:0;height:0;overflow:visible;pointer-events:none';
      this.schedule();
    } catch {
      // no UI on this page (paused meanwhile): nothing to draw into
    } finally {
      this.asking = false;
    }
  }

  /** Lays out again whenever the page's layout may have moved the passages. */
  private watch(): void {
    if (this.watching) return;
    const view = this.doc.defaultView;
    const body = this.doc.body;
    if (!view || !body) return;
    const again = () => this.schedule();
    const resized = 'ResizeObserver' in view ? new view.ResizeObserver(again) : undefined;
    resized?.observe(body);
    resized?.observe(this.doc.documentElement);
    const changed = new view.MutationObserver(again);
    changed.observe(body, { childList: true, subtree: true, characterData: true, attributes: true });
    // A box that scrolls inside the page moves its text; the page's own scrolling does not (the
    // overlay scrolls with the document).
    const scrolled = (event: Event) => {
      if (event.target !== this.doc) again();
    };
    this.doc.addEventListener('scroll', scrolled, { capture: true, passive: true });
    this.doc.fonts?.addEventListener('loadingdone', again);
    this.watching = () => {
      resized?.disconnect();
      changed.disconnect();
      this.doc.removeEventListener('scroll', scrolled, { capture: true });
      this.doc.fonts?.removeEventListener('loadingdone', again);
    };
  }

  private unwatch(): void {
    this.watching?.();
    this.watching = undefined;
  }
}
