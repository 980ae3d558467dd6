/**
 * Whether the reader really sees a piece of ClaimLens's UI before a click on it saves, changes or
 * deletes anything (clickjacking: a page that makes it transparent, covers it or hides it under a
 * decoy). IntersectionObserver v2 (`trackVisibility`, Chromium) judges the whole chain of frames and
 * what is drawn over it; where it is missing, the element's and its hosts' styles are read, and
 * what lies under the click is checked.
 */

/** A seen-or-not answer for one element, kept up to date while it is shown. */
export interface SeenWatcher {
  /** Whether the element is seen now (a click at `point` is on it, when given). */
  seen(point?: { x: number; y: number }): Promise<boolean>;
  stop(): void;
}

/** How long a click made as the element appears waits for the browser's first verdict. */
const FIRST_VERDICT_MS = 600;

interface VisibilityEntry extends IntersectionObserverEntry {
  isVisible?: boolean;
}

export function watchSeen(element: Element): SeenWatcher {
  const view = element.ownerDocument.defaultView;
  let verdict: boolean | undefined;
  let waiters: (() => void)[] = [];
  let observer: IntersectionObserver | undefined;
  if (view && 'isVisible' in view.IntersectionObserverEntry.prototype) {
    observer = new view.IntersectionObserver(
      (entries) => {
        const last = entries[entries.length - 1] as VisibilityEntry | undefined;
        if (!last) return;
        verdict = last.isVisible === true;
        for (const wake of waiters) wake();
        waiters = [];
      },
      // trackVisibility and delay are IntersectionObserver v2; the DOM types do not know them yet.
      { threshold: [0, 1], trackVisibility: true, delay: 100 } as IntersectionObserverInit,
    );
    observer.observe(element);
  }
  return {
    async seen(point) {
      if (!looksShown(element)) return false;
      if (point && !isUnder(element, point)) return false;
      if (!observer) return true;
      if (verdict === undefined)
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, FIRST_VERDICT_MS);
        });
      return verdict === true;
    },
    stop() {
      observer?.disconnect();
      for (const wake of waiters) wake();
      waiters = [];
    },
  };
}

/** No transparent, hidden or filtered element between it and the top of its document (hosts included). */
export function looksShown(element: Element): boolean {
  let node: Element | null = element;
  while (node) {
    const style = node.ownerDocument.defaultView?.getComputedStyle(node);
    if (style) {
      if (Number.parseFloat(style.opacity) < 1) return false;
      if (style.visibility !== 'visible' || style.display === 'none') return false;
      if (style.filter !== 'none' && style.filter !== '') return false;
    }
    const parent: Node | null = node.parentNode;
    node = parent instanceof ShadowRoot ? parent.host : parent instanceof Element ? parent : null;
  }
  const rect = element.getBoundingClientRect();
  return rect.width > 0 && rect.height > 0;
}

/** Whether the topmost element at a point (through open and ClaimLens's own shadow roots) is inside it. */
function isUnder(element: Element, point: { x: number; y: number }): boolean {
  const root = element.getRootNode();
  const hit =
    root instanceof ShadowRoot || root instanceof Document ? root.elementFromPoint(point.x, point.y) : null;
  return hit !== null && (hit === element || element.contains(hit));
}
