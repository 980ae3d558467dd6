/**
 * Whether the reader really sees a piece of ClaimLens's UI before a click on it saves, changes or
 * deletes anything (clickjacking: a page that makes it transparent, covers it or hides it under a
 * decoy). IntersectionObserver v2 (`trackVisibility`, Chromium) judges the whole chain of frames and
 * what is drawn over it; where it is missing, the element's and its hosts' styles are read, and
 * what lies under the click is checked.
 */

/** A seen-or-not answer for one element, asked at the moment of each click. */
export interface SeenWatcher {
  /** Whether the element is seen now (a click at `point` is on it, when given). */
  seen(point?: { x: number; y: number }): Promise<boolean>;
  stop(): void;
}

/**
 * How long a click waits for the browser's verdict. It comes with the next frame drawn (3–16 ms when
 * the machine is idle); on a loaded one a frame that just ran heavy work drew its next frame after
 * more than 600 ms, and the reader's click was refused with nothing covering it.
 */
const VERDICT_MS = 2000;

interface VisibilityEntry extends IntersectionObserverEntry {
  isVisible?: boolean;
}

/**
 * Each question gets a verdict of its own: a fresh observer is computed on the next frame, whereas
 * one kept open reports a change only after its delay, so a cover put over the element just before
 * the click would still be reported as not there.
 */
export function watchSeen(element: Element): SeenWatcher {
  const view = element.ownerDocument.defaultView;
  const tracks = !!view && 'isVisible' in view.IntersectionObserverEntry.prototype;
  const pending = new Set<() => void>();
  return {
    async seen(point) {
      if (!looksShown(element)) return false;
      if (point && !isUnder(element, point)) return false;
      if (!tracks || !view) return true;
      return new Promise<boolean>((resolve) => {
        const observer = new view.IntersectionObserver(
          (entries) =>
            finish((entries[entries.length - 1] as VisibilityEntry | undefined)?.isVisible === true),
          // trackVisibility and delay are IntersectionObserver v2; the DOM types do not know them yet.
          { threshold: [0, 1], trackVisibility: true, delay: 100 } as IntersectionObserverInit,
        );
        const timer = setTimeout(() => finish(false), VERDICT_MS);
        const stop = () => finish(false);
        function finish(verdict: boolean) {
          observer.disconnect();
          clearTimeout(timer);
          pending.delete(stop);
          resolve(verdict);
        }
        pending.add(stop);
        observer.observe(element);
      });
    },
    stop() {
      for (const stop of [...pending]) stop();
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
