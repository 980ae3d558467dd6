/**
 * How a reader reaches a mark: hovering with calm timing, clicking, or stepping through marks with
 * the keyboard. Highlights are not elements, so the pointer is hit-tested against the marks' ranges.
 */
import { caretAt } from './caret';
import { listenFirst } from './event-relay';
import type { Mark } from './spotter';

export interface MarkInteractionHandlers {
  open(mark: Mark, how: 'hover' | 'click' | 'keyboard'): void;
  /** The pointer left the mark: close after the grace period unless it reaches the tooltip. */
  leave(): void;
  /** Escape. */
  close(): void;
  /** Whether this mark's card is pinned open: a click on it then belongs to the page (its link). */
  isPinned?(mark: Mark): boolean;
  /** A click on the page, away from every mark. */
  away?(): void;
  /** The mark under the pointer changed (drawn with a hover state), or none is. */
  hover?(mark: Mark | null): void;
}

export interface MarkInteractionOptions {
  /** How long the pointer rests on a mark before its tooltip opens. */
  hoverDelayMs?: number;
  /**
   * Whether an event happened in ClaimLens's own UI (its panels float over the page's text): such a
   * pointer is over the panel, not over the marks beneath it, and a click there is the panel's.
   */
  isOwnUi?: (event: Event) => boolean;
}

/** Alt+Shift+N steps to the next mark, Alt+Shift+P to the previous one. */
export const NEXT_MARK_KEY = 'KeyN';
export const PREVIOUS_MARK_KEY = 'KeyP';

export function watchMarks(
  doc: Document,
  getMarks: () => readonly Mark[],
  handlers: MarkInteractionHandlers,
  signal: AbortSignal,
  options: MarkInteractionOptions = {},
): { current(): Mark | null } {
  const hoverDelay = options.hoverDelayMs ?? 450;
  const isOwnUi = options.isOwnUi ?? (() => false);
  let hovered: Mark | null = null;
  let stepped = -1;
  let hoverTimer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;
  let lastPoint: [number, number] = [0, 0];
  let overOwnUi = false;
  /** The last key pressed: focus reached by Tab shows a card, focus given back after Escape does not. */
  let lastKey = '';
  const view = doc.defaultView!;

  const onPointerMove = (event: PointerEvent) => {
    if (event.pointerType === 'touch') return;
    lastPoint = [event.clientX, event.clientY];
    overOwnUi = isOwnUi(event);
    if (frame) return;
    frame = view.requestAnimationFrame(() => {
      frame = 0;
      const mark = overOwnUi ? null : markAtPoint(doc, getMarks(), lastPoint[0], lastPoint[1]);
      if (mark === hovered) return;
      clearTimeout(hoverTimer);
      const left = hovered;
      hovered = mark;
      handlers.hover?.(mark);
      if (mark) hoverTimer = setTimeout(() => handlers.open(mark, 'hover'), hoverDelay);
      else if (left) handlers.leave();
    });
  };

  const onClick = (event: MouseEvent) => {
    lastKey = '';
    if (event.button !== 0 || isOwnUi(event)) return;
    const selection = doc.getSelection();
    if (selection && !selection.isCollapsed) return; // the reader is selecting text, not asking
    const mark = markAtPoint(doc, getMarks(), event.clientX, event.clientY);
    if (!mark) return handlers.away?.();
    // A mark inside a link: the first click pins its card instead of leaving the page; once the card
    // is pinned, a click on the mark follows the link, as do clicks with a modifier (new tab, window).
    const link = (event.target as Element | null)?.closest?.('a[href]');
    if (
      link &&
      (handlers.isPinned?.(mark) || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey)
    )
      return;
    if (link) event.preventDefault();
    clearTimeout(hoverTimer);
    handlers.open(mark, 'click');
  };

  /**
   * The page element that has the focus (not ClaimLens's own), and the mark inside it. Text fields and
   * editable regions never hold a mark (they are not read).
   */
  const focused = (event: Event): [Element, Mark | undefined] | undefined => {
    const element = doc.activeElement;
    if (!element || element === doc.body || isOwnUi(event)) return;
    return [element, getMarks().find((mark) => mark.range.intersectsNode(element))];
  };
  /** The element whose mark's card Enter or Space opened: the next Enter there is the page's (its link). */
  let opened: Element | null = null;

  const onKeyDown = (event: KeyboardEvent) => {
    lastKey = event.key;
    if (event.key === 'Escape') {
      handlers.close();
      return;
    }
    // Enter or Space on a focused mark (a link around a name) pins its card as a first click does and
    // puts the focus in it; Escape gives the focus back, and Enter then follows the link.
    if ((event.key === 'Enter' || event.key === ' ') && !event.altKey && !event.ctrlKey && !event.metaKey) {
      const hit = focused(event);
      if (!hit) return;
      const [element, mark] = hit;
      if (!mark || element === opened || handlers.isPinned?.(mark)) return void (opened = null);
      event.preventDefault();
      clearTimeout(hoverTimer);
      opened = element;
      handlers.open(mark, 'keyboard');
      return;
    }
    if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
    if (event.code !== NEXT_MARK_KEY && event.code !== PREVIOUS_MARK_KEY) return;
    const marks = getMarks();
    if (marks.length === 0) return;
    event.preventDefault();
    event.stopPropagation();
    const forward = event.code === NEXT_MARK_KEY;
    stepped =
      stepped < 0
        ? forward
          ? 0
          : marks.length - 1
        : (stepped + (forward ? 1 : -1) + marks.length) % marks.length;
    handlers.open(marks[stepped]!, 'keyboard');
  };

  // Heard before the page's own listeners can stop them (lib/page/event-relay.ts); not passive: a
  // first click on a mark inside a link must not follow the link.
  listenFirst(view, 'pointermove', onPointerMove, signal);
  listenFirst(view, 'click', onClick, signal);
  listenFirst(view, 'keydown', onKeyDown, signal);
  // Focus on a page element around a mark (a link, by Tab) shows its card as hovering does.
  listenFirst(
    view,
    'focusin',
    (event) => {
      const [element, mark] = focused(event) ?? [];
      if (element && element !== opened) opened = null;
      if (lastKey !== 'Tab' || isOwnUi(event)) return;
      if (mark) handlers.open(mark, 'hover');
      else handlers.leave();
    },
    signal,
  );
  signal.addEventListener('abort', () => {
    clearTimeout(hoverTimer);
    if (frame) view.cancelAnimationFrame(frame);
  });
  return { current: () => (stepped >= 0 ? (getMarks()[stepped] ?? null) : hovered) };
}

/** The mark under a viewport point, if any. */
export function markAtPoint(doc: Document, marks: readonly Mark[], x: number, y: number): Mark | null {
  if (marks.length === 0) return null;
  const caret = caretAt(doc, x, y);
  if (!caret) return null;
  let best: Mark | null = null;
  for (const mark of marks) {
    const range = mark.range;
    if (!range.intersectsNode(caret.node)) continue;
    if (!rectsContain(range.getClientRects(), x, y)) continue;
    // Incident marks sit over entity marks; the smaller (inner) one wins when they overlap.
    if (!best || range.toString().length < best.range.toString().length) best = mark;
  }
  return best;
}

function rectsContain(rects: DOMRectList, x: number, y: number): boolean {
  for (const rect of rects) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return true;
  }
  return false;
}
