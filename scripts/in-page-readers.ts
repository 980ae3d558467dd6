/**
 * The functions the probes evaluate inside a page to read what ClaimLens shows there, written once for
 * both transports: scripts/page-ui-probe.ts and scripts/page-marks.ts send them to Chromium (Playwright,
 * the DevTools protocol), scripts/firefox-ui-probe.ts to Firefox (WebDriver BiDi). Each in-page reader
 * is sent as its source text, so it uses nothing from outside its own body (no imports, no helpers of
 * this module) and returns plain JSON values. The last two helpers run in Node, on either transport.
 */

/** An element of ClaimLens's UI as a reader finds it: its text, its label and its centre and size. */
export interface UiElement {
  text: string;
  label: string | null;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** In the page: an element's text, accessible label and box (its centre, in viewport coordinates). */
export function elementBox(element: Element): UiElement {
  const r = element.getBoundingClientRect();
  return {
    text: element.textContent ?? '',
    label: element.getAttribute('aria-label'),
    x: r.left + r.width / 2,
    y: r.top + r.height / 2,
    width: r.width,
    height: r.height,
  };
}

/**
 * In the page: the text of every public mark, by style. The highlights' names are random; their
 * painting order (`priority`, lib/page/mark-layer.ts's HIGHLIGHT_PRIORITY) tells the style.
 */
export function marksByStyle(priorities: Record<string, number>): Record<string, string[]> {
  const style = Object.fromEntries(Object.entries(priorities).map(([s, p]) => [p, s]));
  const out: Record<string, string[]> = {};
  for (const [, highlight] of CSS.highlights) {
    const name = style[highlight.priority];
    if (name) out[name] = [...highlight].map((r) => (r as Range).toString());
  }
  return out;
}

/** In the page: the registry name of the highlight painted at this priority (null while there is none). */
export function highlightNameAt(priority: number): string | null {
  return [...CSS.highlights].find(([, h]) => h.priority === priority)?.[0] ?? null;
}

/**
 * In ClaimLens's shadow root: the open tooltip's title and its claims of responsibility (the short
 * card's lines at a glance, or the full card's claims), or null when no tooltip is shown.
 */
export function tooltipClaims(root: ShadowRoot): { title: string; claims: string[] } | null {
  const tooltip = root.querySelector('.cl-tooltip');
  if (!tooltip || tooltip.getBoundingClientRect().width === 0) return null;
  const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  return {
    title: clean(tooltip.querySelector('.cl-title')?.textContent),
    claims: [...tooltip.querySelectorAll('.cl-claim, .cl-glance-line:not(.cl-glance-official)')].map((c) =>
      clean(c.textContent),
    ),
  };
}

/**
 * In the content script's world (Chromium, where `chrome.dom` opens closed shadow roots): the tint
 * boxes of saved passages, drawn in a closed root of their own inside ClaimLens's closed root.
 */
export function overlayBoxes(): {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}[] {
  const dom = (
    globalThis as unknown as { chrome: { dom: { openOrClosedShadowRoot(e: Element): ShadowRoot | null } } }
  ).chrome.dom;
  for (const element of [...document.documentElement.children, ...(document.body?.children ?? [])]) {
    const overlay = dom.openOrClosedShadowRoot(element)?.querySelector('.cl-root-overlay');
    const boxes = overlay && dom.openOrClosedShadowRoot(overlay);
    if (boxes)
      return [...boxes.children].map((box) => {
        const r = box.getBoundingClientRect();
        return {
          left: r.left,
          top: r.top,
          right: r.right,
          bottom: r.bottom,
          width: r.width,
          height: r.height,
        };
      });
  }
  return [];
}

/**
 * In the page: the page's text whose characters have their centre in one of these boxes (viewport
 * coordinates), one string per run of covered characters: what a reader sees tinted. It measures
 * each character, so it is for small pages only.
 */
export function textUnder(boxes: { left: number; top: number; right: number; bottom: number }[]): string[] {
  const runs: string[] = [];
  let run = '';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    for (let i = 0; i < node.data.length; i++) {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const r = range.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      const covered =
        r.width > 0 && boxes.some((b) => x >= b.left && x <= b.right && y >= b.top && y <= b.bottom);
      if (covered) run += node.data[i];
      else if (run) {
        runs.push(run);
        run = '';
      }
    }
  }
  if (run) runs.push(run);
  return runs;
}

/** Where a drag with the mouse starts and ends. */
export interface DragEnds {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** In the page: where a drag that selects the first `chars` characters of an element's text starts and ends. */
export function selectionEnds({ selector, chars }: { selector: string; chars: number }): DragEnds {
  const text = document.querySelector(selector)!.firstChild as Text;
  const range = document.createRange();
  range.setStart(text, 0);
  range.setEnd(text, Math.min(chars, text.length));
  const rects = range.getClientRects();
  const first = rects[0]!;
  const last = rects[rects.length - 1]!;
  return {
    x1: first.left + 1,
    y1: first.top + first.height / 2,
    x2: last.right - 1,
    y2: last.top + last.height / 2,
  };
}

/**
 * In the page: the centre of the first occurrence of `needle` in the page's own text, scrolled into
 * the middle of the window first (a point to hover or click, as a reader would).
 */
export function textCentre(needle: string): { x: number; y: number } {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const i = n.nodeValue!.indexOf(needle);
    if (i < 0) continue;
    const range = document.createRange();
    range.setStart(n, i);
    range.setEnd(n, i + needle.length);
    range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
    const r = range.getClientRects()[0]!;
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }
  throw new Error(`text not found: ${needle}`);
}

/** In the page: the text the reader has selected. */
export function selectedText(): string {
  return document.getSelection()!.toString();
}

/** The mouse of either browser driver (Playwright's and Puppeteer's share these calls). */
interface Mouse {
  move(x: number, y: number, options?: { steps?: number }): Promise<void>;
  down(): Promise<void>;
  up(): Promise<void>;
}

/** In Node: drags the mouse from one end to the other, as a reader selecting text does. */
export async function drag(mouse: Mouse, { x1, y1, x2, y2 }: DragEnds): Promise<void> {
  await mouse.move(x1, y1);
  await mouse.down();
  await mouse.move(x2, y2, { steps: 8 });
  await mouse.up();
}

/**
 * In Node: asks `read` until it gives a value (not undefined), every `interval` ms, for `timeout` ms;
 * then throws `failure()`.
 */
export async function poll<T>(
  read: () => Promise<T | undefined> | T | undefined,
  failure: () => string,
  timeout: number,
  interval: number,
): Promise<T> {
  const until = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(failure());
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** Whether a UI element is shown and carries `text` in its text (or, where `byLabel`, its label). */
export function shows(element: UiElement, text: string | undefined, byLabel: boolean): boolean {
  if (element.width <= 0 || element.height <= 0) return false;
  return text === undefined || element.text.includes(text) || (byLabel && !!element.label?.includes(text));
}
